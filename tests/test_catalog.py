"""Reading and validating an events file: every rule, each reported at its own line and column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from skynet_tui.catalog import Catalog, bundled_path, parse_catalog
from skynet_tui.cli import main
from skynet_tui.errors import EventFileError
from skynet_tui.loader import load_catalog

ROOT = Path(__file__).resolve().parents[1]
MARK = "# <-"


def problems_of(text: str) -> list:
    with pytest.raises(EventFileError) as caught:
        parse_catalog(Path("x.yaml"), text.encode())
    return caught.value.problems


def edited(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, f"the fixture should hold {old!r} once"
        text = text.replace(old, new)
    return text


def expected_place(text: str, at: str) -> tuple[int, int]:
    """The line holding the marker comment, and the column where `at` starts on it."""
    for number, line in enumerate(text.splitlines(), start=1):
        if MARK in line:
            return number, line.index(at) + 1
    raise AssertionError("no marker in the edited text")


# (edits to small.yaml, where the problem is on the marked line, what the message says)
RULES = {
    "duplicate source id": (
        [("agencies:\n", "  - id: wiki  # <-\n    title: t\n    publisher: p\n    kind: wiki\nagencies:\n")],
        "id",
        "source id 'wiki' is used twice",
    ),
    "duplicate agency id": (
        [("events:\n", "  - id: mps  # <-\n    name: Another ministry\nevents:\n")],
        "id",
        "agency id 'mps' is used twice",
    ),
    "duplicate event id": (
        [("  - id: 2018-11-30-yao-extradited\n", "  - id: 2018-07-11-xu-repatriated  # <-\n")],
        "id",
        "event id '2018-07-11-xu-repatriated' is used twice",
    ),
    "citation source does not resolve": (
        [('      - source: wiki\n        quote: "his', '      - source: nowhere  # <-\n        quote: "his')],
        "source",
        "source 'nowhere' is not in sources:",
    ),
    "figure source does not resolve": (
        [("        source: wiki\n    citations:", "        source: nowhere  # <-\n    citations:")],
        "source",
        "source 'nowhere' of a figure of event '2021-03-results-2020-other' is not among its citations",
    ),
    "figure source is not among the event's citations": (
        [("        source: daily\n", "        source: wiki  # <-\n")],
        "source",
        "source 'wiki' of a figure of event '2021-02-results-2020' is not among its citations",
    ),
    "agency does not resolve (flow list)": (
        [("    agencies: [nsc, mps]\n", "    agencies: [nsc, fbi]  # <-\n")],
        "fbi",
        "agency 'fbi' is not in agencies: (use its id)",
    ),
    "agency does not resolve (block list)": (
        [("    agencies: [nsc, mps]\n", "    agencies:\n      - nsc\n      - fbi  # <-\n")],
        "fbi",
        "agency 'fbi' is not in agencies:",
    ),
    "agency given by name, not id": (
        [("    agencies: [nsc, mps]\n", "    agencies: [nsc, Ministry of Public Security]  # <-\n")],
        "Ministry",
        "agency 'Ministry of Public Security' is not in agencies: (use its id)",
    ),
    "date not on the calendar": (
        [('    date: "2016-11-16"\n', '    date: "2018-02-30"  # <-\n')],
        "date",
        "date '2018-02-30' is not a real calendar day",
    ),
    "date in another format": (
        [('    date: "2016-11-16"\n', '    date: "16 Nov 2016"  # <-\n')],
        "date",
        "is not YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "month out of range": (
        [('    date: "2016-11-16"\n', '    date: "2016-13"  # <-\n')],
        "date",
        "has no month 13",
    ),
    "published date not on the calendar": (
        [('    published: "2021-02-24"\n', '    published: "2021-02-29"  # <-\n')],
        "published",
        "date '2021-02-29' is not a real calendar day (in source 'daily')",
    ),
    "unknown event type": (
        [("    type: surrender\n", "    type: kidnapping  # <-\n")],
        "type",
        "unknown type 'kidnapping' in event '2016-11-16-yang-surrenders'; known: launch,",
    ),
    "unknown metric": (
        [("      - metric: money_recovered_cny\n", "      - metric: money_recovered_eur  # <-\n")],
        "metric",
        "unknown metric 'money_recovered_eur'",
    ),
    "unknown scope": (
        [("        scope: all\n        qualifier: approx", "        scope: most  # <-\n        qualifier: approx")],
        "scope",
        "unknown scope 'most'",
    ),
    "unknown qualifier": (
        [("        qualifier: approx\n", "        qualifier: roughly  # <-\n")],
        "qualifier",
        "unknown qualifier 'roughly' in a figure of event '2021-02-results-2020'; known: exact, approx, more-than, nearly",
    ),
    "unknown source kind": (
        [("    kind: wiki\n", "    kind: blog  # <-\n")],
        "kind",
        "unknown kind 'blog' in source 'wiki'",
    ),
    "unknown country code (flow list)": (
        [("    countries: [BG]\n", "    countries: [ZZ]  # <-\n")],
        "ZZ",
        "'ZZ' in event '2018-11-30-yao-extradited' is not an ISO 3166-1 alpha-2 country code",
    ),
    "lowercase country code": (
        [("    countries: [BG]\n", "    countries: [bg]  # <-\n")],
        "bg",
        "'bg' in event '2018-11-30-yao-extradited' is not an ISO 3166-1",
    ),
    "country name instead of code (block list)": (
        [("    countries: [BG]\n", "    countries:\n      - BG\n      - Bulgaria  # <-\n")],
        "Bulgaria",
        "'Bulgaria' in event '2018-11-30-yao-extradited' is not an ISO 3166-1",
    ),
    "empty citations": (
        [
            (
                '    citations:\n      - source: official-review\n        quote: "the first successful extradition from an EU member state"\n',
                "    citations: []  # <-\n",
            )
        ],
        "citations",
        "event '2018-11-30-yao-extradited' needs at least one citation with a source and a quote",
    ),
    "no citations key at all": (
        [
            ("  - id: 2018-11-30-yao-extradited\n", "  - id: 2018-11-30-yao-extradited  # <-\n"),
            (
                '    citations:\n      - source: official-review\n        quote: "the first successful extradition from an EU member state"\n',
                "",
            ),
        ],
        "id",
        "needs at least one citation",
    ),
    "citation without a quote": (
        [('        quote: "the first successful extradition from an EU member state"\n', "")],
        None,
        "a citation of event '2018-11-30-yao-extradited' needs a non-empty 'quote'",
    ),
    "unknown key in an event": (
        [('    summary: "Yao is extradited."\n', '    summary: "Yao is extradited."\n    rating: 5  # <-\n')],
        "rating",
        "unknown key 'rating' in an event; allowed: agencies, citations,",
    ),
    "unknown key in a source": (
        [("    kind: state-media\n", "    kind: state-media\n    author: someone  # <-\n")],
        "author",
        "unknown key 'author' in a source",
    ),
    "unknown key in an agency": (
        [
            (
                "    name: Ministry of Public Security\n",
                "    name: Ministry of Public Security\n    alias: [MPS]  # <-\n",
            )
        ],
        "alias",
        "unknown key 'alias' in an agency",
    ),
    "unknown key in a figure": (
        [("        value: 1400\n", "        value: 1400\n        unit: people  # <-\n")],
        "unit",
        "unknown key 'unit' in a figure of event",
    ),
    "unknown key in a citation": (
        [('        quote: "1,400 people in 2020"', '        quote: "1,400 people in 2020"\n        page: 4  # <-')],
        "page",
        "unknown key 'page' in a citation of event",
    ),
    "unknown top-level key": (
        [("agencies:\n", "curators: [me]  # <-\nagencies:\n")],
        "curators",
        "unknown key 'curators' in the file",
    ),
    "wrong schema version": (
        [("schema: 1\n", "schema: 2  # <-\n")],
        "schema",
        "schema: must be 1 (found '2')",
    ),
    "alias repeats another agency's name in another case": (
        [
            (
                "    name: Ministry of Public Security\n",
                "    name: Ministry of Public Security\n    aliases: [state supervision COMMISSION]  # <-\n",
            )
        ],
        "state",
        "name 'state supervision COMMISSION' of agency 'mps' is already used by agency 'nsc'",
    ),
    "alias repeats another agency's id": (
        [
            (
                "    name: Ministry of Public Security\n",
                "    name: Ministry of Public Security\n    aliases:\n      - Police\n      - NSC  # <-\n",
            )
        ],
        "NSC",
        "name 'NSC' of agency 'mps' is already used by agency 'nsc'",
    ),
    "agency name repeats another agency's alias": (
        [("events:\n", "  - id: ssc\n    name: State Supervisory Commission  # <-\nevents:\n")],
        "name",
        "name 'State Supervisory Commission' of agency 'ssc' is already used by agency 'nsc'",
    ),
    "alias repeats the agency's own name": (
        [
            (
                "    name: Ministry of Public Security\n",
                "    name: Ministry of Public Security\n    aliases: [ministry of public security]  # <-\n",
            )
        ],
        "ministry",
        "alias 'ministry of public security' of agency 'mps' repeats another of its names",
    ),
    "value written with a thousands separator": (
        [("        value: 1400\n", "        value: 1,400  # <-\n")],
        "value",
        "value '1,400' is not a plain number",
    ),
    "period that ends before it starts": (
        [('        period: "2020-01/2020-11"\n', '        period: "2020-11/2020-01"  # <-\n')],
        "period",
        "period '2020-11/2020-01' ends before it starts",
    ),
    "empty title": (
        [('    title: "Sky Net launched"\n', '    title: ""  # <-\n')],
        "title",
        "event '2015-03-launch' needs a non-empty 'title'",
    ),
    "null title": (
        [('    title: "Sky Net launched"\n', "    title: null  # <-\n")],
        "title",
        "event '2015-03-launch' needs a non-empty 'title'",
    ),
    "title on two lines": (
        [('    title: "Sky Net launched"\n', '    title: "Sky Net\\nlaunched"  # <-\n')],
        "title",
        "'title' of event '2015-03-launch' must be one line",
    ),
    "id that is not a slug": (
        [("  - id: 2015-03-launch\n", "  - id: 2015_03_Launch  # <-\n")],
        "id",
        "id '2015_03_Launch' of an event must be lowercase ASCII letters, digits and single hyphens",
    ),
    "url that is not http": (
        [('    url: "https://example.org/review"\n', '    url: "javascript:alert(1)"  # <-\n')],
        "url",
        "url of source 'official-review' must be a plain http:// or https:// address",
    ),
    "people that is not a list": (
        [("    people: [Yao Jinqi]\n", "    people: Yao Jinqi  # <-\n")],
        "people",
        "'people' of event '2018-11-30-yao-extradited' must be a list of non-empty texts",
    ),
    "record that is not a mapping": (
        [("events:\n", "  - Ministry of Justice  # <-\nevents:\n")],
        "Ministry",
        "an agency must be a mapping of keys to values",
    ),
}


@pytest.mark.parametrize(("edits", "at", "message"), RULES.values(), ids=RULES.keys())
def test_each_rule_is_reported_at_its_line_and_column(small_text, edits, at, message):
    text = edited(small_text, *edits)
    problems = problems_of(text)
    assert [problem.message for problem in problems if message in problem.message], problems
    (problem,) = problems
    assert problem.path == "x.yaml"
    if at is None:  # the problem is at the record that lacks the key
        return
    assert (problem.line, problem.column) == expected_place(text, at)
    assert str(problem).startswith(f"x.yaml:{problem.line}:{problem.column}: ")


def test_duplicate_event_id_names_the_first_line(small_text):
    text = edited(small_text, ("  - id: 2018-11-30-yao-extradited\n", "  - id: 2018-07-11-xu-repatriated\n"))
    first = text.splitlines().index("  - id: 2018-07-11-xu-repatriated") + 1
    (problem,) = problems_of(text)
    assert f"(first at line {first})" in problem.message
    assert problem.line > first


def test_missing_schema_is_reported_at_the_top(small_text):
    (problem,) = problems_of(edited(small_text, ("schema: 1\n", "")))
    assert (problem.line, problem.column, problem.message) == (1, 1, "schema: must be 1 (found None)")


def test_missing_events_list(small_text):
    head = small_text.split("events:\n")[0]
    (problem,) = problems_of(head)
    assert "the file needs an events: list" in problem.message


def test_citation_source_is_checked_against_sources_declared_later(small_text):
    """References resolve against the whole file, whatever the order of its parts."""
    sources = small_text[small_text.index("sources:") : small_text.index("agencies:")]
    agencies = small_text[small_text.index("agencies:") : small_text.index("events:")]
    events = small_text[small_text.index("events:") :]
    catalog = parse_catalog(Path("x.yaml"), f"schema: 1\n{events}{agencies}{sources}".encode())
    assert len(catalog.events) == 6


def test_several_problems_are_all_reported_in_line_order(small_text):
    text = edited(
        small_text,
        ("    type: surrender\n", "    type: kidnapping\n"),
        ("    countries: [BG]\n", "    countries: [ZZ]\n"),
        ("    kind: wiki\n", "    kind: blog\n"),
    )
    problems = problems_of(text)
    assert len(problems) == 3
    assert [problem.line for problem in problems] == sorted(problem.line for problem in problems)


def test_validate_prints_every_problem_and_exits_1(small_text, write_file, capsys):
    path = write_file(
        edited(
            small_text,
            ("    type: surrender\n", "    type: kidnapping  # <-\n"),
            ("    countries: [BG]\n", "    countries: [ZZ]  # <-\n"),
            ("    kind: wiki\n", "    kind: blog  # <-\n"),
        )
    )
    marked = [n for n, line in enumerate(path.read_text().splitlines(), start=1) if MARK in line]
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 3
    assert [int(line.split(":")[1]) for line in lines] == marked
    assert all(line.startswith(f"{path}:") for line in lines)
    assert err == ""


def test_validate_a_valid_file(small_path, capsys):
    assert main(["validate", str(small_path)]) == 0
    out, _ = capsys.readouterr()
    assert out == f"{small_path}: valid: 6 events, 3 sources, 2 agencies\n"


def test_events_are_sorted_by_date_with_month_precision_kept(small_text):
    later_first = edited(
        small_text,
        ('    date: "2015-03"\n', '    date: "2018-07"\n'),
        ('    date: "2018-11-30"\n', '    date: "2018-07-01"\n'),
    )
    catalog = parse_catalog(Path("x.yaml"), later_first.encode())
    assert [str(event.date) for event in catalog.events] == [
        "2016-11-16",
        "2018-07",
        "2018-07-01",
        "2018-07-11",
        "2021-02",
        "2021-03",
    ]
    month_only = catalog.events[1]
    assert (month_only.date.month, month_only.date.day) == (7, None)


def test_catalog_lookups(small_catalog: Catalog):
    assert set(small_catalog.sources) == {"official-review", "daily", "wiki"}
    assert small_catalog.sources["wiki"].low_trust
    xu = small_catalog.event("2018-07-11-xu-repatriated")
    assert xu is not None and xu.people == ("Xu Chaofan",)
    assert small_catalog.agency_names(xu) == ["National Supervisory Commission", "Ministry of Public Security"]
    assert small_catalog.event("no-such-event") is None


def test_qualifier_defaults_to_exact(small_catalog):
    part_year = small_catalog.event("2021-02-results-2020").figures[1]
    assert (str(part_year.period), part_year.qualifier) == ("2020-01/2020-11", "exact")


def test_disputes_are_derived_from_same_metric_period_and_scope(small_catalog):
    assert set(small_catalog.disputes) == {("people_recovered", "2020", "all")}
    disputing = small_catalog.disputes[("people_recovered", "2020", "all")]
    assert sorted((event_id, figure.value) for event_id, figure in disputing) == [
        ("2021-02-results-2020", 1421),
        ("2021-03-results-2020-other", 1400),
    ]
    assert small_catalog.is_disputed(small_catalog.event("2021-03-results-2020-other"))
    assert not small_catalog.is_disputed(small_catalog.event("2018-07-11-xu-repatriated"))


def test_same_values_from_two_sources_are_not_a_dispute(small_text):
    text = edited(small_text, ("        value: 1400\n", "        value: 1421\n"))
    assert parse_catalog(Path("x.yaml"), text.encode()).disputes == {}


def test_the_one_event_fixture_is_valid(one_event):
    path = one_event()
    assert [event.id for event in load_catalog(path).events] == ["2018-07-11-one"]


def test_load_catalog_reads_a_path(small_path):
    catalog = load_catalog(small_path)
    assert catalog.path == str(small_path)
    assert catalog.events[0].id == "2015-03-launch"


def test_bundled_file_is_found_through_the_package_not_the_working_directory(tmp_path):
    (tmp_path / "events.yaml").write_text("a decoy in the working directory\n")
    code = "import skynet_tui; from skynet_tui.catalog import bundled_path; print(bundled_path()); print(skynet_tui.__file__)"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    path, package_init = (Path(line) for line in result.stdout.split("\n")[:2])
    assert path.is_absolute() and path.is_file()
    assert path.parent == Path(package_init).parent, "the file must sit in the package that was imported"
    assert path.read_bytes() == (ROOT / "events.yaml").read_bytes(), "and be the repository's events.yaml"


def test_bundled_events_file_is_valid(capsys):
    assert main(["validate"]) == 0, capsys.readouterr().out
    assert f"{bundled_path()}: valid:" in capsys.readouterr().out
