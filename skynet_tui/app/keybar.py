"""The key bar at the bottom of a screen: the keys that work where the focus is."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

HELP_ACTION = "help"


class KeyBar(Widget):
    """What Textual's Footer shows, drawn as one line of text; a click on a key presses it.

    The Footer builds a widget per key again whenever the focus moves: that made each focus
    change about 60 ms slower and the first frame about 40 ms later. This redraws one line.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = "KeyBar { dock: bottom; height: 1; background: $footer-background; }"

    def __init__(self) -> None:
        super().__init__()
        self.line: Content | None = None  # what the bar shows; None until the first draw

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        self.update_line()

    def on_resize(self) -> None:
        self.update_line()

    def update_line(self) -> None:
        """Redraw only when the keys shown change: the bindings change signal comes several
        times at start and at every focus change, mostly with the same keys."""
        line = self.keys_line()
        if line != self.line:
            self.line = line
            self.refresh()

    def render(self) -> Content:
        if self.line is None:
            self.line = self.keys_line()
        return self.line

    def keys_line(self) -> Content:
        active = self.screen.active_bindings
        shown: dict[str, list[tuple[Binding, bool]]] = {}  # description -> its keys, in order
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in actions:  # one key per action, the first bound
                actions.add(binding.action)
                shown.setdefault(binding.description, []).append((binding, enabled))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        right = self._key([(palette.binding, palette.enabled)]) if palette else Content("")
        # Whole entries only: a narrow terminal drops the last ones, but never help, which lists them all.
        entries = [(self._key(keys), keys[0][0].action == HELP_ACTION) for keys in shown.values()]
        line, room = Content(""), self.size.width - right.cell_length - 1
        help_room = sum(entry.cell_length for entry, is_help in entries if is_help)
        full = False
        for entry, is_help in entries:
            if is_help:
                help_room = 0
            elif full or line.cell_length + entry.cell_length + help_room > room:
                full = True
                continue
            line += entry
        return line + Content(" " * max(1, self.size.width - line.cell_length - right.cell_length)) + right

    def _key(self, keys: list[tuple[Binding, bool]]) -> Content:
        """'j/k Scroll': the keys that share a description; a click on a key presses it, a
        click on the description presses the first."""
        dim = "" if any(enabled for _, enabled in keys) else " dim"
        entry = Content(" ")
        for index, (binding, _enabled) in enumerate(keys):
            key = Content.styled(self.app.get_key_display(binding), f"bold $footer-key-foreground{dim}")
            entry += (Content("/") if index else Content("")) + key.stylize(_pressing(binding))
        description = Content.styled(f" {keys[0][0].description} ", f"$footer-description-foreground{dim}")
        return entry + description.stylize(_pressing(keys[0][0]))

    def action_press(self, key: str) -> None:
        self.app.simulate_key(key)


def _pressing(binding: Binding) -> Style:
    return Style.from_meta({"@click": f"press({binding.key!r})"})
