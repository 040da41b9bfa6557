"""The Footer rebuilds its keys only when the keys it shows change (screens/footer.py)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from screens.footer import SteadyFooter
from tests.app_harness import app_on, until
from workshop.method.models import Session


def footer_keys(app) -> list[FooterKey]:  # noqa: ANN001 - the App
    return list(app.screen.query_one(SteadyFooter).query(FooterKey))


def described(keys: list[FooterKey]) -> list[str]:
    return [key.description for key in keys]


async def test_keys_are_kept_while_focus_moves_between_widgets_with_the_same_keys(tmp_path):
    app = app_on(Session(title="Footer"), tmp_path)  # opens on the intake form
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: footer_keys(app), "the Footer's keys")
        first = footer_keys(app)
        assert "Add" not in described(first) and "Next" in described(first)

        await pilot.press("tab")  # the stepper -> the title field
        await pilot.press("tab")  # -> the next field: the same keys
        assert type(app.focused).__name__ == "LiteralInput"
        assert footer_keys(app) == first  # the very same widgets: nothing was rebuilt

        app.screen.query_one("#participants").focus()  # a table: Add, Edit, Delete come in
        await until(pilot, lambda: "Add" in described(footer_keys(app)), "the table's keys")
        table_keys = footer_keys(app)
        assert described(table_keys)[:3] == ["Add", "Edit", "Delete"]
        assert not set(map(id, table_keys)) & set(map(id, first))

        await pilot.press("tab")  # back to a field: the table's keys leave again
        await until(pilot, lambda: "Add" not in described(footer_keys(app)), "the field's keys")
        assert described(footer_keys(app)) == described(first)


async def test_a_key_that_becomes_unavailable_leaves_the_footer(tmp_path):
    """The same focus, other keys: what check_action hides is compared too, not only the focus."""
    app = app_on(Session(title="Footer"), tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: footer_keys(app), "the Footer's keys")
        assert "Next" in described(footer_keys(app))
        screen = app.screen
        hidden = {"step"}
        original = screen.check_action

        def check_action(action, parameters):  # noqa: ANN001, ANN202
            return False if action in hidden else original(action, parameters)

        screen.check_action = check_action  # type: ignore[method-assign]
        screen.refresh_bindings()
        await until(pilot, lambda: "Next" not in described(footer_keys(app)), "'Next' gone")
        hidden.clear()
        screen.refresh_bindings()
        await until(pilot, lambda: "Next" in described(footer_keys(app)), "'Next' back")
