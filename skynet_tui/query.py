"""Filters: the one value that says what is shown, how user input becomes one, and how it applies."""

from __future__ import annotations

import re
from collections.abc import Iterable
from threading import Lock
from typing import NamedTuple

from skynet_tui import countries
from skynet_tui.catalog import Catalog, country_name
from skynet_tui.errors import FilterError
from skynet_tui.facets import DIMENSIONS, mask_of, positions_of
from skynet_tui.loader import load_search_index
from skynet_tui.model import Event
from skynet_tui.search import SearchIndex, search_terms, search_text
from skynet_tui.text import one_line
from skynet_tui.vocabulary import EVENT_TYPES

_YEAR = re.compile(r"(\d{4})(?:-(\d{4}))?")
_FIELDS = {"year": "years", "agency": "agencies", "country": "countries", "type": "types"}


class Filter(NamedTuple):
    """What the user asked to see. Empty sets mean "any"; values within a set are alternatives."""

    years: frozenset[int] = frozenset()
    agencies: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    search: str = ""

    def selected(self, dimension: str) -> frozenset:
        return getattr(self, _FIELDS[dimension])

    def with_selected(self, dimension: str, values: Iterable) -> Filter:
        return self._replace(**{_FIELDS[dimension]: frozenset(values)})

    def toggled(self, dimension: str, value) -> Filter:
        return self.with_selected(dimension, self.selected(dimension) ^ {value})

    @property
    def active(self) -> bool:
        return any(self.selected(dimension) for dimension in DIMENSIONS) or bool(self.search.strip())

    def describe(self, catalog: Catalog) -> str:
        """The active filters in words, for a status line: 'year 2018 · country United States'."""
        parts = []
        if self.years:
            parts.append("year " + _years_text(self.years, ", "))
        if self.agencies:
            parts.append("agency " + ", ".join(sorted(one_line(catalog.agencies[a].name) for a in self.agencies)))
        if self.countries:
            parts.append("country " + ", ".join(sorted(country_name(c) for c in self.countries)))
        if self.types:
            parts.append("type " + ", ".join(sorted(self.types)))
        if self.search.strip():
            parts.append(f"search “{one_line(self.search.strip())}”")  # not "": a search may hold them
        return " · ".join(parts)

    def arguments(self) -> list[str]:
        """The command-line options that reopen this filter (the deep link)."""
        args = []
        if self.years:
            args += ["--year", _years_text(self.years, ",")]
        for option, values in (("--agency", self.agencies), ("--country", self.countries), ("--type", self.types)):
            if values:
                args += [option, ",".join(sorted(values))]
        if self.search.strip():
            args += ["--search", self.search.strip()]
        return args


def _years_text(years: frozenset[int], separator: str) -> str:
    ordered = sorted(years)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}-{ordered[-1]}"
    return separator.join(map(str, ordered))


