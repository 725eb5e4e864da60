"""The text-search index: the same answers as scanning every text, from the cache when it can."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skynet_tui import loader, search
from skynet_tui.catalog import parse_catalog
from skynet_tui.facets import positions_of
from skynet_tui.loader import load_catalog, load_search_index
from skynet_tui.search import SearchIndex, search_text

# Few letters, so words repeat across events (some held by many, some by one) and searches hit.
TEXT = st.text(alphabet="abAB ß\n\t“İ.1", max_size=30)


def scanned(events, word: str) -> list[int]:
    """The answer the index must give: every event whose text holds the word."""
    return [position for position, event in enumerate(events) if word in search_text(event)]


SMALL = Path(__file__).parent / "data" / "small.yaml"
TEMPLATE = parse_catalog(SMALL, SMALL.read_bytes()).events[0]


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=80), word=st.text(alphabet="abAB ß“İ.1", max_size=4))
def test_every_search_finds_what_a_scan_finds(texts, word):
    events = [TEMPLATE._replace(title=title, summary=summary) for title, summary in texts]
    index = SearchIndex.build(events)
    restored = pickle.loads(pickle.dumps(index))
    for piece in word.casefold().split() or [""]:
        expected = scanned(events, piece)
        assert list(positions_of(index.mask(piece))) == expected
        assert list(positions_of(restored.mask(piece))) == expected


def test_common_and_rare_words_are_both_found():
    """Words held by many events keep a bitmask, rare ones a list of positions: both must answer."""
    events = [TEMPLATE._replace(title="common", summary=f"word{number:03}") for number in range(100)]
    index = SearchIndex.build(events)
    assert index.dense and len(index.positions) > 0  # both kinds are present
    assert index.mask("common").bit_count() == 100
    assert list(positions_of(index.mask("word042"))) == [42]
    assert list(positions_of(index.mask("d04"))) == list(range(40, 50))
    assert index.mask("absent") == 0


@pytest.fixture
def events_file(tmp_path, small_path):
    directory = tmp_path / "data"
    directory.mkdir()
    return shutil.copy(small_path, directory / "events.yaml")


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """The sizes of the indexes really built (rather than read from the cache)."""
    sizes: list[int] = []
    build = SearchIndex.build

    def counting(events):
        index = build(events)
        sizes.append(index.size)
        return index

    monkeypatch.setattr(search.SearchIndex, "build", counting)
    return sizes


def test_the_index_is_cached_beside_its_catalog(events_file, builds, cache_dir):
    catalog = load_catalog(events_file)
    first = load_search_index(catalog)
    again = load_search_index(load_catalog(events_file))
    assert builds == [6]
    assert again.mask("xu") == first.mask("xu") != 0
    assert len(list(cache_dir.glob("*.search.pickle"))) == 1


def test_a_catalog_read_without_the_cache_builds_and_stores_nothing(events_file, builds, cache_dir):
    catalog = load_catalog(events_file, use_cache=False)
    assert catalog.cache_key is None
    load_search_index(catalog)
    load_search_index(catalog)
    assert builds == [6, 6]
    assert list(cache_dir.glob("*.pickle")) == []


@pytest.mark.parametrize("content", [b"", b"garbage", pickle.dumps("a string")], ids=["empty", "garbage", "string"])
def test_a_corrupt_index_entry_is_rebuilt(events_file, builds, cache_dir, content):
    catalog = load_catalog(events_file)
    expected = load_search_index(catalog).mask("xu")
    (entry,) = cache_dir.glob("*.search.pickle")
    entry.write_bytes(content)
    assert load_search_index(catalog).mask("xu") == expected
    assert load_search_index(catalog).mask("xu") == expected
    assert builds == [6, 6]


def test_an_index_of_another_size_is_not_trusted(events_file, builds, cache_dir, monkeypatch):
    catalog = load_catalog(events_file)
    load_search_index(catalog)
    (entry,) = cache_dir.glob("*.search.pickle")
    loader.cache.store(entry.name.removesuffix(".pickle"), [SearchIndex.build(catalog.events[:2])])
    assert load_search_index(catalog).size == 6
    assert builds == [6, 2, 6]
    monkeypatch.setattr(loader.cache, "load", lambda key: None)  # and with no cache at all
    assert load_search_index(catalog).size == 6
