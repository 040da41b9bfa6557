"""The yardstick: a bare Textual app that paints one Label headless, then exits."""

from textual.app import App, ComposeResult
from textual.widgets import Label


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Partner Workshop")

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    Bare().run(headless=True, size=(120, 36))
