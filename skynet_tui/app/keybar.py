"""The key bar at the bottom of a screen: the keys that work where the focus is."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget


class KeyBar(Widget):
    """What Textual's Footer shows, drawn as one line of text; a click on a key presses it.

    The Footer builds a widget per key again whenever the focus moves: that made each focus
    change about 60 ms slower and the first frame about 40 ms later. This redraws one line.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = "KeyBar { dock: bottom; height: 1; background: $footer-background; }"

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def render(self) -> Content:
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool]] = {}  # one key per action, the first bound
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled)
        left = Content("").join(self._key(binding, enabled) for binding, enabled in shown.values())
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if not self.app.ENABLE_COMMAND_PALETTE or palette is None:
            return left
        right = self._key(palette.binding, palette.enabled)
        gap = self.size.width - left.cell_length - right.cell_length
        return left + Content(" " * max(1, gap)) + right

    def _key(self, binding: Binding, enabled: bool) -> Content:
        dim = "" if enabled else " dim"
        key = Content.styled(f" {self.app.get_key_display(binding)} ", f"bold $footer-key-foreground{dim}")
        description = Content.styled(f"{binding.description} ", f"$footer-description-foreground{dim}")
        return (key + description).stylize(Style.from_meta({"@click": f"press({binding.key!r})"}))

    def action_press(self, key: str) -> None:
        self.app.simulate_key(key)
