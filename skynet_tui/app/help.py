"""The help screen: every key, and what the screen shows."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from skynet_tui.app.keybar import KeyBar

KEYS = [
    (
        "Moving",
        [
            ("↑ ↓  j k", "previous / next event (or value, in the filter lists)"),
            ("PgUp PgDn", "a page up / down (space too, in the timeline)"),
            ("Home End  g G", "first / last event (or value)"),
            ("enter", "read the selected event's detail"),
            ("esc", "back to the timeline"),
            ("tab", "the next pane: timeline, detail, search box, filter lists"),
        ],
    ),
    (
        "Filtering",
        [
            (
                "/",
                'search: title, summary, people and quotes; every word must appear, also inside a longer word; "in quotes" together',
            ),
            ("f", "the filter lists, where you left them"),
            ("y a c t", "the year, agency, country or type list"),
            ("space / enter", "in the filter lists: choose or unchoose a value; [x] marks the chosen"),
            ("x", "clear every filter"),
            ("s", "hide or show the filter sidebar"),
        ],
    ),
    (
        "Reading and sharing",
        [
            ("o", "open the selected event's source in the browser (http/https only)"),
            ("l", "copy the link (command line) that reopens this exact view"),
            ("r", "results: official figures year by year"),
            ("ctrl+p", "command palette: go to an event (title, person or id), jump to a year, filter by a value"),
        ],
    ),
    ("", [("?", "this help"), ("q", "quit")]),
]

ABOUT = (
    "Each row of the timeline is one event: date (as precise as the sources allow: a month-only date "
    "shows only the month), type (where there is room), title and countries. Numbers beside filter values say how many events "
    "each value would show given the other filters. The detail pane lists every source with the quote "
    "the event rests on; figures that sources give differently are marked Disputed, with every value."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j", "scroll(1)", "Scroll"),
        Binding("k", "scroll(-1)", "Scroll"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%; border: thick $accent; background: $surface; padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(
                Content.styled("skynet-tui: keys", "bold $text-accent")
                + Content.styled("  (esc closes)", "$text-muted")
            )
            for heading, rows in KEYS:
                if heading:
                    yield Static(Content.styled(f"\n{heading}", "bold"))
                grid = Table.grid(padding=(0, 2))
                grid.add_column(style="bold", no_wrap=True, min_width=18)
                grid.add_column()
                for keys, meaning in rows:
                    grid.add_row(Text("  " + keys), Text(meaning))  # plain text: "[x]" is not markup
                yield Static(grid)
            yield Static(Content("\n" + ABOUT))
        yield KeyBar()  # over the explorer's, whose keys do not work here

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)
