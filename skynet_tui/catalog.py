"""Read and validate an events file into a Catalog: sorted events, sources, agencies, facets.

Every problem is collected with its line and column, so `validate` can list all of them;
a file with any problem never becomes a Catalog.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from skynet_tui import countries
from skynet_tui.errors import EventFileError, Problem
from skynet_tui.facets import Facets
from skynet_tui.figures import FigureKey, find_disputes
from skynet_tui.model import Agency, Citation, Event, Figure, PartialDate, Period, Source
from skynet_tui.text import has_unsafe, is_web_address
from skynet_tui.vocabulary import EVENT_TYPES, METRICS, QUALIFIERS, SCOPES, SOURCE_KINDS
from skynet_tui.yamltree import Mapping, Mark, Sequence, Value

SCHEMA_VERSION = "1"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_TOP_KEYS = {"schema", "sources", "agencies", "events"}
_SOURCE_KEYS = {"id", "title", "publisher", "published", "kind", "url", "note"}
_AGENCY_KEYS = {"id", "name", "aliases"}
_EVENT_KEYS = {
    "id", "date", "type", "title", "summary", "operation", "people",
    "agencies", "countries", "figures", "citations", "note",
}  # fmt: skip
_FIGURE_KEYS = {"metric", "value", "period", "scope", "qualifier", "source", "note"}
_CITATION_KEYS = {"source", "quote"}

Progress = Callable[[str, float], None]  # called with what is being done and the fraction of it done
READING = "Reading events file"
READ_SHARE = 0.9  # of the reading stage; checking references, sorting and indexing are the rest


def bundled_path() -> Path:
    """The events file that ships inside the package."""
    return Path(__file__).with_name("events.yaml")


class Catalog(NamedTuple):
    """A validated events file. A named tuple, like the model's values: quick to define at start."""

    path: str
    sources: dict[str, Source]
    agencies: dict[str, Agency]
    events: tuple[Event, ...]  # in date order
    facets: Facets
    disputes: dict[FigureKey, tuple[tuple[str, Figure], ...]]
    cache_key: str | None = None  # of the content read, when the cache was used

    def __repr__(self) -> str:
        return f"Catalog({self.path!r}, {len(self.events)} events)"

    def is_disputed(self, event: Event) -> bool:
        return any(figure.key in self.disputes for figure in event.figures)

    def event(self, event_id: str) -> Event | None:
        position = self.facets.position.get(event_id)
        return None if position is None else self.events[position]

    def agency_names(self, event: Event) -> list[str]:
        return [self.agencies[agency].name for agency in event.agencies]


def country_name(code: str) -> str:
    return countries.NAMES.get(code, code)


