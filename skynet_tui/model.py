"""The plain, immutable values an events file is made of. No I/O, no Textual.

They are named tuples rather than frozen dataclasses: a class is made in a tenth of the time
(the seven dataclasses were ~6 ms of every start), and an instance is built, also when
unpickled (most of reading a cached 100,000-event catalog), as one tuple rather than field by
field. Change one with `value._replace(field=...)`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from skynet_tui.vocabulary import LOW_TRUST_KINDS, QUALIFIERS

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_MONTHS = "January February March April May June July August September October November December".split()


def _days_in(year: int, month: int) -> int:
    import calendar  # only files being parsed need it; a cached start does not pay its import

    return calendar.monthrange(year, month)[1]


class PartialDate(NamedTuple):
    """A date as precise as the sources allow: a year, a month, or a day.

    A month-only date is not the 1st of that month: `day` stays None, and it sorts
    before the days of its month.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError naming what is wrong."""
        match = _DATE.fullmatch(text)
        if not match:
            raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"date {text!r} has no month {month}")
        if day is not None and not 1 <= day <= _days_in(year, month):
            raise ValueError(f"date {text!r} is not a real calendar day")
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __str__(self) -> str:
        """The ISO form at its own precision: 2016, 2016-11 or 2016-11-16."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def long(self) -> str:
        """A reader's form at its own precision: 2016, November 2016 or 16 November 2016."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"


class Period(NamedTuple):
    """What a figure covers: one date (a year, month or day), or a range whose end may be unknown."""

    start: PartialDate
    end: PartialDate | None  # None: the same as start
    open_end: bool = False  # "2014/..": from start to a date the source does not give

    @classmethod
    def parse(cls, text: str) -> Period:
        start_text, slash, end_text = text.partition("/")
        start = PartialDate.parse(start_text)
        if not slash:
            return cls(start, None)
        if end_text == "..":
            return cls(start, None, open_end=True)
        end = PartialDate.parse(end_text)
        if end.sort_key < start.sort_key:
            raise ValueError(f"period {text!r} ends before it starts")
        return cls(start, end)

    @property
    def single_year(self) -> int | None:
        """The year, when the period is exactly one calendar year."""
        if self.end is None and not self.open_end and self.start.month is None:
            return self.start.year
        return None

    @property
    def whole_years(self) -> range | None:
        """The calendar years covered, when the period is a run of whole years."""
        if self.open_end or self.start.month is not None:
            return None
        last = self.end or self.start
        return range(self.start.year, last.year + 1) if last.month is None else None

    def __str__(self) -> str:
        if self.open_end:
            return f"{self.start}/.."
        return f"{self.start}/{self.end}" if self.end else str(self.start)

    def long(self) -> str:
        if self.open_end:
            return f"since {self.start.long()} (end not given)"
        if self.end is None:
            return self.start.long()
        return f"{self.start.long()} to {self.end.long()}"


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    kind: str
    published: PartialDate | None = None
    url: str | None = None
    note: str | None = None

    @property
    def low_trust(self) -> bool:
        return self.kind in LOW_TRUST_KINDS


class Agency(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a user may type for this agency: id, name and aliases."""
        return (self.id, self.name, *self.aliases)


class Citation(NamedTuple):
    source: str
    quote: str


class Figure(NamedTuple):
    metric: str
    value: int | float
    period: Period
    scope: str
    qualifier: str
    source: str
    note: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """Figures with the same key but different values are a dispute between sources."""
        return (self.metric, str(self.period), self.scope)

    @property
    def qualifier_word(self) -> str:
        return QUALIFIERS[self.qualifier]


class Event(NamedTuple):
    id: str
    date: PartialDate
    type: str
    title: str
    summary: str
    citations: tuple[Citation, ...]
    operation: str | None = None
    people: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    note: str | None = None

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key, self.id)
