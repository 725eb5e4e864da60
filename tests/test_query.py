"""Filters: how typed values resolve, how they combine, and the live counts beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skynet_tui.catalog import parse_catalog
from skynet_tui.errors import FilterError
from skynet_tui.facets import DIMENSIONS, mask_of, positions_of
from skynet_tui.query import Filter, Query, resolve_filter

LAUNCH = "2015-03-launch"
YANG = "2016-11-16-yang-surrenders"
XU = "2018-07-11-xu-repatriated"
YAO = "2018-11-30-yao-extradited"
RESULTS = "2021-02-results-2020"
OTHER = "2021-03-results-2020-other"
ALL = [LAUNCH, YANG, XU, YAO, RESULTS, OTHER]
SMALL = Path(__file__).parent / "data" / "small.yaml"


def ids(catalog, **typed) -> list[str]:
    return [event.id for event in Query(catalog).events(resolve_filter(catalog, **typed))]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ({}, ALL),
        ({"years": ["2018"]}, [XU, YAO]),
        ({"years": ["2016-2018"]}, [YANG, XU, YAO]),
        ({"years": ["2015-2016"]}, [LAUNCH, YANG]),
        ({"years": ["2015,2021"]}, [LAUNCH, RESULTS, OTHER]),
        ({"years": ["2015", "2021"]}, [LAUNCH, RESULTS, OTHER]),
        ({"years": [" 2016 , 2018 "]}, [YANG, XU, YAO]),
        ({"agencies": ["nsc"]}, [YANG, XU, YAO]),
        ({"agencies": ["NSC"]}, [YANG, XU, YAO]),
        ({"agencies": ["national supervisory COMMISSION"]}, [YANG, XU, YAO]),
        ({"agencies": ["State Supervisory Commission"]}, [YANG, XU, YAO]),
        ({"agencies": ["state supervision commission"]}, [YANG, XU, YAO]),
        ({"agencies": ["mps"]}, [XU]),
        ({"agencies": ["Ministry of Public Security"]}, [XU]),
        ({"countries": ["US"]}, [YANG, XU]),
        ({"countries": ["us"]}, [YANG, XU]),
        ({"countries": ["United States"]}, [YANG, XU]),
        ({"countries": ["united states of america"]}, [YANG, XU]),
        ({"countries": ["Bulgaria"]}, [YAO]),
        ({"countries": ["BG,US"]}, [YANG, XU, YAO]),
        ({"types": ["extradition"]}, [YAO]),
        ({"types": ["EXTRADITION"]}, [YAO]),
        ({"types": ["surrender", "extradition"]}, [YANG, YAO]),
        ({"types": ["surrender,extradition"]}, [YANG, YAO]),
        ({"types": ["results"]}, [RESULTS, OTHER]),
    ],
)
def test_facet_filters(small_catalog, typed, expected):
    assert ids(small_catalog, **typed) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("xu", [XU]),
        ("XU REPATRIATED", [XU]),
        ("repatriated xu", [XU]),
        ("xu bulgaria", []),  # every word must match
        ("yang xiuzhu", [YANG]),  # people
        ("EU member state", [YAO]),  # quotes
        ("[redacted]", [XU]),  # summary, brackets as typed
        ("[bold]literal[/]", [XU]),
        ("2020", [RESULTS, OTHER]),
        ("   ", ALL),
    ],
)
def test_search_words_must_all_match_case_insensitively(small_catalog, search, expected):
    assert ids(small_catalog, search=search) == expected


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ('"EU member state"', [YAO]),  # the words together, in this order
        ('"member EU state"', []),  # the same words in another order
        ('"Yang  Xiuzhu" surrender', [YANG]),  # a phrase and a word; spaces inside do not matter
        ('"xu"', [XU]),  # one quoted word is that word
        ('"xu', []),  # a quote without its pair is a character to find
        ('"  " xu', [XU]),  # quotes around nothing are ignored
    ],
)
def test_quoted_phrases_must_appear_as_written(small_catalog, search, expected):
    assert ids(small_catalog, search=search) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ({"years": ["2018"], "countries": ["US"]}, [XU]),
        ({"years": ["2018"], "types": ["extradition"]}, [YAO]),
        ({"years": ["2016-2018"], "agencies": ["mps"], "search": "xu"}, [XU]),
        ({"years": ["2016-2018"], "agencies": ["nsc"], "countries": ["US"], "types": ["surrender"]}, [YANG]),
        ({"years": ["2015"], "countries": ["US"]}, []),
        ({"types": ["surrender,repatriation"], "countries": ["US"], "search": "returns"}, [YANG]),
    ],
)
def test_filters_combine(small_catalog, typed, expected):
    assert ids(small_catalog, **typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"years": ["1999"]}, "--year: no events in 1999; years with events: 2015, 2016, 2018, 2021"),
        ({"years": ["abc"]}, "--year: 'abc' is not a year"),
        ({"years": ["99999999999999999999"]}, "is not a year"),
        ({"years": ["2018-2016"]}, "ends before it starts"),
        ({"agencies": ["fbi"]}, "--agency: unknown agency 'fbi'; known: nsc, mps"),
        ({"countries": ["ZZ"]}, "--country: 'ZZ' is not a country code or name; in the file: BG, US"),
        ({"countries": ["Norway"]}, "--country: no events involve Norway (NO); in the file: BG, US"),
        ({"types": ["kidnapping"]}, "--type: unknown type 'kidnapping'; known: launch,"),
        ({"types": ["treaty"]}, "--type: no events of type 'treaty'; in the file:"),
    ],
)
def test_a_value_that_matches_nothing_known_names_the_choices(small_catalog, typed, message):
    with pytest.raises(FilterError) as caught:
        resolve_filter(small_catalog, **typed)
    assert message in str(caught.value)


FILTERS = [
    {},
    {"years": ["2018"]},
    {"countries": ["US"], "search": "xu"},
    {"agencies": ["nsc"], "types": ["surrender,repatriation"]},
    {"years": ["2016-2021"], "types": ["results"]},
    {"search": "nothing matches this"},
]


@pytest.mark.parametrize("typed", FILTERS)
def test_counts_agree_with_the_events_listed_for_each_value(small_catalog, typed):
    query = Query(small_catalog)
    chosen = resolve_filter(small_catalog, **typed)
    counts = query.counts(chosen)
    assert set(counts) == set(DIMENSIONS)
    for dimension in DIMENSIONS:
        assert set(counts[dimension]) == set(small_catalog.facets.values(dimension))
        for value, count in counts[dimension].items():
            listed = Query(small_catalog).events(chosen.with_selected(dimension, {value}))
            assert count == len(listed), (dimension, value)


def test_counts_of_a_dimension_ignore_its_own_selection(small_catalog):
    counts = Query(small_catalog).counts(resolve_filter(small_catalog, years=["2018"]))
    assert counts["year"] == {2015: 1, 2016: 1, 2018: 2, 2021: 2}
    assert counts["country"] == {"BG": 1, "US": 1}
    assert counts["type"] == {"extradition": 1, "launch": 0, "repatriation": 1, "results": 0, "surrender": 0}
    assert counts["agency"] == {"mps": 1, "nsc": 2}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="xurepatd2 0", max_size=8), min_size=1, max_size=6))
def test_a_reused_query_searches_like_a_fresh_one(searches):
    """A query remembers its last search; that must never change what is found."""
    catalog = parse_catalog(SMALL, SMALL.read_bytes())
    reused = Query(catalog)
    for search in searches:
        assert reused.events(Filter(search=search)) == Query(catalog).events(Filter(search=search))


def test_filter_toggle_and_active():
    empty = Filter()
    assert not empty.active
    assert not Filter(search="   ").active
    on = empty.toggled("year", 2018)
    assert on.years == {2018} and on.active
    assert on.toggled("year", 2018) == empty


def test_describe_names_the_active_filters(small_catalog):
    chosen = resolve_filter(small_catalog, years=["2018"], agencies=["mps"], countries=["us"], search=" xu ")
    assert chosen.describe(small_catalog) == (
        "year 2018 · agency Ministry of Public Security · country United States · search “xu”"
    )


@pytest.mark.parametrize(
    "typed", [*FILTERS[1:-1], {"years": ["2015-2018"], "agencies": ["Ministry of Public Security"]}]
)
def test_arguments_reopen_the_same_filter(small_catalog, typed):
    chosen = resolve_filter(small_catalog, **typed)
    arguments = chosen.arguments()
    options = dict(zip(arguments[::2], arguments[1::2], strict=True))
    again = resolve_filter(
        small_catalog,
        years=[options.get("--year", "")],
        agencies=[options.get("--agency", "")],
        countries=[options.get("--country", "")],
        types=[options.get("--type", "")],
        search=options.get("--search", ""),
    )
    assert again == chosen


@settings(max_examples=200, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=2000)))
def test_a_mask_gives_back_its_positions_in_order(positions):
    assert positions_of(mask_of(positions, 2001)) == sorted(positions)
