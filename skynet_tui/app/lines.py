"""Lines for the views that draw their own: text fitted to a width in cells, and styled parts.

Building the segments directly costs a few microseconds a line; a Rich Text rendered
through a console costs about ten times that, for every line of every first frame.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget


def fit(text: str, width: int) -> str:
    """`text` padded or cut to exactly `width` cells; a cut ends in an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def fit_middle(text: str, width: int) -> str:
    """`text` padded or cut to exactly `width` cells, a third of it from the end: the end of a
    name often tells it from its neighbours ("Supreme People's Court" and "... Procuratorate",
    a country's code)."""
    if width <= 1 or cell_len(text) <= width:
        return fit(text, width)
    tail = (width - 1) // 3
    return set_cell_size(text, width - 1 - tail) + "…" + set_cell_size(text[::-1], tail)[::-1]


def styled_line(
    parts: Iterable[tuple[str, Style | None]], width: int, base: Style, cursor: Style | None = None
) -> Strip:
    """One line of (text, style) parts over a base style, the cursor's style on top, cut or
    padded to `width` cells."""
    segments = [Segment(text, base + style + cursor) for text, style in parts if text]
    return Strip(segments).adjust_cell_length(width, base + cursor)


class LineStyles:
    """A widget's Rich styles, its own ("") and its component classes', each worked out once
    per change of its styles: Textual works them out again on every call, which costs more
    than drawing the line they are for. The widget clears this in `notify_style_update`."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self.styles: dict[str, Style] = {}

    def __getitem__(self, name: str) -> Style:
        style = self.styles.get(name)
        if style is None:
            style = self.widget.get_component_rich_style(name) if name else self.widget.rich_style
            self.styles[name] = style
        return style

    def clear(self) -> None:
        self.styles.clear()
