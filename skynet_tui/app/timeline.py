"""The timeline: filtered events under year headings, drawn line by line.

A Line-API view: only the rows on screen are rendered, and nothing is built per event,
so 100,000 events scroll and refilter as fast as 100.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from skynet_tui.app.lines import LineStyles, fit, styled_line
from skynet_tui.app.scrollbars import expect_overflow
from skynet_tui.catalog import Catalog
from skynet_tui.model import Event
from skynet_tui.text import one_line

DATE_WIDTH = 10
TYPE_WIDTH = 13


class Row(NamedTuple):
    """A line of the timeline: a year heading (position None) or an event."""

    year: int
    position: int | None = None
    count: int = 0


class Rows(Sequence[Row]):
    """The timeline's lines: each year's heading, then its events.

    Holds the event positions and one offset per year, never an object per event, so a
    filter change at 100,000 events costs a list, not 100,000 allocations.
    """

    def __init__(self, positions: list[int], year_counts: list[tuple[int, int]]) -> None:
        self.positions = positions
        self.years = [year for year, _ in year_counts]
        self.counts = [count for _, count in year_counts]
        self.heading_rows: list[int] = []  # the row of each year's heading
        self.first_event: list[int] = []  # the index in `positions` of each year's first event
        row = shown = 0
        for count in self.counts:
            self.heading_rows.append(row)
            self.first_event.append(shown)
            row += count + 1
            shown += count

    def __len__(self) -> int:
        return len(self.positions) + len(self.years)

    def __getitem__(self, row: int) -> Row:
        if not 0 <= row < len(self):
            raise IndexError(row)
        group = bisect_right(self.heading_rows, row) - 1
        if self.heading_rows[group] == row:
            return Row(self.years[group], None, self.counts[group])
        return Row(self.years[group], self.positions[row - group - 1])

    def row_of(self, position: int) -> int | None:
        """The row of an event position, or None when it is not shown."""
        index = bisect_left(self.positions, position)
        if index == len(self.positions) or self.positions[index] != position:
            return None
        return index + bisect_right(self.first_event, index)

    def year_row(self, year: int) -> int | None:
        return self.heading_rows[self.years.index(year)] if year in self.years else None


class Timeline(ScrollView, can_focus=True):
    """The scrollable list of events; posts Highlighted when the cursor moves to an event."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
    ]
    COMPONENT_CLASSES = {"timeline--year", "timeline--cursor", "timeline--date", "timeline--type", "timeline--empty"}
    DEFAULT_CSS = """
    Timeline { background: $surface; overflow-x: hidden; }
    Timeline > .timeline--year { color: $text-accent; text-style: bold; background: $boost; }
    Timeline > .timeline--cursor { background: $block-cursor-blurred-background; text-style: bold; }
    Timeline:focus > .timeline--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    Timeline > .timeline--date { color: $text-muted; }
    Timeline > .timeline--type { color: $text-secondary; }
    Timeline > .timeline--empty { color: $text-warning; }
    """

    class Highlighted(Message):
        """The cursor is on an event (position in the catalog), or on nothing (None)."""

        def __init__(self, position: int | None) -> None:
            super().__init__()
            self.position = position

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.line_styles = LineStyles(self)
        self.catalog = catalog
        self.rows = Rows([], [])
        self.cursor_row: int | None = None
        self.empty_message: str = ""

    # --- what is shown -----------------------------------------------------------------
    def show(self, rows: Rows, *, select: int | None, empty_message: str) -> None:
        """Show these rows; put the cursor on event `select` if it is among them, else the first."""
        self.rows = rows
        self.empty_message = empty_message
        self.virtual_size = Size(self.size.width, len(self.rows) if self.rows else 3)
        expect_overflow(self)
        target = self.row_of(select) if select is not None else None
        if target is None:
            target = 1 if self.rows else None
        self.move_to(target, force=True)
        # Again once laid out: while the new rows are not, the scrollbar they need is not there
        # either, and Textual ignores a scroll it does not allow yet.
        self.call_after_refresh(self.scroll_to_cursor)
        self.refresh()

    def row_of(self, position: int) -> int | None:
        return self.rows.row_of(position)

    @property
    def selected_position(self) -> int | None:
        if self.cursor_row is None:
            return None
        return self.rows[self.cursor_row].position

    def year_row(self, year: int) -> int | None:
        return self.rows.year_row(year)

    # --- moving ------------------------------------------------------------------------
    def move_to(self, row: int | None, *, force: bool = False) -> None:
        if row is not None and self.rows:
            row = max(0, min(row, len(self.rows) - 1))
            if self.rows[row].position is None:  # a heading: step onto its first event
                row = row + 1 if row + 1 < len(self.rows) else row - 1
        if row == self.cursor_row and not force:
            return
        previous = self.cursor_row
        self.cursor_row = row
        for line in (previous, row):
            if line is not None:
                self.refresh_line(line)
        if row is not None:
            self.scroll_to_region_of(row)
        self.post_message(self.Highlighted(self.selected_position))

    def scroll_to_cursor(self) -> None:
        if self.cursor_row is not None:
            self.scroll_to_region_of(self.cursor_row)

    def scroll_to_region_of(self, row: int) -> None:
        height = self.scrollable_content_region.height
        if not height:  # not laid out yet; show() scrolls again once it is
            return
        top = self.scroll_offset.y
        if row < top + 1:
            self.scroll_to(y=max(0, row - 1), animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def action_cursor(self, step: int) -> None:
        if self.cursor_row is None:
            return
        row = self.cursor_row + step
        if 0 <= row < len(self.rows) and self.rows[row].position is None:
            row += step
        if 0 <= row < len(self.rows):
            self.move_to(row)

    def action_page(self, direction: int) -> None:
        if self.cursor_row is not None:
            self.move_to(self.cursor_row + direction * max(1, self.scrollable_content_region.height - 1))

    def action_edge(self, end: int) -> None:
        if self.rows:
            self.move_to(len(self.rows) - 1 if end else 0)

    def on_click(self, event) -> None:
        row = event.y + self.scroll_offset.y
        if 0 <= row < len(self.rows):
            self.move_to(row)

    # --- drawing -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        row_index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if not self.rows:
            return self._empty_line(y, width)
        if row_index >= len(self.rows):
            return Strip.blank(width, self.line_styles[""])
        row = self.rows[row_index]
        if row.position is None:
            style = self.line_styles["timeline--year"]
            label = f" {row.year}  ·  {row.count:,} event{'s' if row.count != 1 else ''}"
            return Strip([Segment(label.ljust(width)[:width], style)])
        selected = row_index == self.cursor_row
        return self._event_line(row.position, width, selected)

    def _empty_line(self, y: int, width: int) -> Strip:
        lines = [""]  # the message wrapped to the width: the filters it names can be long
        for paragraph in self.empty_message.splitlines():
            indent = paragraph[: len(paragraph) - len(paragraph.lstrip())]
            lines += textwrap.wrap(paragraph, max(8, width - 1), subsequent_indent=indent) or [""]
        text = lines[y] if y < len(lines) else ""
        style = self.line_styles["timeline--empty"]
        line = Text(" " + text, style=style, no_wrap=True, overflow="ellipsis")
        line.truncate(width, overflow="ellipsis", pad=True)
        return Strip(line.render(self.app.console), width)

    def _event_line(self, position: int, width: int, selected: bool) -> Strip:
        styles = (
            self.line_styles[""],
            self.line_styles["timeline--date"],
            self.line_styles["timeline--type"],
            self.line_styles["timeline--cursor"] if selected else None,
        )
        return _render_event(self.catalog.events[position], width, styles)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.line_styles.clear()
        _render_event.cache_clear()


@lru_cache(maxsize=2048)
def _render_event(event: Event, width: int, styles: tuple) -> Strip:
    """One event row: date, type, title, countries; fitted to the width in cells."""
    base, date_style, type_style, cursor = styles
    countries = f" {','.join(event.countries)} "
    parts = [(f" {event.date!s:<{DATE_WIDTH}} ", date_style)]
    if width >= 60:
        parts.append((f"{event.type:<{TYPE_WIDTH}} ", type_style))
    used = sum(len(text) for text, _ in parts) + len(countries)  # ASCII: characters are cells
    parts += [(fit(one_line(event.title), max(4, width - used)), None), (countries, None)]
    return styled_line(parts, width, base, cursor)
