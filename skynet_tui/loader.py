"""The one way to turn an events file into a Catalog: read once, use the cache, else parse."""

from __future__ import annotations

import gc
import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from skynet_tui import cache
from skynet_tui.catalog import Catalog, Progress, bundled_path, parse_catalog
from skynet_tui.errors import FileUnreadable
from skynet_tui.files import open_events_file, read_chunks
from skynet_tui.search import SearchIndex

PROGRESS_FROM_BYTES = 4 * 2**20  # smaller files read too fast for a progress line to help
SAVING = "Saving a cache for a quicker next start"
EVENTS_PER_PART = 5000  # events pickled together in the cache


def load_catalog(path: Path | None = None, *, use_cache: bool = True, progress: Progress | None = None) -> Catalog:
    """The catalog of `path` (the bundled file when None).

    Raises FileUnreadable or EventFileError; never writes anything beside the file.
    """
    path = path or bundled_path()
    with _collector_paused():
        key = cache.key_of(read_chunks(path)) if use_cache else None
        cached = _joined(cache.load(key)) if key else None
        if cached is not None:
            return cached if cached.path == str(path) else _relocated(cached, path)
        with open_events_file(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < PROGRESS_FROM_BYTES:
                progress = None
            catalog = parse_catalog(path, handle, progress=progress)
        if key:
            catalog = catalog._replace(cache_key=key)
            cache.store(key, _parts(catalog), on_write=progress and _saving(progress, size))
            if progress:
                progress(SAVING, 1.0)
        return catalog


def parse_aside(path: Path | None) -> Callable[[], None] | None:
    """Start filling the cache for a small file that is not in it yet, in a child process, so
    that the parse runs on another core while this process imports the user interface.
    Returns the function that waits for the child, or None when none was started.

    Only where that is safe and worth it: a regular file (a pipe would be read twice) small
    enough to show no progress, POSIX `fork`, and no other thread (a fork copies the locks
    that other threads hold). Whatever the child does, the caller then loads as usual: from
    the cache, or by parsing again, which reports the file's problems.
    """
    path = path or bundled_path()
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size >= PROGRESS_FROM_BYTES:
            return None
        if cache.exists(cache.key_of(read_chunks(path))):
            return None
        child = os.fork()
    except (OSError, FileUnreadable):
        return None
    if child == 0:
        try:
            load_catalog(path)
        finally:
            os._exit(0)

    def wait() -> None:
        os.waitpid(child, 0)

    return wait


def _saving(progress: Progress, size: int) -> Callable[[int], None]:
    """Progress of writing the cache, estimated from the file's size (a cache is about as large)."""

    def on_write(written: int) -> None:
        progress(SAVING, min(0.99, written / size))

    return on_write


def _parts(catalog: Catalog) -> list:
    """The catalog without its events, then its events a slice at a time, for the cache."""
    events = catalog.events
    slices = [events[start : start + EVENTS_PER_PART] for start in range(0, len(events), EVENTS_PER_PART)]
    return [catalog._replace(events=()), *slices]


def _joined(parts: list | None) -> Catalog | None:
    """The catalog that _parts split, or None for anything else (a tampered entry: parse again)."""
    if not parts or not isinstance(parts[0], Catalog) or not all(isinstance(part, tuple) for part in parts[1:]):
        return None
    events = tuple(chain.from_iterable(parts[1:]))
    return parts[0]._replace(events=events) if len(events) == parts[0].facets.size else None


def load_search_index(catalog: Catalog) -> SearchIndex:
    """The catalog's text-search index: from the cache when it was stored, else built (and stored)."""
    key = catalog.cache_key and f"{catalog.cache_key}.search"
    if key:
        cached = cache.load(key)
        if cached and isinstance(cached[0], SearchIndex) and cached[0].size == len(catalog.events):
            return cached[0]
    index = SearchIndex.build(catalog.events)
    if key:
        cache.store(key, [index])
    return index


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of objects and no garbage cycles; the cyclic
    collector would walk them all again and again (about half of a large load).

    Afterwards they are frozen: a catalog lives as long as the process, and every later
    full collection would otherwise walk it again (half a second at 100,000 events).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _relocated(catalog: Catalog, path: Path) -> Catalog:
    """The same content read from another path (a copy of the file): only the path differs."""
    return catalog._replace(path=str(path))
