"""The official figures year by year: disputes kept, part-years kept apart, cumulative figures checked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from skynet_tui.catalog import parse_catalog
from skynet_tui.chart import chart_of
from skynet_tui.cli import main
from skynet_tui.figures import some_of
from skynet_tui.output import figure_tables, render_results
from skynet_tui.results import Results, build_results

YEARLY = """\
schema: 1
sources:
  - id: src
    title: A review
    publisher: A commission
    kind: official
agencies: []
events:
  - id: 2020-results
    date: "2021-01"
    type: results
    title: Results
    summary: Figures.
    figures:
      - {metric: people_recovered, value: "100", period: "2019", scope: all, source: src}
      - {metric: people_recovered, value: "200", period: "2020", scope: all, source: src}
      - FIGURE
    citations:
      - {source: src, quote: "figures"}
"""


def results_with(figure: str):
    text = YEARLY.replace("FIGURE", figure)
    return build_results(parse_catalog(Path("x.yaml"), text.encode()))


@pytest.mark.parametrize(
    ("period", "value", "qualifier", "agrees", "says"),
    [
        ("2019/2020", 300, "exact", True, "add up to 300; they agree"),
        ("2019/2020", 301, "exact", False, "they do not agree"),
        ("2019/2020", 250, "more-than", True, "they agree"),
        ("2019/2020", 300, "more-than", False, "they do not agree"),
        ("2019/2020", 310, "approx", True, "they agree"),
        ("2019/2020", 400, "approx", False, "they do not agree"),
        ("2019/2020", 310, "nearly", True, "they agree"),
        ("2019/2020", 290, "nearly", False, "they do not agree"),
        ("2018/2020", 300, "exact", None, "no single yearly figure for 2018"),
        ("2019/..", 300, "exact", None, "its end is not given"),
        ("2019-03/2020-12", 350, "exact", True, "the remaining months would account for 150"),
        ("2019-03/2020-12", 150, "exact", False, "more than this figure for a longer period"),
    ],
)
def test_cumulative_figure_is_checked_against_the_yearly_sum(period, value, qualifier, agrees, says):
    figure = (
        f'{{metric: people_recovered, value: "{value}", period: "{period}", scope: all, '
        f"qualifier: {qualifier}, source: src}}"
    )
    results = results_with(figure)
    (cumulative,) = results.cumulative
    assert cumulative.agrees is agrees
    assert says in cumulative.comparison
    assert [row.year for row in results.years] == [2019, 2020]


def test_cumulative_figure_of_a_narrower_scope_is_not_compared():
    results = results_with(
        '{metric: people_recovered, value: "1", period: "2019/2020", scope: discipline-bodies, source: src}'
    )
    (cumulative,) = results.cumulative
    assert cumulative.agrees is None


def test_small_file_results(small_catalog):
    results = build_results(small_catalog)
    (year,) = results.years
    assert year.year == 2020
    assert year.disputed("people_recovered")
    assert year.value("people_recovered") is None
    assert sorted(entry.figure.value for entry in year.values["people_recovered"]) == [1400, 1421]
    assert not year.disputed("money_recovered_cny")
    assert year.value("money_recovered_cny") == 2950000000
    assert [str(entry.figure.period) for entry in year.other] == ["2020-01/2020-11"]
    assert results.cumulative == ()
    assert results.year(2019) is None


def test_results_json(small_path, capsys):
    assert main(["results", "--events", str(small_path), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    (year,) = record["years"]
    assert year["year"] == 2020
    people = year["figures"]["people_recovered"]
    assert people["disputed"] is True
    assert {(value["value"], value["source"], value["event"]) for value in people["values"]} == {
        (1421, "official-review", "2021-02-results-2020"),
        (1400, "wiki", "2021-03-results-2020-other"),
    }
    assert [figure["period"] for figure in year["other_figures"]] == ["2020-01/2020-11"]


def test_results_csv(small_path, capsys):
    assert main(["--events", str(small_path), "results", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [(row["kind"], row["metric"], row["value"], row["disputed"]) for row in rows] == [
        ("yearly", "people_recovered", "1421", "True"),
        ("yearly", "people_recovered", "1400", "True"),
        ("yearly", "money_recovered_cny", "2950000000", "False"),
        ("other", "people_recovered", "1229", "False"),
    ]


def test_results_table_marks_the_dispute(small_catalog):
    out = render_results(small_catalog, "table", for_terminal=False)
    assert "Official results year by year" in out
    assert "sources disagree" in out
    assert "about 2.95 billion yuan" in out
    assert "January 2020 to" in out


def many_figures(count: int) -> Results:
    """One year with `count` different people figures (all disputed) and as many part-year ones."""
    figures = "\n".join(
        f'      - {{metric: people_recovered, value: "{100 + n}", period: "2020", scope: all, source: src}}\n'
        f'      - {{metric: people_recovered, value: "{n + 1}", period: "2020-01", scope: all, source: src}}'
        for n in range(count)
    )
    text = YEARLY.replace("      - FIGURE", figures)
    return build_results(parse_catalog(Path("x.yaml"), text.encode()))


def test_the_screen_tables_stop_at_a_limit_and_say_how_many_more():
    other, cumulative = figure_tables(many_figures(30), rows_at_most=10)
    assert other.row_count == 10 and "… and 20 more" in str(other.caption)
    assert cumulative.caption is None
    full, _ = figure_tables(many_figures(30))
    assert full.row_count == 30 and full.caption is None


def test_a_year_with_many_values_lists_the_first_few_and_counts_the_rest():
    assert some_of(["1", "2", "3"]) == "1 / 2 / 3"
    assert some_of([str(n) for n in range(10)]) == "0 / 1 / 2 / 3 / … 6 more"
    chart = chart_of(many_figures(30), "people_recovered")
    (bar,) = [bar for bar in chart.bars if bar.label == "2020"]
    assert bar.marked and bar.text.endswith("… 27 more (sources disagree)")
