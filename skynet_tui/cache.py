"""A content-keyed cache of validated catalogs, and their search indexes, in the user's cache directory.

The key is a hash of the file's bytes and of the code that shapes a catalog, so an edited
file, a new release or a changed model never sees a stale entry; an unreadable or corrupt entry is ignored and
rebuilt. Entries are pickles read back by an unpickler that admits only the model's own
classes, so even a tampered entry cannot construct anything else. Nothing is ever written
beside the user's events file.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO

from skynet_tui import __version__

try:  # hashlib's own blake2b, without hashlib loading OpenSSL at every start (~1.5 ms)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

KEEP_ENTRIES = 16  # files: a catalog and its search index for each of 8 event files
_RULE_MODULES = {
    "skynet_tui.figures",
    "skynet_tui.vocabulary",
    "skynet_tui.yamlreader",
    "skynet_tui.yamltree",
    "skynet_tui.countries",
}
_ALLOWED = {
    ("skynet_tui.catalog", "Catalog"),
    ("skynet_tui.facets", "Facets"),
    ("skynet_tui.search", "SearchIndex"),
    *(
        ("skynet_tui.model", name)
        for name in ("PartialDate", "Period", "Source", "Agency", "Citation", "Figure", "Event")
    ),
}


def cache_dir() -> Path:
    override = os.environ.get("SKYNET_TUI_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("skynet-tui", appauthor=False))


def key_of(chunks: Iterable[bytes]) -> str:
    """The key of a file's content (given in pieces) read by this code."""
    digest = blake2b(_code_fingerprint(), digest_size=20)
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


@functools.cache
def _code_fingerprint() -> bytes:
    """The version and the source of every module whose classes or rules a cached catalog holds."""
    digest = blake2b(__version__.encode(), digest_size=20)
    for module in sorted({module for module, _ in _ALLOWED} | _RULE_MODULES):
        digest.update(Path(importlib.util.find_spec(module).origin).read_bytes())
    return digest.digest()


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


def exists(key: str) -> bool:
    return (cache_dir() / f"{key}.pickle").is_file()


def load(key: str) -> list | None:
    """The parts stored under this key, or None when there are none or they are unusable."""
    path = cache_dir() / f"{key}.pickle"
    try:
        with open(path, "rb") as handle:  # straight from the file: the pickle is never held whole
            count = _ModelUnpickler(handle).load()
            if not isinstance(count, int):
                raise pickle.UnpicklingError("an entry starts with its number of parts")
            parts = [_ModelUnpickler(handle).load() for _ in range(count)]  # each part has its own memo
            if handle.read(1):
                raise pickle.UnpicklingError("more after the last part")
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt or foreign entry, or no usable cache directory: parse the file again
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used entries are kept longest
    return parts


def store(key: str, parts: Sequence, *, on_write: Callable[[int], None] | None = None) -> None:
    """Save an entry as parts pickled one after another; a cache that cannot be written is skipped
    silently (it is only a cache).

    Each part is pickled afresh: a pickler keeps every object it wrote alive until it is done,
    which for a whole 100,000-event catalog at once was 250 MB more at the peak.
    `on_write`, when given, is called with the number of bytes written so far, for progress.
    """
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, suffix=".tmp", delete=False) as handle:
            pickler = pickle.Pickler(_Counting(handle, on_write) if on_write else handle, pickle.HIGHEST_PROTOCOL)
            pickler.dump(len(parts))
            for part in parts:
                pickler.clear_memo()
                pickler.dump(part)
        os.replace(handle.name, directory / f"{key}.pickle")
        _prune(directory)
    except OSError:
        return


class _Counting:
    """A file to write to that reports how much has been written (the pickler writes in frames of ~64 KiB)."""

    def __init__(self, handle: IO[bytes], on_write: Callable[[int], None]) -> None:
        self.handle = handle
        self.on_write = on_write
        self.written = 0

    def write(self, data: bytes) -> int:
        count = self.handle.write(data)
        self.written += count
        self.on_write(self.written)
        return count


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("*.pickle"), key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in entries[KEEP_ENTRIES:]:
        stale.unlink(missing_ok=True)
