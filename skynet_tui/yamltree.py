"""What reading an events file's YAML gives: mappings and lists that remember where each item was.

Kept apart from the reader, so that the catalog's rules can name these types without
importing PyYAML, which a load from the cache never needs.
"""

from __future__ import annotations

Mark = tuple[int, int]


class Mapping(dict):
    """A YAML mapping: a dict whose `marks` give the (line, column) of each key."""

    __slots__ = ("mark", "marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.marks: dict[str, Mark] = {}

    def at(self, key: str) -> Mark:
        return self.marks.get(key, self.mark)


class Sequence(list):
    """A YAML list whose `marks` give the (line, column) of each item."""

    __slots__ = ("mark", "marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.marks: list[Mark] = []


Value = Mapping | Sequence | str | None
