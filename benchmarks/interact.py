"""Time the explorer's reactions in one headless session: filter change, search, scroll.

Usage: python interact.py EVENTS.yaml RESULT.json REPEAT

Each timed step changes something, then lets Textual handle every message it caused and
redraw: `pilot.pause(0)` (pending messages, then the screen's update: layout and the render
of every dirty line) until no message queue holds anything. Plain `pilot.pause()` and
`pilot.press()` are not used for timing: they sleep at least 20 ms each to detect idleness.
The same settling with nothing changed is timed as the floor. The catalog comes from
`load_catalog` (the run's warm cache).
"""

import asyncio
import json
import sys
import time
from pathlib import Path

from textual import events

from skynet_tui.loader import load_catalog
from skynet_tui.query import Filter

SEARCH_WORD = "extradited"  # typed one character at a time; common prefixes first, then narrower
TYPED_WORD = "surrendered"
SCROLL_PAGES = 20


def _filters(catalog, rounds: int) -> list[tuple[str, Filter]]:
    """A cycle of typical filter changes, built from the values the file really has."""
    masks = catalog.facets.masks

    def common(dimension: str, rank: int = 0):
        ordered = sorted(masks[dimension], key=lambda value: -masks[dimension][value].bit_count())
        return ordered[min(rank, len(ordered) - 1)]

    year, other_year = common("year"), common("year", 1)
    one_year = Filter(years=frozenset({year}))
    cycle = [
        ("one year", one_year),
        ("year and type", one_year._replace(types=frozenset({common("type")}))),
        ("two years", Filter(years=frozenset({year, other_year}))),
        ("one country", Filter(countries=frozenset({common("country")}))),
        ("one agency", Filter(agencies=frozenset({common("agency")}))),
        ("clear (all events)", Filter()),
    ]
    return cycle * rounds


def _busy(app) -> bool:
    return any(not node._message_queue.empty() for node in (app, *app.screen.walk_children(with_self=True)))


async def _settle(pilot, until=lambda: True, timeout: float = 5.0) -> bool:
    """Process messages and redraw until `until()` holds and nothing is pending."""
    deadline = time.perf_counter() + timeout
    while True:
        await pilot.pause(0)
        if until() and not _busy(pilot.app):
            return True
        if time.perf_counter() > deadline:
            return False


async def _timed(pilot, action, until=lambda: True) -> float | None:
    start = time.perf_counter()
    action()
    if not await _settle(pilot, until):
        return None
    return time.perf_counter() - start


def _key(app, key: str) -> None:
    """A key press as the terminal driver sends it (what `pilot.press` does, minus its sleeps)."""
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


def _has_rows(app) -> bool:
    try:
        timeline = app.screen.query_one("#timeline")
    except Exception:
        return False
    return timeline.virtual_size.height > 0


async def session(path: Path, repeat: int) -> dict:
    catalog = load_catalog(path)
    from skynet_tui.app.main import SkynetApp

    result: dict = {"notes": []}
    app = SkynetApp(catalog, Filter())
    async with app.run_test(size=(120, 40)) as pilot:
        if not await _settle(pilot, lambda: _has_rows(app), timeout=60):
            raise SystemExit("the explorer never showed rows in #timeline")
        screen = app.screen
        if not hasattr(screen, "filter"):
            raise SystemExit(f"{type(screen).__name__} has no `filter` attribute (the benchmark's contract)")
        timeline = screen.query_one("#timeline")

        result["idle"] = [await _timed(pilot, lambda: None) for _ in range(10 * repeat)]

        def set_filter(new: Filter):
            return lambda: setattr(screen, "filter", new)

        samples, names, heights = [], [], set()
        for name, new in _filters(catalog, repeat):
            samples.append(await _timed(pilot, set_filter(new)))
            names.append(name)
            heights.add(timeline.virtual_size.height)
        result["filter"], result["filter_names"] = samples, names
        if len(heights) == 1:
            result["notes"].append("the timeline's height never changed with the filter: is `filter` wired?")

        first, rest = [], []
        for _ in range(repeat):
            await _timed(pilot, set_filter(Filter()))
            for end in range(1, len(SEARCH_WORD) + 1):
                elapsed = await _timed(pilot, set_filter(Filter(search=SEARCH_WORD[:end])))
                (first if end == 1 and not first else rest).append(elapsed)
        result["search_first"], result["search"] = first, rest

        result["search_typed"] = await _typed(pilot, app, screen, repeat, result["notes"])

        await _timed(pilot, set_filter(Filter()))
        timeline.focus()
        await _settle(pilot)
        if timeline.max_scroll_y == 0:
            result["notes"].append("every event fits on one screen: scrolling not measured")
        else:
            result["scroll"] = await _pages(pilot, timeline, lambda: timeline.scroll_page_down(animate=False))
            timeline.scroll_home(animate=False)
            await _settle(pilot)
            result["page_key"] = await _pages(pilot, timeline, lambda: _key(app, "pagedown"))
        result["events_shown"] = timeline.virtual_size.height
    return result


async def _pages(pilot, timeline, action) -> list[float]:
    samples = []
    for _ in range(SCROLL_PAGES):
        before = timeline.scroll_y
        elapsed = await _timed(pilot, action)
        if elapsed is None or timeline.scroll_y == before:
            break
        samples.append(elapsed)
    return samples


async def _typed(pilot, app, screen, repeat: int, notes: list[str]) -> list[float]:
    """Keystrokes sent to the focused search Input, each timed until the filter has the text and is drawn."""
    found = app.screen.query("#search")
    if not found:
        notes.append("no #search Input on the main screen: typed search not measured")
        return []
    search = found.first()
    samples = []
    for _ in range(repeat):
        search.focus()
        search.value = ""
        await _settle(pilot, lambda: screen.filter.search == "")
        for end in range(1, len(TYPED_WORD) + 1):
            typed = TYPED_WORD[:end]
            elapsed = await _timed(
                pilot, lambda end=end: _key(app, TYPED_WORD[end - 1]), lambda t=typed: screen.filter.search == t
            )
            if elapsed is None:
                notes.append("typing into #search did not update screen.filter.search within 5 s")
                return samples
            samples.append(elapsed)
    search.value = ""
    return samples


if __name__ == "__main__":
    try:
        import skynet_tui.app.main  # noqa: F401
    except ImportError as error:
        print(f"SKIP: the explorer cannot be imported: {error}", file=sys.stderr)
        sys.exit(3)
    output = asyncio.run(session(Path(sys.argv[1]), int(sys.argv[3])))
    with open(sys.argv[2], "w") as out:
        json.dump(output, out)
