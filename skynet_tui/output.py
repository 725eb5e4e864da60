"""`list` output in four formats. Data is never markup, and no control character reaches a terminal."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from skynet_tui.catalog import Catalog
from skynet_tui.chart import chart_of
from skynet_tui.figures import figure_text
from skynet_tui.formats import FORMATS  # noqa: F401  (re-exported: the formats this module renders)
from skynet_tui.model import Event, Figure
from skynet_tui.results import CHART_METRICS, YEARLY_METRICS, Entry, Results, YearResults, build_results
from skynet_tui.text import one_line, visible
from skynet_tui.vocabulary import METRICS, SCOPES

# JSON may carry these raw (ensure_ascii=False); escape them so no terminal acts on them.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!{}()])")


FIGURE_FIELDS = ("metric", "value", "period", "scope", "qualifier", "source", "note")
EVENT_FIELDS = (
    "id", "date", "type", "title", "summary", "operation", "people",
    "agencies", "countries", "figures", "citations", "note", "disputed",
)  # fmt: skip
RESULT_FIELDS = ("kind", "disputed", *FIGURE_FIELDS, "event")


def figure_record(figure: Figure) -> dict:
    return {
        "metric": figure.metric,
        "value": figure.value,
        "period": str(figure.period),
        "scope": figure.scope,
        "qualifier": figure.qualifier,
        "source": figure.source,
        "note": figure.note,
    }


def event_record(catalog: Catalog, event: Event) -> dict:
    """An event as plain data whose keys mirror the event file, plus whether it is disputed."""
    return {
        "id": event.id,
        "date": str(event.date),
        "type": event.type,
        "title": event.title,
        "summary": event.summary,
        "operation": event.operation,
        "people": list(event.people),
        "agencies": list(event.agencies),
        "countries": list(event.countries),
        "figures": [figure_record(figure) for figure in event.figures],
        "citations": [{"source": c.source, "quote": c.quote} for c in event.citations],
        "note": event.note,
        "disputed": catalog.is_disputed(event),
    }


def to_json(records: Sequence[dict] | dict) -> str:
    text = json.dumps(records, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def to_csv(fields: Sequence[str], rows: Sequence[dict], *, for_terminal: bool) -> str:
    """CSV with a header and one row per record. Parseable whatever the data; a header even with no rows."""
    buffer = io.StringIO()
    # QUOTE_ALL: before Python 3.11.9 a lone "\r" was left unquoted under the "\n" line end.
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: visible(str(value)) if for_terminal else value for key, value in row.items()})
    return buffer.getvalue()


def markdown_cell(value: object) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(str(value)))


def to_markdown(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def csv_row(catalog: Catalog, event: Event) -> dict:
    record = event_record(catalog, event)
    record["people"] = "; ".join(event.people)
    record["agencies"] = "; ".join(event.agencies)
    record["countries"] = "; ".join(event.countries)
    record["figures"] = "; ".join(
        f"{f.metric}={f.value} ({f.period}, {f.scope}, {f.qualifier}, {f.source})" for f in event.figures
    )
    record["citations"] = " | ".join(f"{c.source}: {c.quote}" for c in event.citations)
    record["operation"] = event.operation or ""
    record["note"] = event.note or ""
    return record


def _countries(event: Event) -> str:
    return ", ".join(event.countries)


def _source_ids(event: Event) -> str:
    return ", ".join(dict.fromkeys(citation.source for citation in event.citations))


def _rich_table(catalog: Catalog, events: Sequence[Event]) -> Table:
    table = Table(title=Text(f"{len(events)} of {len(catalog.events)} events"), expand=False)
    for column in ("Date", "Type", "Title", "Countries", "Sources"):
        table.add_column(column, overflow="fold")
    for event in events:
        title = one_line(event.title) + (" (disputed figures)" if catalog.is_disputed(event) else "")
        cells = (str(event.date), event.type, title, _countries(event), _source_ids(event))
        table.add_row(*(Text(cell) for cell in cells))
    return table


def render_events(catalog: Catalog, events: Sequence[Event], fmt: str, *, for_terminal: bool) -> str:
    if fmt == "json":
        return to_json([event_record(catalog, event) for event in events]) + "\n"
    if fmt == "csv":
        return to_csv(EVENT_FIELDS, [csv_row(catalog, event) for event in events], for_terminal=for_terminal)
    if fmt == "markdown":
        header = ("Date", "Type", "Title", "Countries", "Sources")
        rows = [(event.date, event.type, event.title, _countries(event), _source_ids(event)) for event in events]
        return to_markdown(header, rows)
    return render_rich(_rich_table(catalog, events), for_terminal=for_terminal)


def render_rich(renderable, *, for_terminal: bool) -> str:
    console = Console(
        file=io.StringIO(), markup=False, highlight=False, emoji=False,
        force_terminal=for_terminal, width=None if for_terminal else 120,
    )  # fmt: skip
    console.print(renderable)
    return console.file.getvalue()


def entry_record(entry: Entry) -> dict:
    return {**figure_record(entry.figure), "event": entry.event.id}


def results_record(results: Results) -> dict:
    """The results as plain data: every figure of every year, disputes marked, and the cumulative checks."""
    return {
        "years": [
            {
                "year": row.year,
                "figures": {
                    metric: {"disputed": row.disputed(metric), "values": [entry_record(e) for e in entries]}
                    for metric, entries in row.values.items()
                },
                "other_figures": [entry_record(e) for e in row.other],
            }
            for row in results.years
        ],
        "cumulative": [
            {**entry_record(item.entry), "agrees_with_yearly": item.agrees, "comparison": item.comparison}
            for item in results.cumulative
        ],
    }


def results_rows(results: Results) -> list[dict]:
    """One CSV row per figure: yearly, other (part-year or narrower scope) and cumulative."""
    rows = []
    for row in results.years:
        for metric, entries in row.values.items():
            rows += [{"kind": "yearly", "disputed": row.disputed(metric), **entry_record(e)} for e in entries]
        rows += [{"kind": "other", "disputed": False, **entry_record(e)} for e in row.other]
    rows += [{"kind": "cumulative", "disputed": False, **entry_record(c.entry)} for c in results.cumulative]
    return rows


def _cell(row: YearResults, metric: str) -> Text:
    """Each distinct value once, with the sources that give it; a dispute said in words."""
    distinct = row.distinct(metric)
    if not distinct:
        return Text("—", style="dim")
    text = Text()
    for index, entries in enumerate(distinct.values()):
        if index:
            text.append("\n")
        text.append(figure_text(entries[0].figure))
        text.append(f" ({', '.join(entry.source.id for entry in entries)})", style="dim")
    if len(distinct) > 1:
        text.append("\nsources disagree", style="bold red")
    return text


def yearly_table(results: Results) -> Table:
    yearly = Table(title=Text("Official results year by year"), show_lines=True)
    yearly.add_column("Year")
    for heading in YEARLY_METRICS.values():
        yearly.add_column(heading, overflow="fold")
    for row in results.years:
        yearly.add_row(Text(str(row.year)), *(_cell(row, metric) for metric in YEARLY_METRICS))
    return yearly


def figure_tables(results: Results, *, rows_at_most: int | None = None) -> tuple[Table, Table]:
    """The part-year and the cumulative figures; cut to `rows_at_most` rows each, if given, with
    a caption saying how many more there are."""
    other = Table(title=Text("Figures for part of a year or a narrower scope"), show_lines=True, expand=True)
    cumulative = Table(title=Text("Cumulative figures"), show_lines=True, expand=True)
    for table in (other, cumulative):
        table.add_column("Period", ratio=2)
        table.add_column("Figure", ratio=2)
        table.add_column("Value", ratio=2)
        table.add_column("Source", no_wrap=True)
        table.add_column("Note", ratio=4)
    others = [entry for row in results.years for entry in row.other]
    for entry in others[:rows_at_most]:
        other.add_row(*_figure_cells(entry, entry.figure.note or ""))
    for item in results.cumulative[:rows_at_most]:
        note = "; ".join(filter(None, (item.entry.figure.note, item.comparison)))
        cumulative.add_row(*_figure_cells(item.entry, note), style=None if item.agrees is not False else "red")
    for table, count in ((other, len(others)), (cumulative, len(results.cumulative))):
        if table.row_count < count:
            table.caption = Text(
                f"… and {count - table.row_count:,} more: skynet-tui results --format csv lists them all"
            )
    return other, cumulative


def _figure_cells(entry: Entry, note: str) -> list[Text]:
    figure = entry.figure
    scope = "" if figure.scope == "all" else f"; {SCOPES[figure.scope]}"
    return [
        Text(figure.period.long()),
        Text(METRICS[figure.metric] + scope),
        Text(figure_text(figure)),
        Text(entry.source.id),
        Text(one_line(note)),
    ]


def render_results(catalog: Catalog, fmt: str, *, for_terminal: bool) -> str:
    results = build_results(catalog)
    if fmt == "json":
        return to_json(results_record(results)) + "\n"
    if fmt == "csv":
        return to_csv(RESULT_FIELDS, results_rows(results), for_terminal=for_terminal)
    charts = [chart_of(results, metric) for metric in CHART_METRICS]
    parts = (*charts, yearly_table(results), *figure_tables(results))
    return "".join(render_rich(part, for_terminal=for_terminal) for part in parts)