class _Builder:
    """Turns the located YAML values into model objects, noting every problem on the way."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.events: list[Event] = []
        self.event_ids: dict[str, Mark] = {}
        # (what, id, mark) references checked once sources and agencies are known:
        self.source_refs: list[tuple[str, Mark]] = []
        self.agency_refs: list[tuple[str, Mark]] = []

    # --- small checks shared by every record ------------------------------------------
    def problem(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, mark[0], mark[1], message))

    def record(self, value: Value, mark: Mark, what: str, allowed: set[str]) -> Mapping | None:
        if not isinstance(value, Mapping):
            self.problem(mark, f"{what} must be a mapping of keys to values")
            return None
        for key in value.keys() - allowed:
            self.problem(value.at(key), f"unknown key {key!r} in {what}; allowed: {', '.join(sorted(allowed))}")
        return value

    def text(self, record: Mapping, key: str, what: str, *, required: bool = True, line: bool = False) -> str | None:
        value = record.get(key)
        if value is None or value == "":
            if required:
                self.problem(record.at(key), f"{what} needs a non-empty {key!r}")
            return None
        if not isinstance(value, str):
            self.problem(record.at(key), f"{key!r} of {what} must be text, not a list or mapping")
            return None
        if line and "\n" in value.strip():
            self.problem(record.at(key), f"{key!r} of {what} must be one line")
        return value

    def texts(self, record: Mapping, key: str, what: str) -> tuple[str, ...]:
        value = record.get(key)
        if value is None:
            return ()
        if not isinstance(value, Sequence) or not all(isinstance(item, str) and item for item in value):
            self.problem(record.at(key), f"{key!r} of {what} must be a list of non-empty texts")
            return ()
        return tuple(value)

    @staticmethod
    def item_marks(record: Mapping, key: str) -> list[Mark]:
        """Where each item of a list value is, so a problem names the item's own line."""
        value = record.get(key)
        return value.marks if isinstance(value, Sequence) else []

    def slug(self, record: Mapping, key: str, what: str) -> str | None:
        value = self.text(record, key, what)
        if value is not None and not _SLUG.fullmatch(value):
            self.problem(
                record.at(key),
                f"{key} {value!r} of {what} must be lowercase ASCII letters, digits and single hyphens",
            )
            return None
        return value

    def choice(self, record: Mapping, key: str, what: str, vocabulary: dict[str, str], default: str | None = None):
        value = self.text(record, key, what, required=default is None)
        if value is None:
            return default
        if value not in vocabulary:
            self.problem(record.at(key), f"unknown {key} {value!r} in {what}; known: {', '.join(vocabulary)}")
            return None
        return value

    def parsed(self, record: Mapping, key: str, what: str, parse, *, required: bool = True):
        value = self.text(record, key, what, required=required)
        if value is None:
            return None
        try:
            return parse(value)
        except ValueError as error:
            self.problem(record.at(key), f"{error} (in {what})")
            return None

    def items(self, record: Mapping, key: str, what: str) -> list[tuple[Value, Mark]]:
        value = record.get(key)
        if value is None:
            return []
        if not isinstance(value, Sequence):
            self.problem(record.at(key), f"{key!r} of {what} must be a list")
            return []
        return list(zip(value, value.marks, strict=True))

    # --- the three kinds of record -----------------------------------------------------
    def sources(self, document: Mapping) -> dict[str, Source]:
        result: dict[str, Source] = {}
        for value, mark in self.items(document, "sources", "the file"):
            record = self.record(value, mark, "a source", _SOURCE_KEYS)
            if record is None:
                continue
            source_id = self.slug(record, "id", "a source")
            what = f"source {source_id!r}"
            source = Source(
                id=source_id or "",
                title=self.text(record, "title", what, line=True) or "",
                publisher=self.text(record, "publisher", what, line=True) or "",
                kind=self.choice(record, "kind", what, SOURCE_KINDS) or "",
                published=self.parsed(record, "published", what, PartialDate.parse, required=False),
                url=self.url(record, what),
                note=self.text(record, "note", what, required=False),
            )
            if source_id in result:
                self.problem(record.at("id"), f"source id {source_id!r} is used twice")
            elif source_id:
                result[source_id] = source
        return result

    def url(self, record: Mapping, what: str) -> str | None:
        url = self.text(record, "url", what, required=False, line=True)
        if url is not None and not is_web_address(url):
            self.problem(record.at("url"), f"url of {what} must be a plain http:// or https:// address")
            return None
        return url

    def agencies(self, document: Mapping) -> dict[str, Agency]:
        result: dict[str, Agency] = {}
        owner_of_name: dict[str, str] = {}
        for value, mark in self.items(document, "agencies", "the file"):
            record = self.record(value, mark, "an agency", _AGENCY_KEYS)
            if record is None:
                continue
            agency_id = self.slug(record, "id", "an agency")
            what = f"agency {agency_id!r}"
            agency = Agency(
                id=agency_id or "",
                name=self.text(record, "name", what, line=True) or "",
                aliases=self.texts(record, "aliases", what),
            )
            if agency_id in result:
                self.problem(record.at("id"), f"agency id {agency_id!r} is used twice")
                continue
            marks = [record.at("id"), record.at("name"), *self.item_marks(record, "aliases")]
            for name, name_mark in zip(agency.names, marks, strict=False):
                if not name:
                    continue
                folded = name.casefold()
                if has_unsafe(name):
                    self.problem(name_mark, f"name {name!r} of {what} holds invisible or control characters")
                elif owner_of_name.get(folded, agency_id) != agency_id:
                    self.problem(
                        name_mark, f"name {name!r} of {what} is already used by agency {owner_of_name[folded]!r}"
                    )
                elif folded in owner_of_name and name not in (agency.id, agency.name):
                    self.problem(name_mark, f"alias {name!r} of {what} repeats another of its names")
                owner_of_name.setdefault(folded, agency_id or "")
            if agency_id:
                result[agency_id] = agency
        return result

    def event(self, value: Value, mark: Mark) -> None:
        record = self.record(value, mark, "an event", _EVENT_KEYS)
        if record is None:
            return
        event_id = self.slug(record, "id", "an event")
        what = f"event {event_id!r}"
        if event_id in self.event_ids:
            self.problem(
                record.at("id"), f"event id {event_id!r} is used twice (first at line {self.event_ids[event_id][0]})"
            )
        elif event_id:
            self.event_ids[event_id] = record.at("id")
        citations = self.citations(record, what)
        cited = {citation.source for citation in citations}
        event = Event(
            id=event_id or "",
            date=self.parsed(record, "date", what, PartialDate.parse),
            type=self.choice(record, "type", what, EVENT_TYPES),
            title=self.text(record, "title", what, line=True),
            summary=self.text(record, "summary", what),
            citations=citations,
            operation=self.slug(record, "operation", what) if record.get("operation") is not None else None,
            people=self.texts(record, "people", what),
            agencies=self.agency_ids(record, what),
            countries=self.countries(record, what),
            figures=tuple(self.figures(record, what, cited)),
            note=self.text(record, "note", what, required=False),
        )
        if None not in (event.date, event.type, event.title, event.summary) and event_id:
            self.events.append(event)

    def agency_ids(self, record: Mapping, what: str) -> tuple[str, ...]:
        ids = self.texts(record, "agencies", what)
        self.agency_refs.extend(zip(ids, self.item_marks(record, "agencies"), strict=False))
        return ids

    def countries(self, record: Mapping, what: str) -> tuple[str, ...]:
        codes = self.texts(record, "countries", what)
        for code, mark in zip(codes, self.item_marks(record, "countries"), strict=False):
            if code not in countries.NAMES:
                self.problem(mark, f"{code!r} in {what} is not an ISO 3166-1 alpha-2 country code")
        return codes

    def citations(self, record: Mapping, what: str) -> tuple[Citation, ...]:
        result = []
        for value, mark in self.items(record, "citations", what):
            citation = self.record(value, mark, f"a citation of {what}", _CITATION_KEYS)
            if citation is None:
                continue
            source = self.text(citation, "source", f"a citation of {what}")
            quote = self.text(citation, "quote", f"a citation of {what}")
            if source and quote:
                self.source_refs.append((source, citation.at("source")))
                result.append(Citation(source, quote))
        if not record.get("citations"):
            self.problem(record.at("citations"), f"{what} needs at least one citation with a source and a quote")
        return tuple(result)

    def figures(self, record: Mapping, what: str, cited: set[str]):
        for value, mark in self.items(record, "figures", what):
            figure = self.record(value, mark, f"a figure of {what}", _FIGURE_KEYS)
            if figure is None:
                continue
            where = f"a figure of {what}"
            parts = dict(
                metric=self.choice(figure, "metric", where, METRICS),
                value=self.parsed(figure, "value", where, _number),
                period=self.parsed(figure, "period", where, Period.parse),
                scope=self.choice(figure, "scope", where, SCOPES),
                qualifier=self.choice(figure, "qualifier", where, QUALIFIERS, default="exact"),
                source=self.text(figure, "source", where),
                note=self.text(figure, "note", where, required=False),
            )
            if parts["source"] and parts["source"] not in cited:
                self.problem(figure.at("source"), f"source {parts['source']!r} of {where} is not among its citations")
            if all(value is not None for key, value in parts.items() if key != "note"):
                yield Figure(**parts)

    # --- the file as a whole -----------------------------------------------------------
    def check_references(self, sources: dict[str, Source], agencies: dict[str, Agency]) -> None:
        for source, mark in self.source_refs:
            if source not in sources:
                self.problem(mark, f"source {source!r} is not in sources:")
        for agency, mark in self.agency_refs:
            if agency not in agencies:
                self.problem(mark, f"agency {agency!r} is not in agencies: (use its id)")


