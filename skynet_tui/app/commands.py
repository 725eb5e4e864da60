"""Command-palette providers: go to an event, jump to a year, filter by a facet value.

Event text is data, so every prompt is built as Content from plain text; Textual's
matcher.highlight() would read it as markup and is not used.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from skynet_tui.app.facet_panel import value_label
from skynet_tui.text import one_line

MAX_EVENT_HITS = 50


class _ExplorerProvider(Provider):
    @property
    def explorer(self):
        return self.app.explorer


class EventCommands(_ExplorerProvider):
    """Go to an event by words of its title, its people or its id."""

    async def startup(self) -> None:
        # Once per opening of the palette, not per keystroke: 100,000 events take ~0.1 s.
        events = self.explorer.catalog.events
        self.texts = [" ".join((event.title, *event.people, event.id)).casefold() for event in events]

    async def search(self, query: str) -> Hits:
        words = query.casefold().split()
        if not words:
            return
        explorer = self.explorer
        events = explorer.catalog.events
        found = 0
        for position, text in enumerate(self.texts):
            if all(word in text for word in words):
                event = events[position]
                prompt = Content.assemble("Go to event: ", one_line(event.title), (f"  {event.date}", "$text-muted"))
                yield Hit(1.0 - found / 1000, prompt, partial(explorer.select_event, event.id), text=event.id)
                found += 1
                if found >= MAX_EVENT_HITS:
                    return


class YearCommands(_ExplorerProvider):
    """Jump to a year of the timeline."""

    def _hits(self):
        for year in self.explorer.catalog.facets.values("year"):
            yield f"Jump to year {year}", partial(self.explorer.jump_to_year, year)

    async def discover(self) -> Hits:
        for text, command in self._hits():
            yield DiscoveryHit(Content(text), command, text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command in self._hits():
            if score := matcher.match(text):
                yield Hit(score, Content(text), command, text=text)


class FilterCommands(_ExplorerProvider):
    """Add or remove an agency, country or type filter."""

    def _hits(self):
        explorer = self.explorer
        catalog = explorer.catalog
        for dimension in ("agency", "country", "type"):
            for value in catalog.facets.values(dimension):
                chosen = value in explorer.filter.selected(dimension)
                verb = "Stop filtering" if chosen else "Filter"
                text = f"{verb} by {dimension}: {value_label(catalog, dimension, value)}"
                yield text, partial(self._toggle, dimension, value)

    def _toggle(self, dimension: str, value) -> None:
        self.explorer.filter = self.explorer.filter.toggled(dimension, value)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command in self._hits():
            if score := matcher.match(text):
                yield Hit(score, Content(text), command, text=text)
