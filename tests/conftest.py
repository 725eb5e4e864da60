"""Shared fixtures: a private cache for every test, and the small events file."""

from __future__ import annotations

import textwrap
from pathlib import Path
from string import Template

import pytest

from skynet_tui.catalog import Catalog, parse_catalog

DATA = Path(__file__).parent / "data"
SMALL = DATA / "small.yaml"

#: One valid event whose fields a test can replace with YAML scalars as typed.
ONE_EVENT = Template(
    """\
schema: 1
sources:
  - id: src
    title: $source_title
    publisher: A publisher
    kind: official
agencies:
  - id: nsc
    name: National Supervisory Commission
    aliases: [$alias]
events:
  - id: $id
    date: "2018-07-11"
    type: repatriation
    title: $title
    summary: $summary
    people: [$person]
    agencies: [nsc]
    countries: [US]
    citations:
      - source: src
        quote: $quote
"""
)
ONE_EVENT_DEFAULTS = {
    "source_title": "A source",
    "alias": "State Supervision Commission",
    "id": "2018-07-11-one",
    "title": "A title",
    "summary": "A summary.",
    "person": "A Person",
    "quote": "A quote.",
}


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty cache directory; the user's cache is never touched."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("SKYNET_TUI_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def small_path() -> Path:
    return SMALL


@pytest.fixture
def small_text() -> str:
    return SMALL.read_text(encoding="utf-8")


@pytest.fixture
def small_catalog() -> Catalog:
    return parse_catalog(SMALL, SMALL.read_bytes())


@pytest.fixture
def write_file(tmp_path: Path):
    """Write text (dedented) or bytes to a file under tmp_path and return its path."""

    def write(content: str | bytes, name: str = "events.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    return write


@pytest.fixture
def one_event(write_file):
    """Write the one-event file with some fields replaced (YAML scalars as typed) and return its path."""

    def make(name: str = "events.yaml", **fields: str) -> Path:
        return write_file(ONE_EVENT.substitute(ONE_EVENT_DEFAULTS | fields), name)

    return make
