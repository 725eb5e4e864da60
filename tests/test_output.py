"""`list` output: json mirrors the event file, csv flattens it, markdown escapes it, the table shows it."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from skynet_tui.cli import main
from skynet_tui.output import FORMATS, render_events

EVENT_KEYS = ["id", "date", "type", "title", "summary", "operation", "people", "agencies", "countries"]
EVENT_KEYS += ["figures", "citations", "note", "disputed"]


def listed(capsys, *args: str) -> str:
    assert main(["list", *args]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_json_mirrors_the_event_file(small_path, capsys):
    records = json.loads(listed(capsys, "--events", str(small_path), "--format", "json"))
    in_file = yaml.safe_load(small_path.read_text())["events"]
    assert [record["id"] for record in records] == [event["id"] for event in in_file]
    for record, event in zip(records, in_file, strict=True):
        assert list(record) == EVENT_KEYS
        for key in ("id", "date", "type", "title", "summary", "operation", "note"):
            assert record[key] == event.get(key)
        for key in ("people", "agencies", "countries", "citations"):
            assert record[key] == event.get(key, [])
        assert len(record["figures"]) == len(event.get("figures", []))
        for shown, typed in zip(record["figures"], event.get("figures", []), strict=True):
            assert shown == {"qualifier": "exact", "note": None, **typed}


def test_json_marks_disputed_events(small_path, capsys):
    records = json.loads(listed(capsys, "--events", str(small_path), "--format", "json"))
    assert [record["id"] for record in records if record["disputed"]] == [
        "2021-02-results-2020",
        "2021-03-results-2020-other",
    ]


def test_json_of_an_empty_result_is_an_empty_list(small_path, capsys):
    out = listed(capsys, "--events", str(small_path), "--format", "json", "--year", "2015", "--country", "US")
    assert json.loads(out) == []


def test_csv_parses_and_flattens_lists(small_path, capsys):
    rows = csv_rows(listed(capsys, "--events", str(small_path), "--format", "csv"))
    assert len(rows) == 6
    assert list(rows[0]) == EVENT_KEYS
    xu = next(row for row in rows if row["id"] == "2018-07-11-xu-repatriated")
    assert xu["agencies"] == "nsc; mps"
    assert xu["countries"] == "US"
    assert xu["people"] == "Xu Chaofan"
    assert xu["citations"] == (
        "official-review: Xu Chaofan was forcibly repatriated. | wiki: his hostel every repatriated from abroad"
    )
    results = next(row for row in rows if row["id"] == "2021-02-results-2020")
    assert results["figures"].split("; ")[0] == "people_recovered=1421 (2020, all, exact, official-review)"
    assert results["disputed"] == "True"


def test_csv_keeps_commas_quotes_and_newlines_in_a_field(one_event, capsys):
    path = one_event(summary='"One, two \\"three\\"\\nand four."', person='"Doe, John"')
    (row,) = csv_rows(listed(capsys, "--events", str(path), "--format", "csv"))
    assert row["summary"] == 'One, two "three"\nand four.'
    assert row["people"] == "Doe, John"


def markdown_cells(line: str) -> list[str]:
    return re.split(r"(?<!\\)\|", line)[1:-1]


def test_markdown_is_a_table_with_pipes_and_brackets_escaped(one_event, capsys):
    path = one_event(title='"A | B [link](http://x) *bold* <b>"')
    lines = listed(capsys, "--events", str(path), "--format", "markdown").splitlines()
    assert lines[0] == "| Date | Type | Title | Countries | Sources |"
    assert lines[1] == "|---|---|---|---|---|"
    assert len(lines) == 3
    cells = [cell.strip() for cell in markdown_cells(lines[2])]
    assert cells == [
        "2018-07-11",
        "repatriation",
        r"A \| B \[link\]\(http://x\) \*bold\* \<b\>",
        "US",
        "src",
    ]


def test_markdown_has_one_row_per_event(small_path, capsys):
    lines = listed(capsys, "--events", str(small_path), "--format", "markdown").splitlines()
    assert len(lines) == 2 + 6
    assert all(len(markdown_cells(line)) == 5 for line in lines)
    assert r"Xu repatriated from the US \[bold\]literal\[/\]" in lines[4]


def test_table_shows_every_title_and_the_count(small_path, small_catalog, capsys):
    out = listed(capsys, "--events", str(small_path))
    for event in small_catalog.events:
        assert event.title in out
    assert "6 of 6 events" in out
    assert "Results of 2020 (disputed figures)" in out


def test_table_of_a_filtered_list(small_path, capsys):
    out = listed(capsys, "--events", str(small_path), "--year", "2018")
    assert "2 of 6 events" in out
    assert "Xu repatriated" in out and "Yao extradited" in out
    assert "Sky Net launched" not in out


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("for_terminal", [False, True])
def test_every_format_renders_the_small_file(small_catalog, fmt, for_terminal):
    out = render_events(small_catalog, small_catalog.events, fmt, for_terminal=for_terminal)
    assert out.endswith("\n")
    assert "2018-11-30" in out


def test_render_of_no_events(small_catalog):
    assert json.loads(render_events(small_catalog, [], "json", for_terminal=False)) == []
    assert "0 of 6 events" in render_events(small_catalog, [], "table", for_terminal=False)
    assert render_events(small_catalog, [], "markdown", for_terminal=False).count("\n") == 2


def test_month_only_dates_are_shown_at_month_precision(small_path, capsys):
    records = json.loads(listed(capsys, "--events", str(small_path), "--format", "json", "--type", "launch"))
    assert [record["date"] for record in records] == ["2015-03"]


def test_csv_has_its_header_even_when_nothing_matches(small_catalog):
    from skynet_tui.output import EVENT_FIELDS, event_record, render_events

    text = render_events(small_catalog, [], "csv", for_terminal=False)
    assert next(csv.reader(io.StringIO(text))) == list(EVENT_FIELDS)
    assert list(event_record(small_catalog, small_catalog.events[0])) == list(EVENT_FIELDS)
