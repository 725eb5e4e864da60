"""Rules about figures across the whole file: which of them the sources dispute.

A dispute is derived, never typed by hand: two figures with the same metric, period and
scope but different values. A figure for another period or scope is not a dispute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from skynet_tui.model import Event, Figure

FigureKey = tuple[str, str, str]


def figures_by_key(events: Iterable[Event]) -> dict[FigureKey, list[tuple[Event, Figure]]]:
    groups: dict[FigureKey, list[tuple[Event, Figure]]] = defaultdict(list)
    for event in events:
        for figure in event.figures:
            groups[figure.key].append((event, figure))
    return groups


def find_disputes(events: Iterable[Event]) -> dict[FigureKey, tuple[tuple[str, Figure], ...]]:
    """For each (metric, period, scope) given more than one value: every (event id, figure) giving it."""
    return {
        key: tuple((event.id, figure) for event, figure in group)
        for key, group in figures_by_key(events).items()
        if len({figure.value for _, figure in group}) > 1
    }


_CURRENCIES = {"money_recovered_cny": "yuan", "money_recovered_usd": "US dollars"}


def amount_text(metric: str, value: int | float) -> str:
    """A value in the words the sources use: 1,421 or 2.95 billion yuan."""
    currency = _CURRENCIES.get(metric)
    if currency is None:
        return f"{value:,}"
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {word} {currency}"
    return f"{value:,} {currency}"


def figure_text(figure: Figure) -> str:
    """The value with its qualifier: 'about 2.95 billion yuan'."""
    word = figure.qualifier_word
    return f"{word} {amount_text(figure.metric, figure.value)}" if word else amount_text(figure.metric, figure.value)


def some_of(texts: list[str], shown: int = 4) -> str:
    """Values side by side, the first few only when there are many: 'a / b / c / d / … 7 more'."""
    more = f" / … {len(texts) - shown} more" if len(texts) > shown else ""
    return " / ".join(texts[:shown]) + more
