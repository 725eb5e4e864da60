"""The project's own error types: every failure a user can cause is one of these."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an events file, at a place in it (1-based line and column)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class SkynetError(Exception):
    """An error with a message fit to show a user as one line."""


class FileUnreadable(SkynetError):
    """The events file cannot be read at all (missing, a directory, too large, not UTF-8)."""


class EventFileError(SkynetError):
    """The events file was read but holds problems; `problems` lists all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        first = self.problems[0]
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''}: run skynet-tui validate)" if more else ""
        super().__init__(f"{first}{tail}")


class FilterError(SkynetError):
    """A filter value that is malformed or matches nothing known."""
