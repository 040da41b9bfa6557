"""The Footer of every screen: Textual's own, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen

KeysShown = tuple[tuple[object, ...], ...]


class SteadyFooter(Footer):
    """Textual's Footer, which rebuilds its keys only when what they would show has changed.

    Textual's Footer recomposes — every key widget removed, created, styled and laid out again —
    whenever its screen's bindings are updated: at every focus move and every
    ``refresh_bindings()``, even when the same keys come back (two times in three in the App
    tests: moving between the fields of a form, between the cells of a table).  Each rebuild
    costs a layout of the whole screen.  This one compares the keys first.
    """

    _keys_shown: KeysShown | None = None

    def bindings_changed(self, screen: Screen) -> None:
        # As Footer.bindings_changed, which recomposes only in this case: the key widgets of a
        # Footer that never recomposed (app not focused, screen not current) are not the keys.
        rebuilds = screen.app.app_focus and self.is_attached and screen is self.screen
        if not rebuilds:
            super().bindings_changed(screen)
            return
        keys = keys_shown(screen)
        if keys == self._keys_shown:  # never on the first call: the keys are built then
            return
        self._keys_shown = keys
        super().bindings_changed(screen)


def keys_shown(screen: Screen) -> KeysShown:
    """Everything of the screen's active bindings that Footer.compose puts on screen."""
    app = screen.app
    shown = []
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        if binding.show or key == app.COMMAND_PALETTE_BINDING:
            group = binding.group
            shown.append((
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip or binding.tooltip,
                None if group is None else (group.description, group.compact),
            ))
    return tuple(shown)
