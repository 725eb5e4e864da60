"""The catalog cache: used when it can be, rebuilt when it must be, never trusted blindly."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import threading
from pathlib import Path

import pytest

from skynet_tui import cache, loader
from skynet_tui.catalog import READING, parse_catalog
from skynet_tui.cli import main
from skynet_tui.loader import load_catalog


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Every path the loader really parses (rather than takes from the cache)."""
    calls: list[str] = []

    def counting(path, data, **kwargs):
        calls.append(str(path))
        return parse_catalog(path, data, **kwargs)

    monkeypatch.setattr(loader, "parse_catalog", counting)
    return calls


@pytest.fixture
def events(tmp_path, small_path) -> Path:
    """A private copy of the small file, free to edit."""
    directory = tmp_path / "data"
    directory.mkdir()
    return Path(shutil.copy(small_path, directory / "events.yaml"))


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.pickle"))


def test_the_second_load_comes_from_the_cache(events, parses, cache_dir):
    first = load_catalog(events)
    second = load_catalog(events)
    assert parses == [str(events)]
    assert len(entries(cache_dir)) == 1
    assert [event.id for event in second.events] == [event.id for event in first.events]
    assert second.path == str(events)


def test_use_cache_false_always_parses(events, parses, cache_dir):
    load_catalog(events, use_cache=False)
    load_catalog(events, use_cache=False)
    assert len(parses) == 2
    assert entries(cache_dir) == []


def test_an_edited_file_is_parsed_again(events, parses):
    load_catalog(events)
    events.write_text(events.read_text().replace("Sky Net launched", "Sky Net begins"))
    catalog = load_catalog(events)
    assert len(parses) == 2
    assert catalog.event("2015-03-launch").title == "Sky Net begins"


def test_a_copy_elsewhere_shares_the_entry_but_keeps_its_own_path(events, parses, tmp_path):
    copy = Path(shutil.copy(events, tmp_path / "copy.yaml"))
    load_catalog(events)
    catalog = load_catalog(copy)
    assert len(parses) == 1
    assert catalog.path == str(copy)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps({"a": 1})[:-3],  # cut short
        pickle.dumps("a string, not a catalog"),
        pickle.dumps(["a", "list"]),
    ],
    ids=["empty", "garbage", "truncated", "a string", "a list"],
)
def test_a_corrupt_entry_is_ignored_and_rebuilt(events, parses, cache_dir, content):
    expected = load_catalog(events)
    (entry,) = entries(cache_dir)
    entry.write_bytes(content)
    catalog = load_catalog(events)
    assert len(parses) == 2
    assert [event.id for event in catalog.events] == [event.id for event in expected.events]
    assert load_catalog(events).path == str(events)
    assert len(parses) == 2  # the rebuilt entry is good again


