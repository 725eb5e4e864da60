"""The official figures year by year, and the cumulative ones, from the file's figures.

No number lives here: everything comes from the events' `figures`. Whole-year figures of
the whole campaign (scope `all`) make the yearly table; a part-year figure or one of a
narrower scope is kept beside its year, marked, never merged; figures spanning several
years are cumulative and are checked against the sum of the yearly ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from skynet_tui.catalog import Catalog
from skynet_tui.figures import amount_text
from skynet_tui.model import Event, Figure, Source

#: The yearly table's columns: metric -> heading.
YEARLY_METRICS = {
    "people_recovered": "People recovered",
    "officials_recovered": "Officials among them",
    "red_notice_recovered": "Red-notice fugitives",
    "money_recovered_cny": "Money recovered",
}
CHART_METRICS = ("people_recovered", "money_recovered_cny")


@dataclass(frozen=True)
class Entry:
    """One figure as the results show it: with the event that carries it and its source."""

    figure: Figure
    event: Event
    source: Source


@dataclass(frozen=True)
class YearResults:
    year: int
    values: dict[str, tuple[Entry, ...]]  # metric -> whole-year, whole-campaign figures
    other: tuple[Entry, ...]  # part-year or narrower-scope figures within the year

    def distinct(self, metric: str) -> dict[int | float, tuple[Entry, ...]]:
        """Each value given for the metric, with the entries (sources) giving it, in file order."""
        found: dict[int | float, list[Entry]] = {}
        for entry in self.values.get(metric, ()):
            found.setdefault(entry.figure.value, []).append(entry)
        return {value: tuple(entries) for value, entries in found.items()}

    def disputed(self, metric: str) -> bool:
        return len(self.distinct(metric)) > 1

    def value(self, metric: str) -> int | float | None:
        """The year's value when the sources agree on one, else None (missing or disputed)."""
        entries = self.values.get(metric, ())
        return entries[0].figure.value if entries and not self.disputed(metric) else None


@dataclass(frozen=True)
class Cumulative:
    entry: Entry
    agrees: bool | None  # None: no yearly figures to compare with
    comparison: str


@dataclass(frozen=True)
class Results:
    years: tuple[YearResults, ...]
    cumulative: tuple[Cumulative, ...]

    def year(self, year: int) -> YearResults | None:
        return next((row for row in self.years if row.year == year), None)


def _covers_whole(figure: Figure, year: int) -> bool:
    period = figure.period
    end = period.end or period.start
    starts_before = period.start.sort_key <= (year, 1, 1)
    ends_after = (end.year, end.month or 12, end.day or 31) >= (year, 12, 31)
    return starts_before and ends_after


def _year_of(figure: Figure) -> int | None:
    """The one calendar year a figure falls in, if it does not span several."""
    period = figure.period
    end = period.end or period.start
    return period.start.year if not period.open_end and end.year == period.start.year else None


def build_results(catalog: Catalog) -> Results:
    entries = [
        Entry(figure, event, catalog.sources[figure.source])
        for event in catalog.events
        if event.type == "results"
        for figure in event.figures
    ]
    yearly: dict[int, dict[str, list[Entry]]] = {}
    other: dict[int, list[Entry]] = {}
    spanning: list[Entry] = []
    for entry in entries:
        figure = entry.figure
        year = _year_of(figure)
        if year is None:
            spanning.append(entry)
        elif figure.period.single_year is not None and figure.scope == "all":
            yearly.setdefault(year, {}).setdefault(figure.metric, []).append(entry)
        else:
            other.setdefault(year, []).append(entry)
    years = tuple(
        YearResults(
            year,
            {metric: tuple(found) for metric, found in yearly.get(year, {}).items()},
            tuple(other.get(year, ())),
        )
        for year in sorted(yearly.keys() | other.keys())
    )
    results = Results(years, ())
    cumulative = tuple(Cumulative(entry, *_compare(entry.figure, results)) for entry in spanning)
    return Results(years, cumulative)


def _compare(figure: Figure, results: Results) -> tuple[bool | None, str]:
    """Whether a cumulative figure agrees with the yearly figures of the years it covers."""
    period = figure.period
    if period.open_end:
        return None, "its end is not given, so no yearly sum compares"
    end = period.end or period.start
    full_years = [year for year in range(period.start.year, end.year + 1) if _covers_whole(figure, year)]
    if not full_years or figure.scope != "all":
        return None, "no whole year of the campaign's yearly figures falls inside it"
    values = {year: (row.value(figure.metric) if (row := results.year(year)) else None) for year in full_years}
    missing = [str(year) for year, value in values.items() if value is None]
    if missing:
        return None, f"no single yearly figure for {', '.join(missing)}, so no sum compares"
    total = sum(values.values())
    span = f"{full_years[0]}-{full_years[-1]}" if len(full_years) > 1 else str(full_years[0])
    summed = f"the yearly figures for {span} add up to {amount_text(figure.metric, total)}"
    exact_years = period.whole_years is not None and list(period.whole_years) == full_years
    if exact_years:
        agrees = _within(figure, total)
        return agrees, summed + ("; they agree" if agrees else "; they do not agree")
    if figure.value < total and figure.qualifier != "more-than":
        return False, summed + ", more than this figure for a longer period: they do not agree"
    rest = amount_text(figure.metric, figure.value - total) if figure.value >= total else "none"
    return True, summed + f"; the remaining months would account for {rest}"


def _within(figure: Figure, total: int | float) -> bool:
    if figure.qualifier == "exact":
        return figure.value == total
    if figure.qualifier == "more-than":
        return total > figure.value
    if figure.qualifier == "nearly":
        return total <= figure.value
    return abs(total - figure.value) <= 0.05 * figure.value