def _number(text: str) -> int | float:
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"value {text!r} is not a plain number (write 1421, not 1,421)")
    return float(text) if "." in text else int(text)


def parse_catalog(path: Path, data: bytes | BinaryIO, *, progress: Progress | None = None) -> Catalog:
    """Validate an events file (its bytes, or the file opened) into a Catalog, or raise
    EventFileError with every problem (FileUnreadable when it is not UTF-8 text).

    `progress`, when given, is called now and then with READING and the fraction done.
    """

    from skynet_tui.yamlreader import read_yaml  # PyYAML only to parse: a load from the cache never needs it

    def done(fraction: float) -> None:
        if progress is not None:
            progress(READING, fraction)

    source = io.BytesIO(data) if isinstance(data, bytes) else data
    builder = _Builder(str(path))
    on_item = builder.event
    if progress is not None:
        size = source.seek(0, io.SEEK_END) or 1
        source.seek(0)

        def on_item(value: Value, mark: Mark) -> None:
            builder.event(value, mark)
            if len(builder.events) % 1000 == 0:
                done(READ_SHARE * source.tell() / size)

    document, problems = read_yaml(path, source, on_item)
    done(READ_SHARE)
    builder.problems.extend(problems)
    if document is None:
        builder.problem((1, 1), "the file is empty; it needs schema:, sources:, agencies: and events:")
        raise EventFileError(builder.problems)
    top = builder.record(document, (1, 1), "the file", _TOP_KEYS)
    if top is None:
        raise EventFileError(builder.problems)
    schema = top.get("schema")
    if schema != SCHEMA_VERSION:
        builder.problem(top.at("schema"), f"schema: must be {SCHEMA_VERSION} (found {schema!r})")
    if not isinstance(top.get("events"), Sequence):
        builder.problem(top.at("events"), "the file needs an events: list")
    sources = builder.sources(top)
    agencies = builder.agencies(top)
    builder.check_references(sources, agencies)
    if builder.problems:
        raise EventFileError(builder.problems)
    done(0.93)
    events = tuple(sorted(builder.events, key=Event.sort_key.fget))
    done(0.96)
    facets = Facets.build(events)
    done(0.99)
    disputes = find_disputes(events)
    done(1.0)
    return Catalog(str(path), sources, agencies, events, facets, disputes)
