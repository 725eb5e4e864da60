"""Precomputed indexes over a catalog's events, so filtering never scans the events.

Each facet value maps to a bitmask over event positions (bit i is the i-th event in date
order): a filter is a few big-integer ANDs and ORs, and a count is `int.bit_count()`,
which stays in the milliseconds at 100,000 events.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from skynet_tui.model import Event

DIMENSIONS = ("year", "agency", "country", "type")


def mask_of(positions: Iterable[int], size: int) -> int:
    """The bitmask with the given bits set, built in linear time."""
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def positions_of(mask: int) -> Iterator[int]:
    """The set bits of a mask, lowest first."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    for byte_index, byte in enumerate(data):
        base = byte_index << 3
        while byte:
            low = byte & -byte
            yield base + low.bit_length() - 1
            byte ^= low


def search_text(event: Event) -> str:
    """What a text search looks in: title, summary, people and quotes, case-folded."""
    parts = [event.title, event.summary, *event.people, *(citation.quote for citation in event.citations)]
    return "\n".join(parts).casefold()


class SearchIndex:
    """Every event's search text in one case-folded UTF-8 buffer, searched at C speed.

    One bytearray and one offset per event, no per-event copy: a word is found with
    `bytearray.find`, jumping to the next event after each hit.
    """

    def __init__(self, events: tuple[Event, ...]) -> None:
        self.blob = bytearray()
        self.starts = array("q")
        for event in events:
            self.starts.append(len(self.blob))
            self.blob += search_text(event).encode()
            self.blob += b"\0"
        self.starts.append(len(self.blob))

    def matching(self, word: str, candidates: Iterable[int] | None = None) -> list[int]:
        """The positions of the events whose text holds the (case-folded) word, among candidates if given."""
        needle, starts, find = word.encode(), self.starts, self.blob.find
        if candidates is not None:
            return [event for event in candidates if find(needle, starts[event], starts[event + 1]) != -1]
        found = []
        hit = find(needle)
        while hit != -1:
            event = bisect_right(starts, hit) - 1
            found.append(event)
            hit = find(needle, starts[event + 1])
        return found


@dataclass(frozen=True, eq=False)
class Facets:
    size: int
    all: int
    masks: dict[str, dict[str | int, int]]  # dimension -> value -> mask
    position: dict[str, int]  # event id -> position

    @classmethod
    def build(cls, events: tuple[Event, ...]) -> Facets:
        positions: dict[str, dict[str | int, list[int]]] = {dimension: defaultdict(list) for dimension in DIMENSIONS}
        for index, event in enumerate(events):
            positions["year"][event.date.year].append(index)
            positions["type"][event.type].append(index)
            for agency in event.agencies:
                positions["agency"][agency].append(index)
            for country in event.countries:
                positions["country"][country].append(index)
        size = len(events)
        masks = {
            dimension: {value: mask_of(found, size) for value, found in sorted(values.items())}
            for dimension, values in positions.items()
        }
        return cls(
            size=size,
            all=(1 << size) - 1,
            masks=masks,
            position={event.id: index for index, event in enumerate(events)},
        )

    def values(self, dimension: str) -> list[str | int]:
        return list(self.masks[dimension])