def _split(values: Iterable[str]) -> list[str]:
    """Option values as given: repeated options and comma-separated lists both work."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _choices(values: Iterable[str]) -> str:
    values = list(values)
    shown = ", ".join(values[:30])
    return shown + (f", ... ({len(values)} in all)" if len(values) > 30 else "")


def resolve_years(catalog: Catalog, values: Iterable[str]) -> frozenset[int]:
    known = catalog.facets.masks["year"]
    years: set[int] = set()
    for value in _split(values):
        match = _YEAR.fullmatch(value)
        if not match:
            raise FilterError(f"--year: {one_line(value)!r} is not a year (2018) or a range of years (2016-2018)")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise FilterError(f"--year: the range {value!r} ends before it starts")
        wanted = set(range(first, last + 1)) & known.keys()
        if not wanted:
            raise FilterError(f"--year: no events in {value}; years with events: {_years_text(frozenset(known), ', ')}")
        years |= wanted
    return frozenset(years)


def resolve_agencies(catalog: Catalog, values: Iterable[str]) -> frozenset[str]:
    by_name = {name.casefold(): agency.id for agency in catalog.agencies.values() for name in agency.names}
    found = set()
    for value in _split(values):
        agency = by_name.get(value.casefold())
        if agency is None:
            raise FilterError(f"--agency: unknown agency {one_line(value)!r}; known: {_choices(catalog.agencies)}")
        found.add(agency)
    return frozenset(found)


def resolve_countries(catalog: Catalog, values: Iterable[str]) -> frozenset[str]:
    by_name = {name.casefold(): code for code, name in countries.NAMES.items()}
    by_name.update({name.casefold(): code for name, code in countries.OTHER_NAMES.items()})
    by_name.update({code.casefold(): code for code in countries.NAMES})
    present = catalog.facets.masks["country"]
    found = set()
    for value in _split(values):
        code = by_name.get(value.casefold())
        if code is None:
            raise FilterError(
                f"--country: {one_line(value)!r} is not a country code or name; in the file: {_choices(present)}"
            )
        if code not in present:
            raise FilterError(
                f"--country: no events involve {country_name(code)} ({code}); in the file: {_choices(present)}"
            )
        found.add(code)
    return frozenset(found)


def resolve_types(catalog: Catalog, values: Iterable[str]) -> frozenset[str]:
    present = catalog.facets.masks["type"]
    found = set()
    for value in _split(values):
        kind = value.casefold()
        if kind not in EVENT_TYPES:
            raise FilterError(f"--type: unknown type {one_line(value)!r}; known: {_choices(EVENT_TYPES)}")
        if kind not in present:
            raise FilterError(f"--type: no events of type {kind!r}; in the file: {_choices(present)}")
        found.add(kind)
    return frozenset(found)


def resolve_filter(
    catalog: Catalog,
    *,
    years: Iterable[str] = (),
    agencies: Iterable[str] = (),
    countries: Iterable[str] = (),
    types: Iterable[str] = (),
    search: str = "",
) -> Filter:
    """A Filter from what a user typed, or FilterError naming the bad value and the choices."""
    return Filter(
        years=resolve_years(catalog, years),
        agencies=resolve_agencies(catalog, agencies),
        countries=resolve_countries(catalog, countries),
        types=resolve_types(catalog, types),
        search=search,
    )


class Query:
    """Applies filters to one catalog; remembers the last search, which each redraw asks for five times."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.facets = catalog.facets
        self._index: SearchIndex | None = None
        self._index_lock = Lock()
        self._last_search: tuple[tuple[str, ...], int] = ((), self.facets.all)

    def search_index(self) -> SearchIndex:
        """The text index, read or built on first use (the explorer asks for it in the background at start)."""
        with self._index_lock:
            if self._index is None:
                self._index = load_search_index(self.catalog)
            return self._index

    def search_mask(self, search: str) -> int:
        """The events that hold every word and "quoted phrase" of `search`, ignoring case."""
        terms = search_terms(search)
        last_terms, last_mask = self._last_search
        if terms == last_terms:
            return last_mask
        mask = self.facets.all
        if terms:
            index = self.search_index()
            for term in terms:
                words = term.split(" ")
                for word in words:
                    mask &= index.mask(word)
                if len(words) > 1:
                    mask = self._holding(mask, words)
        self._last_search = (terms, mask)
        return mask

    def _holding(self, mask: int, words: list[str]) -> int:
        """The events of `mask` whose text holds the words together and in this order, whatever
        whitespace separates them.

        The index found the events that hold each word; this reads the text of those events only,
        which for common words is most of them (about a second at 100,000 events).
        """
        phrase = re.compile(r"\s+".join(map(re.escape, words)))
        events = self.catalog.events
        found = (p for p in positions_of(mask) if phrase.search(search_text(events[p])))
        return mask_of(found, self.facets.size)

    def is_instant(self, search: str) -> bool:
        """Whether this search is answered within a frame: from an index in memory, no phrase to read."""
        return self._index is not None and not any(" " in term for term in search_terms(search))

    def mask(self, filter: Filter, *, ignore: str | None = None) -> int:
        """The events the filter lets through, optionally ignoring one dimension (for its counts)."""
        result = self.search_mask(filter.search)
        for dimension in DIMENSIONS:
            selected = filter.selected(dimension)
            if dimension == ignore or not selected:
                continue
            masks = self.facets.masks[dimension]
            union = 0
            for value in selected:
                union |= masks.get(value, 0)
            result &= union
        return result

    def events(self, filter: Filter) -> list[Event]:
        events = self.catalog.events
        return [events[i] for i in positions_of(self.mask(filter))]

    def year_counts(self, mask: int) -> list[tuple[int, int]]:
        """How many events of a mask fall in each year, for the years that have any, in order."""
        counts = ((year, (mask & year_mask).bit_count()) for year, year_mask in self.facets.masks["year"].items())
        return [(year, count) for year, count in counts if count]

    def counts(self, filter: Filter) -> dict[str, dict[str | int, int]]:
        """For each facet value, how many events it would show given the other filters."""
        result = {}
        for dimension in DIMENSIONS:
            base = self.mask(filter, ignore=dimension)
            result[dimension] = {
                value: (base & mask).bit_count() for value, mask in self.facets.masks[dimension].items()
            }
        return result


def deep_link(filter: Filter, *, event_id: str | None = None, events_path: str | None = None) -> str:
    """The command that reopens this view exactly: `skynet-tui --year 2018 --event ...`."""
    import shlex  # only when a link is asked for

    args = ["skynet-tui"]
    if events_path:
        args += ["--events", events_path]
    args += filter.arguments()
    if event_id:
        args += ["--event", event_id]
    return shlex.join(args)
