"""The results charts: fitted to the width, exact numbers beside the bars, gaps drawn as gaps."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console

from skynet_tui.chart import Bar, BarChart, bar_text, chart_of
from skynet_tui.results import build_results


def lines_of(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get().splitlines()


def test_a_year_without_a_money_figure_draws_as_no_figure(small_catalog):
    results = build_results(small_catalog)
    lines = lines_of(chart_of(results, "money_recovered_cny"), 60)
    assert lines[0].startswith("Illicit money recovered")
    assert any(line.startswith("2020 █") and line.endswith(" about 2.95 billion yuan") for line in lines)
    chart = BarChart("People", (Bar("2019", None, ""), Bar("2020", 1421, "1,421")))
    drawn = lines_of(chart, 40)
    assert drawn[1].strip() == "2019 no figure"
    assert drawn[2].endswith(" 1,421")


def test_a_disputed_year_shows_both_values(small_catalog):
    lines = lines_of(chart_of(build_results(small_catalog), "people_recovered"), 80)
    assert any("1,421 / 1,400 (sources disagree)" in line for line in lines)


def test_bars_fit_the_width_at_80_columns_and_narrower(small_catalog):
    chart = chart_of(build_results(small_catalog), "people_recovered")
    for width in (80, 40, 24):
        assert all(cell_len(line) <= width for line in lines_of(chart, width))


def test_bar_lengths_are_proportional_to_the_values():
    assert bar_text(50, 100, 10) == "█████"
    assert bar_text(100, 100, 10) == "█" * 10
    assert bar_text(0, 100, 10) == ""
    assert bar_text(5, 0, 10) == ""
