"""The results view: yearly figures as bar charts and a table; choosing a year opens its timeline."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from skynet_tui.app.keybar import KeyBar
from skynet_tui.catalog import Catalog
from skynet_tui.chart import chart_of
from skynet_tui.figures import figure_text, some_of
from skynet_tui.output import figure_tables
from skynet_tui.results import CHART_METRICS, YEARLY_METRICS, Results, YearResults, build_results


def source_letters(results: Results) -> dict[str, str]:
    """A short mark for each source of the yearly figures (A, B, ...), in order of first use."""
    ids = (entry.source.id for row in results.years for entries in row.values.values() for entry in entries)
    return {source: chr(ord("A") + index) for index, source in enumerate(dict.fromkeys(ids))}


def _cell(row: YearResults, metric: str, letters: dict[str, str]) -> Text:
    entries = row.values.get(metric, ())
    if not entries:
        return Text("—", style="dim")
    values = some_of([figure_text(same[0].figure) for same in row.distinct(metric).values()])
    marks = ",".join(dict.fromkeys(letters[entry.source.id] for entry in entries))
    if row.disputed(metric):
        return Text.assemble(("⚠ " + values, "bold yellow"), (f" {marks}", "dim"))
    return Text.assemble(values, (f" {marks}", "dim"))


ROWS_AT_MOST = 100  # of the part-year and cumulative tables: a screen of thousands helps nobody


class YearTable(DataTable):
    """A row per year: j/k step through them as in the timeline, home/end go to the first and
    the last (a DataTable's own home/end scroll sideways, hiding the year column)."""

    BINDINGS = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]


class ResultsScreen(Screen[int | None]):
    """Dismissed with the chosen year (to open its timeline), or None."""

    BINDINGS = [Binding("escape,r", "dismiss(None)", "Back to timeline")]
    DEFAULT_CSS = """
    ResultsScreen VerticalScroll { padding: 0 1; }
    ResultsScreen .heading { text-style: bold; color: $text-accent; margin-top: 1; }
    ResultsScreen DataTable { height: auto; max-height: 16; }
    """

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.results = build_results(catalog)
        self.letters = source_letters(self.results)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content.styled("Official results year by year", "bold $text-accent"))
            yield Static(Group(*(chart_of(self.results, metric) for metric in CHART_METRICS)), id="charts")
            yield Static(Content.styled("Table (enter on a year opens its timeline)", "bold"), classes="heading")
            yield YearTable(id="years", cursor_type="row", zebra_stripes=True)
            yield Static(self.legend(), id="legend")
            other, cumulative = figure_tables(self.results, rows_at_most=ROWS_AT_MOST)
            yield Static(other, id="other")
            yield Static(cumulative, id="cumulative")
        yield KeyBar()

    def legend(self) -> Content:
        lines = [f"{letter} = {source}" for source, letter in self.letters.items()]
        return Content.styled(
            "Sources: " + ", ".join(lines) + " (the detail of each is in the timeline)", "$text-muted"
        )

    def on_mount(self) -> None:
        table = self.query_one("#years", DataTable)
        table.add_column("Year", key="year")
        for metric, heading in YEARLY_METRICS.items():
            table.add_column(heading, key=metric)
        for row in self.results.years:
            table.add_row(
                Text(str(row.year)), *(_cell(row, metric, self.letters) for metric in YEARLY_METRICS), key=str(row.year)
            )
        table.focus()

    def on_resize(self) -> None:
        """Keep the table, which has the focus, in view when the terminal shrinks (as opening does)."""
        self.query_one("#years", DataTable).scroll_visible(animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(int(event.row_key.value))
