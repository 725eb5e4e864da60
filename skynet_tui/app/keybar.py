"""The key bar at the bottom of a screen: the keys that work where the focus is."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

HELP_ACTION = "help"
KeyGroup = list[tuple[Binding, bool]]  # keys that share a description, each with whether it is enabled
Keys = tuple[list[KeyGroup], KeyGroup]  # the groups shown, and the palette's key (none if it is off)


class KeyBar(Widget):
    """What Textual's Footer shows, drawn as one line of text; a click on a key presses it.

    The Footer builds a widget per key again whenever the focus moves: that made each focus
    change about 60 ms slower and the first frame about 40 ms later. This redraws one line.
    """

    ALLOW_SELECT = False
    DEFAULT_CSS = "KeyBar { dock: bottom; height: 1; background: $footer-background; }"

    def __init__(self) -> None:
        super().__init__()
        self.keys: Keys | None = None  # what the bar shows, worked out when first needed
        self.line: Content | None = None  # and drawn for the width `line_width`
        self.line_width = 0

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Redraw only when the keys shown change: this signal comes several times at start and
        at every focus change, mostly with the same keys."""
        keys = self.shown_keys()
        if keys != self.keys:
            self.keys, self.line = keys, None
            self.refresh()

    def render(self) -> Content:
        if self.line is None or self.line_width != self.size.width:
            if self.keys is None:
                self.keys = self.shown_keys()
            self.line, self.line_width = self.keys_line(self.keys), self.size.width
        return self.line

    def shown_keys(self) -> Keys:
        """The keys to show grouped by description, one key per action (the first bound); and the palette's."""
        active = self.screen.active_bindings
        shown: dict[str, KeyGroup] = {}
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.setdefault(binding.description, []).append((binding, enabled))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        return list(shown.values()), [(palette.binding, palette.enabled)] if palette else []

    def keys_line(self, keys: Keys) -> Content:
        groups, palette = keys
        right = self._key(palette) if palette else Content("")
        # Whole entries only: a narrow terminal drops the last ones, but never help, which lists them all.
        entries = [(self._key(group), group[0][0].action == HELP_ACTION) for group in groups]
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

    def _key(self, keys: KeyGroup) -> Content:
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
