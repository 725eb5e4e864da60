"""Text search: which events hold a piece of text, answered from an index instead of a scan.

A search word has no whitespace in it, so it occurs in an event's text exactly when it occurs
inside one of that text's whitespace-separated words. The index therefore keeps each distinct
word once, with the events that hold it: a search scans the short list of distinct words (a
few megabytes even for 100,000 events) and ORs the events of the words it finds, instead of
scanning every event's text (about 100 MB at that size).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable

from skynet_tui.facets import mask_of
from skynet_tui.model import Event

DENSE_SHARE = 32  # a word held by at least 1/32 of the events keeps a bitmask, rarer ones a list
_TERM = re.compile(r'"([^"]+)"|(\S+)')


def search_terms(search: str) -> tuple[str, ...]:
    """The words and "quoted phrases" of a search, case-folded, a phrase's words joined by single
    spaces. A quote without its pair is just a character of a word."""
    terms = []
    for phrase, word in _TERM.findall(search.casefold()):
        term = " ".join(phrase.split()) if phrase else word
        if term:  # quotes around nothing but spaces
            terms.append(term)
    return tuple(terms)


def search_text(event: Event) -> str:
    """What a text search looks in: title, summary, people and quotes, case-folded."""
    parts = [event.title, event.summary, *event.people, *(citation.quote for citation in event.citations)]
    return "\n".join(parts).casefold()


class SearchIndex:
    """The distinct words of every event's search text, and for each the events that hold it.

    `words` is all distinct words joined by newlines, `word_starts[i]` where word i begins.
    Word i's events are a bitmask in `dense` when it is common, else the event positions
    `positions[position_starts[i]:position_starts[i + 1]]`. One-character searches, which
    match a large part of the words, use a bitmask per character in `characters` instead.
    """

    def __init__(
        self,
        size: int,
        words: str,
        word_starts: bytes,
        dense: dict[int, int],
        positions: bytes,
        position_starts: bytes,
        characters: dict[str, int],
    ) -> None:
        self.size = size
        self.words = words
        self.word_starts = array("I", word_starts)
        self.dense = dense
        self.positions = array("I", positions)
        self.position_starts = array("I", position_starts)
        self.characters = characters

    def __reduce__(self):
        """Pickles as plain values (arrays as bytes), so the cache admits nothing but this class."""
        return (
            SearchIndex,
            (
                self.size,
                self.words,
                self.word_starts.tobytes(),
                self.dense,
                self.positions.tobytes(),
                self.position_starts.tobytes(),
                self.characters,
            ),
        )

    @classmethod
    def build(cls, events: Iterable[Event]) -> SearchIndex:
        holders: dict[str, array] = {}  # word -> positions of the events that hold it
        characters: dict[str, array] = {}
        size = 0
        for position, event in enumerate(events):
            size = position + 1
            text = search_text(event)
            for word in set(text.split()):
                try:
                    holders[word].append(position)
                except KeyError:
                    holders[word] = array("I", (position,))
            for character in set(text):
                try:
                    characters[character].append(position)
                except KeyError:
                    characters[character] = array("I", (position,))
        word_starts, dense, positions, position_starts = array("I"), {}, array("I"), array("I")
        offset = 0
        for index, (word, held) in enumerate(holders.items()):
            word_starts.append(offset)
            offset += len(word) + 1
            position_starts.append(len(positions))
            if len(held) * DENSE_SHARE >= size:
                dense[index] = mask_of(held, size)
            else:
                positions.extend(held)
        word_starts.append(offset)
        position_starts.append(len(positions))
        return cls(
            size,
            "\n".join(holders) + "\n",
            word_starts.tobytes(),
            dense,
            positions.tobytes(),
            position_starts.tobytes(),
            {character: mask_of(held, size) for character, held in characters.items() if not character.isspace()},
        )

    def mask(self, word: str) -> int:
        """The events whose case-folded text holds `word` (case-folded, without whitespace)."""
        if not word:
            return (1 << self.size) - 1
        if len(word) == 1:
            return self.characters.get(word, 0)
        found, rare = 0, array("I")
        starts, find = self.word_starts, self.words.find
        hit = find(word)
        while hit != -1:
            index = bisect_right(starts, hit) - 1
            common = self.dense.get(index)
            if common is not None:
                found |= common
            else:
                rare.extend(self.positions[self.position_starts[index] : self.position_starts[index + 1]])
            hit = find(word, starts[index + 1])
        return found | mask_of(set(rare), self.size)
