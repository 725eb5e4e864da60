"""The plain values: partial dates, periods, figures, the text guard and the error types."""

from __future__ import annotations

import pytest

from skynet_tui.errors import EventFileError, Problem
from skynet_tui.figures import amount_text, figure_text
from skynet_tui.model import Agency, Figure, PartialDate, Period, Source
from skynet_tui.text import has_unsafe, name_order, one_line, visible


@pytest.mark.parametrize(
    ("text", "parts", "long"),
    [
        ("2016", (2016, None, None), "2016"),
        ("2016-11", (2016, 11, None), "November 2016"),
        ("2016-11-16", (2016, 11, 16), "16 November 2016"),
        ("2016-02-29", (2016, 2, 29), "29 February 2016"),
    ],
)
def test_partial_date_keeps_its_precision(text, parts, long):
    date = PartialDate.parse(text)
    assert (date.year, date.month, date.day) == parts
    assert str(date) == text
    assert date.long() == long


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2018-02-30", "not a real calendar day"),
        ("2017-02-29", "not a real calendar day"),
        ("2018-04-31", "not a real calendar day"),
        ("2018-13", "no month 13"),
        ("2018-00", "no month 0"),
        ("2018-1-5", "is not YYYY"),
        ("18-01-05", "is not YYYY"),
        ("2018/01/05", "is not YYYY"),
        ("16 November 2016", "is not YYYY"),
        ("", "is not YYYY"),
        ("２０１８", "is not YYYY"),  # full-width digits are not the ASCII date they look like
    ],
)
def test_partial_date_rejects(text, reason):
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_month_only_date_sorts_before_the_days_of_its_month_and_after_the_previous_month():
    dates = [PartialDate.parse(text) for text in ("2016-11-01", "2016-11", "2016-10-31", "2016", "2017")]
    assert [str(date) for date in sorted(dates, key=lambda d: d.sort_key)] == [
        "2016",
        "2016-10-31",
        "2016-11",
        "2016-11-01",
        "2017",
    ]


@pytest.mark.parametrize(
    ("text", "single_year", "whole_years", "long"),
    [
        ("2020", 2020, range(2020, 2021), "2020"),
        ("2015/2018", None, range(2015, 2019), "2015 to 2018"),
        ("2020-01/2020-11", None, None, "January 2020 to November 2020"),
        ("2015-03/2018-11", None, None, "March 2015 to November 2018"),
        ("2014/..", None, None, "since 2014 (end not given)"),
    ],
)
def test_period(text, single_year, whole_years, long):
    period = Period.parse(text)
    assert str(period) == text
    assert period.single_year == single_year
    assert period.whole_years == whole_years
    assert period.long() == long


@pytest.mark.parametrize("text", ["2020-11/2020-01", "2020/", "/2020", "2020/2021/2022", "2020-02-30"])
def test_period_rejects(text):
    with pytest.raises(ValueError):
        Period.parse(text)


def test_figures_with_same_metric_period_and_scope_share_a_key():
    def figure(period: str, scope: str = "all", value: int = 1) -> Figure:
        return Figure("people_recovered", value, Period.parse(period), scope, "exact", "src")

    assert figure("2020", value=1421).key == figure("2020", value=1400).key
    assert figure("2020").key != figure("2020-01/2020-11").key
    assert figure("2020").key != figure("2020", scope="discipline-bodies").key


def test_low_trust_source_and_agency_names():
    assert Source("w", "t", "p", "wiki").low_trust
    assert not Source("o", "t", "p", "official").low_trust
    assert Agency("nsc", "National Supervisory Commission", ("NSC",)).names == (
        "nsc",
        "National Supervisory Commission",
        "NSC",
    )


@pytest.mark.parametrize(
    ("metric", "value", "qualifier", "expected"),
    [
        ("people_recovered", 1421, "exact", "1,421"),
        ("people_recovered", 1421, "more-than", "more than 1,421"),
        ("money_recovered_cny", 2950000000, "approx", "about 2.95 billion yuan"),
        ("money_recovered_cny", 1500000, "nearly", "nearly 1.5 million yuan"),
        ("money_recovered_usd", 999, "exact", "999 US dollars"),
    ],
)
def test_figure_text(metric, value, qualifier, expected):
    assert figure_text(Figure(metric, value, Period.parse("2020"), "all", qualifier, "src")) == expected


def test_amount_text_of_a_whole_billion_has_no_trailing_zeros():
    assert amount_text("money_recovered_cny", 3_000_000_000) == "3 billion yuan"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mb", "a\u241b[31mb"),
        ("bell\a", "bell\u2407"),
        ("nul\0", "nul\u2400"),
        ("del\x7f", "del\u2421"),
        ("csi\x9b", "csi<U+009B>"),
        ("rtl\u202eevil", "rtl<U+202E>evil"),
        ("zero\u200bwidth", "zero<U+200B>width"),
        ("bom\ufeff", "bom<U+FEFF>"),
        ("line\u2028sep", "line<U+2028>sep"),
        ("keeps\nnewline\tand tab", "keeps\nnewline\tand tab"),
        ("[bold]not markup[/]", "[bold]not markup[/]"),
    ],
)
def test_visible_shows_every_terminal_active_character(raw, shown):
    assert visible(raw) == shown
    assert has_unsafe(raw) == (raw != shown)


def test_one_line_folds_line_breaks_and_stays_visible():
    assert one_line("first\n  second\r\n\tthird\x1b") == "first second third\u241b"


def test_problem_is_path_line_column_message():
    assert str(Problem("events.yaml", 12, 5, "unknown key 'x'")) == "events.yaml:12:5: unknown key 'x'"


def test_event_file_error_sorts_problems_and_counts_the_rest():
    problems = [Problem("f", 9, 1, "late"), Problem("f", 2, 3, "early"), Problem("f", 2, 1, "earliest")]
    error = EventFileError(problems)
    assert [p.message for p in error.problems] == ["earliest", "early", "late"]
    assert str(error).startswith("f:2:1: earliest (and 2 more problems")
    assert "\n" not in str(error)
    assert str(EventFileError([Problem("f", 1, 1, "only")])) == "f:1:1: only"


def test_names_sort_as_a_reader_looks_for_them():
    names = ["Zambia", "Åland Islands", "cyprus", "Curaçao", "Angola", "Côte d'Ivoire"]
    assert sorted(names, key=name_order) == ["Åland Islands", "Angola", "Côte d'Ivoire", "Curaçao", "cyprus", "Zambia"]