class _RunsACommand:
    """Pickles as a call to os.system: what a tampered cache entry would hold."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_an_entry_naming_a_disallowed_class_is_refused_and_rebuilt(events, parses, cache_dir, tmp_path):
    load_catalog(events)
    (entry,) = entries(cache_dir)
    marker = tmp_path / "the-cache-ran-a-command"
    entry.write_bytes(pickle.dumps(_RunsACommand(marker)))
    catalog = load_catalog(events)
    assert not marker.exists()
    assert len(parses) == 2
    assert len(catalog.events) == 6
    assert b"system" not in entry.read_bytes()


def test_the_probe_pickle_would_run_a_command(tmp_path):
    """The tampered entry above is real: a plain unpickler runs it."""
    marker = tmp_path / "ran"
    pickle.loads(pickle.dumps(_RunsACommand(marker)))
    assert marker.exists()


def test_an_unusable_cache_directory_is_skipped(events, parses, monkeypatch, tmp_path):
    not_a_directory = tmp_path / "a-file"
    not_a_directory.write_text("")
    monkeypatch.setenv("SKYNET_TUI_CACHE_DIR", str(not_a_directory))
    assert len(load_catalog(events).events) == 6
    assert len(load_catalog(events).events) == 6
    assert len(parses) == 2


def test_old_entries_are_pruned(tmp_path, small_text, cache_dir):
    for number in range(cache.KEEP_ENTRIES + 3):
        path = tmp_path / f"copy-{number}.yaml"
        path.write_text(small_text + f"# copy {number}\n")
        load_catalog(path)
    assert len(entries(cache_dir)) == cache.KEEP_ENTRIES


def list_json(capsys, events: Path) -> str:
    assert main(["list", "--events", str(events), "--format", "json"]) == 0
    return capsys.readouterr().out


def test_results_are_the_same_with_and_without_the_cache(events, parses, capsys, monkeypatch):
    from_file = list_json(capsys, events)
    from_cache = list_json(capsys, events)
    assert len(parses) == 1
    assert from_cache == from_file
    monkeypatch.setattr(cache, "load", lambda key: None)
    assert list_json(capsys, events) == from_file
    assert len(parses) == 2


def test_nothing_is_written_beside_the_events_file(events, capsys, cache_dir):
    directory = events.parent
    before = {path.name: path.stat().st_mtime_ns for path in directory.iterdir()}
    for args in (["list", "--events", str(events)], ["validate", str(events)], ["results", "--events", str(events)]):
        assert main(args) == 0
        assert main(args) == 0
    capsys.readouterr()
    assert {path.name: path.stat().st_mtime_ns for path in directory.iterdir()} == before
    assert entries(cache_dir)  # the cache went to its own directory


@pytest.fixture
def stages(monkeypatch) -> list[tuple[str, float]]:
    """What a progress display would be told while loading (every file counts as large)."""
    monkeypatch.setattr(loader, "PROGRESS_FROM_BYTES", 0)
    return []


def test_a_first_load_reports_reading_then_saving(events, stages):
    load_catalog(events, progress=lambda stage, fraction: stages.append((stage, fraction)))
    names = list(dict.fromkeys(stage for stage, _ in stages))
    assert names == [READING, loader.SAVING]
    for name in names:
        fractions = [fraction for stage, fraction in stages if stage == name]
        assert fractions == sorted(fractions) and fractions[0] > 0 and fractions[-1] == 1.0


def test_a_cached_load_reports_nothing(events, stages):
    load_catalog(events)
    load_catalog(events, progress=lambda stage, fraction: stages.append((stage, fraction)))
    assert stages == []


def test_the_progress_line_ends_before_an_error_is_printed(write_file, stages, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    bad = write_file("schema: 1\nsources: []\nagencies: []\nevents:\n  - id: x\n")
    assert main(["list", "--events", str(bad)]) == 2
    progress, error, rest = capsys.readouterr().err.split("\n")
    assert progress.startswith(f"\r{READING}...") and progress.endswith("90%")
    assert error.startswith(f"skynet-tui: error: {bad}:5:5:") and rest == ""


def test_a_catalog_is_stored_in_slices_and_read_back_whole(events, parses, cache_dir, monkeypatch):
    monkeypatch.setattr(loader, "EVENTS_PER_PART", 4)  # 6 events: a slice of 4 and one of 2
    expected = load_catalog(events)
    again = load_catalog(events)
    assert len(parses) == 1
    assert again.events == expected.events and again.facets.size == 6
    assert len(cache.load(again.cache_key)) == 3  # the catalog without events, then two slices


def rewrite(entry: Path, parts: list, *, count: int | None = None, extra: bytes = b"") -> None:
    with open(entry, "wb") as handle:
        pickle.dump(len(parts) if count is None else count, handle)
        for part in parts:
            pickle.dump(part, handle)
        handle.write(extra)


@pytest.mark.parametrize(
    "damage",
    ["a slice missing", "a slice too many", "fewer parts than announced", "bytes after the last part", "no events"],
)
def test_an_entry_with_parts_missing_or_added_is_rebuilt(events, parses, cache_dir, monkeypatch, damage):
    monkeypatch.setattr(loader, "EVENTS_PER_PART", 4)
    load_catalog(events)
    (entry,) = entries(cache_dir)
    parts = cache.load(entry.stem)
    head, first, second = parts
    changed = {
        "a slice missing": lambda: rewrite(entry, [head, first]),
        "a slice too many": lambda: rewrite(entry, [head, first, second, second]),
        "fewer parts than announced": lambda: rewrite(entry, parts, count=4),
        "bytes after the last part": lambda: rewrite(entry, parts, extra=pickle.dumps(second)),
        "no events": lambda: rewrite(entry, [head]),
    }
    changed[damage]()
    catalog = load_catalog(events)
    assert len(parses) == 2
    assert len(catalog.events) == 6


# --- a first launch parses a small file in a child process while the explorer loads -----
def test_a_small_file_is_parsed_aside_and_the_explorer_loads_it_from_the_cache(events, parses, cache_dir):
    wait = loader.parse_aside(events)
    assert wait is not None
    wait()
    assert len(entries(cache_dir)) == 1 and parses == []  # the child parsed it, not this process
    assert load_catalog(events).path == str(events) and parses == []


@pytest.mark.parametrize("case", ["cached", "large", "pipe", "another thread", "no fork"])
def test_no_parse_aside_where_it_is_unsafe_or_not_needed(events, case, monkeypatch, tmp_path):
    if case == "cached":
        load_catalog(events)
    elif case == "large":  # a large file shows its progress instead
        monkeypatch.setattr(loader, "PROGRESS_FROM_BYTES", 100)
    elif case == "pipe":  # it would be read twice
        events = tmp_path / "pipe"
        os.mkfifo(events)
    elif case == "no fork":
        monkeypatch.delattr(os, "fork")
    if case != "another thread":
        assert loader.parse_aside(events) is None
        return
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:  # a fork would copy the locks this thread may hold
        assert loader.parse_aside(events) is None
    finally:
        release.set()
        waiting.join()


def test_an_invalid_small_file_parsed_aside_still_reports_its_problem(write_file, capsys, cache_dir):
    path = write_file("schema: 1\nevents: [\n")
    assert main(["--events", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"skynet-tui: error: {path}:") and "invalid YAML" in lines[0]
    assert entries(cache_dir) == []
