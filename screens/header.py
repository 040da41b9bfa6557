"""The header of every full screen: Textual's ``Header``, without one crash."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header


class AppHeader(Header):
    """Textual's ``Header`` (8.2.8) keeps its title in step through watchers of the app's and
    the screen's title and sub-title. The sub-title changes every second here (the clock, the
    save state); a change made just before the screen is replaced can reach a header whose
    parts are already taken away, and Textual, which catches ``NoScreen`` there but not
    ``NoMatches``, crashes the app. This header lets such a late update go: its screen is gone.
    """

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # instead of Header's own watchers, not as well as them
        Widget._on_mount(self, event)

        async def set_title() -> None:
            try:
                self.query_one("HeaderTitle").update(self.format_title())  # type: ignore[attr-defined]
            except (NoScreen, NoMatches):
                pass

        for owner in (self.app, self.screen):
            self.watch(owner, "title", set_title)
            self.watch(owner, "sub_title", set_title)
