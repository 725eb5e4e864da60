"""The results view: yearly figures as bar charts and a table; choosing a year opens its timeline."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from skynet_tui.catalog import Catalog
from skynet_tui.chart import Bar, BarChart
from skynet_tui.figures import amount_text, figure_text
from skynet_tui.output import results_tables
from skynet_tui.results import CHART_METRICS, YEARLY_METRICS, Results, YearResults, build_results
from skynet_tui.vocabulary import METRICS


def chart_of(results: Results, metric: str) -> BarChart:
    bars = []
    for row in results.years:
        entries = row.values.get(metric, ())
        if row.disputed(metric):
            values = " / ".join(amount_text(metric, entry.figure.value) for entry in entries)
            bars.append(Bar(str(row.year), max(e.figure.value for e in entries), f"{values} (sources disagree)", True))
        elif entries:
            bars.append(Bar(str(row.year), entries[0].figure.value, figure_text(entries[0].figure)))
        else:
            bars.append(Bar(str(row.year), None, ""))
    return BarChart(f"{METRICS[metric][0].upper()}{METRICS[metric][1:]}, whole years", tuple(bars))


def _cell(row: YearResults, metric: str) -> Text:
    entries = row.values.get(metric, ())
    if not entries:
        return Text("—", style="dim")
    values = " / ".join(dict.fromkeys(figure_text(entry.figure) for entry in entries))
    sources = ", ".join(dict.fromkeys(entry.source.id for entry in entries))
    if row.disputed(metric):
        return Text(f"⚠ {values} ({sources})", style="bold yellow")
    return Text(f"{values} ({sources})")


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

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content.styled("Official results year by year", "bold $text-accent"))
            yield Static(Group(*(chart_of(self.results, metric) for metric in CHART_METRICS)), id="charts")
            yield Static(Content.styled("Table (enter on a year opens its timeline)", "bold"), classes="heading")
            yield DataTable(id="years", cursor_type="row", zebra_stripes=True)
            _, other, cumulative = results_tables(self.results)
            yield Static(other, id="other")
            yield Static(cumulative, id="cumulative")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#years", DataTable)
        table.add_column("Year", key="year")
        for metric, heading in YEARLY_METRICS.items():
            table.add_column(heading, key=metric)
        for row in self.results.years:
            table.add_row(Text(str(row.year)), *(_cell(row, metric) for metric in YEARLY_METRICS), key=str(row.year))
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(int(event.row_key.value))
