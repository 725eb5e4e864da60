"""The filter lists: every facet's values with live counts, drawn line by line by one widget.

Textual's SelectionList builds and styles an option, a toggle and a prompt per value. Four of
them were most of the time the explorer took to its first frame, and redrawing their ~280
changed counts most of a filter change at 100,000 events. This view renders only the lines
on screen, from the counts the screen hands it.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from skynet_tui.app.lines import LineStyles, fit_middle, styled_line
from skynet_tui.app.scrollbars import expect_overflow
from skynet_tui.catalog import Catalog, country_name
from skynet_tui.facets import DIMENSIONS
from skynet_tui.query import Filter
from skynet_tui.text import name_order, one_line

HEADINGS = {"year": "Year (y)", "agency": "Agency (a)", "country": "Country (c)", "type": "Type (t)"}
CHOSEN, NOT_CHOSEN = "[x] ", "[ ] "  # distinct in characters, not only in colour (NO_COLOR)


def value_label(catalog: Catalog, dimension: str, value) -> str:
    """How a facet value is named in the sidebar and the palette."""
    if dimension == "agency":
        return one_line(catalog.agencies[value].name)
    if dimension == "country":
        return f"{country_name(value)} ({value})"
    return str(value)


class FacetRow(NamedTuple):
    """A line of the panel: a facet's heading (value None), one of its values, or the blank
    line before a heading (dimension "")."""

    dimension: str = ""
    value: str | int | None = None


class FacetPanel(ScrollView, can_focus=True):
    """Each facet's heading, then its values in the order of their names; several may be chosen.

    A value's count comes before its name, right-aligned, so that a long agency or country
    name cut short by the sidebar's width never hides it.
    """

    BINDINGS = [
        Binding("space,enter", "toggle", "Choose"),
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
    ]
    COMPONENT_CLASSES = {
        "facet-panel--heading",
        "facet-panel--count",
        "facet-panel--none",
        "facet-panel--chosen",
        "facet-panel--cursor",
    }
    DEFAULT_CSS = """
    FacetPanel { height: 1fr; background: $surface; overflow-x: hidden; scrollbar-size-vertical: 1; }
    FacetPanel > .facet-panel--heading { color: $text-accent; text-style: bold; }
    FacetPanel > .facet-panel--count { color: $text-muted; }
    FacetPanel > .facet-panel--none { color: $text-disabled; }
    FacetPanel > .facet-panel--chosen { color: $text-success; text-style: bold; }
    FacetPanel > .facet-panel--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    """

    class Toggled(Message):
        """One value chosen or unchosen: a change, not the whole selection, so that toggles
        typed faster than the screen redraws are each applied once, none undone."""

        def __init__(self, dimension: str, value) -> None:
            super().__init__()
            self.dimension = dimension
            self.value = value

    def __init__(self, catalog: Catalog, start: Filter, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.line_styles = LineStyles(self)
        self.labels: dict[str, dict] = {}
        self.count_width: dict[str, int] = {}
        self.rows: list[FacetRow] = []
        for dimension in DIMENSIONS:
            labels = {value: value_label(catalog, dimension, value) for value in catalog.facets.values(dimension)}
            self.labels[dimension] = labels
            most = max((mask.bit_count() for mask in catalog.facets.masks[dimension].values()), default=0)
            self.count_width[dimension] = len(f"{most:,}")
            self.rows += [FacetRow(), FacetRow(dimension)] if self.rows else [FacetRow(dimension)]
            self.rows += [FacetRow(dimension, value) for value in sorted(labels, key=lambda v: name_order(labels[v]))]
        self.value_rows = [index for index, row in enumerate(self.rows) if row.value is not None]
        self.cursor = 0  # an index into value_rows
        self.chosen = {dimension: start.selected(dimension) for dimension in DIMENSIONS}
        self.counts: dict[str, dict] = {dimension: {} for dimension in DIMENSIONS}
        self.virtual_size = Size(0, len(self.rows))

    def on_mount(self) -> None:
        expect_overflow(self)

    # --- what is shown -----------------------------------------------------------------
    def show(self, filter: Filter, counts: dict[str, dict]) -> None:
        """Show the filter's chosen values and these counts; redraw only if either changed."""
        chosen = {dimension: filter.selected(dimension) for dimension in DIMENSIONS}
        if chosen != self.chosen or counts != self.counts:
            self.chosen, self.counts = chosen, counts
            self.refresh()

    @property
    def cursor_row(self) -> int | None:
        return self.value_rows[self.cursor] if self.value_rows else None

    def go_to_facet(self, dimension: str) -> None:
        """Put the cursor on the facet's first value (the next one, if it has none), with its
        heading at the top."""
        heading = self.rows.index(FacetRow(dimension))
        if self.value_rows:
            self.cursor = min(bisect_left(self.value_rows, heading), len(self.value_rows) - 1)
        self.scroll_to(y=heading, animate=False)
        # Again once laid out: a panel the key has just shown cannot scroll yet.
        self.call_after_refresh(self.scroll_to, y=heading, animate=False)
        self.refresh()

    # --- keys and mouse ----------------------------------------------------------------
    def action_toggle(self) -> None:
        """Toggle the value under the cursor now, as the key arrives, not when the screen has
        caught up: space, down, space typed quickly must choose two values."""
        row = self.cursor_row
        if row is not None:
            value_row = self.rows[row]
            self.post_message(self.Toggled(value_row.dimension, value_row.value))

    def action_cursor(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(1, self.scrollable_content_region.height - 1))

    def action_edge(self, end: int) -> None:
        self._move_to(len(self.value_rows) - 1 if end else 0)
        if not end:
            self.scroll_to(y=0, animate=False)

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        if row in self.value_rows:
            self._move_to(self.value_rows.index(row))
            self.action_toggle()

    def on_focus(self) -> None:
        self.refresh()  # the cursor shows only while the panel has the focus

    def on_blur(self) -> None:
        self.refresh()

    def _move_to(self, cursor: int) -> None:
        if not self.value_rows:
            return
        cursor = max(0, min(cursor, len(self.value_rows) - 1))
        if cursor != self.cursor:
            self.refresh_line(self.value_rows[self.cursor])
            self.cursor = cursor
            self.refresh_line(self.value_rows[cursor])
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Keep the cursor in view; with a facet's first value, its heading too."""
        row = self.value_rows[self.cursor]
        top = row - 1 if self.rows[row - 1].value is None else row
        height = self.scrollable_content_region.height or 1
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif row >= self.scroll_offset.y + height:
            self.scroll_to(y=row - height + 1, animate=False)

    # --- drawing -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        styles = self.line_styles
        if index >= len(self.rows) or not self.rows[index].dimension:
            return Strip.blank(width, styles[""])
        row = self.rows[index]
        if row.value is None:
            return styled_line([(HEADINGS[row.dimension], styles["facet-panel--heading"])], width, styles[""])
        cursor = self.has_focus and index == self.cursor_row
        return _value_line(
            self.labels[row.dimension][row.value],
            self.counts[row.dimension].get(row.value, 0),
            self.count_width[row.dimension],
            row.value in self.chosen[row.dimension],
            width,
            (
                styles[""],
                styles["facet-panel--chosen"],
                styles["facet-panel--count"],
                styles["facet-panel--none"],
                styles["facet-panel--cursor"] if cursor else None,
            ),
        )

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.line_styles.clear()
        _value_line.cache_clear()


@lru_cache(maxsize=1024)
def _value_line(label: str, count: int, count_width: int, chosen: bool, width: int, styles: tuple) -> Strip:
    """A value's line: whether it is chosen, its count, its name cut to the width."""
    base, chosen_style, count_style, none_style, cursor = styles
    marker = (CHOSEN, chosen_style) if chosen else (NOT_CHOSEN, none_style)
    number = (f"{count:>{count_width},} ", count_style if count else none_style)
    room = width - len(marker[0]) - len(number[0])
    return styled_line([marker, number, (fit_middle(label, room), None if count else none_style)], width, base, cursor)
