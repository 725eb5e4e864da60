"""A content-keyed cache of validated catalogs in the user's cache directory.

The key is a hash of the file's bytes and of this program's version, so an edited file or
a new release never sees a stale entry; an unreadable or corrupt entry is ignored and
rebuilt. Entries are pickles read back by an unpickler that admits only the model's own
classes, so even a tampered entry cannot construct anything else. Nothing is ever written
beside the user's events file.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path

from skynet_tui import __version__

KEEP_ENTRIES = 8
_ALLOWED = {
    ("skynet_tui.catalog", "Catalog"),
    ("skynet_tui.facets", "Facets"),
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


def key_of(data: bytes) -> str:
    digest = hashlib.blake2b(data, digest_size=20)
    digest.update(__version__.encode())
    return digest.hexdigest()


class _ModelUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


def load(key: str):
    """The cached catalog for this key, or None when there is none or it is unusable."""
    path = cache_dir() / f"{key}.pickle"
    try:
        data = path.read_bytes()
        catalog = _ModelUnpickler(io.BytesIO(data)).load()
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt or foreign entry: forget it, the file is parsed again
        path.unlink(missing_ok=True)
        return None
    os.utime(path)  # recently used entries are kept longest
    return catalog


def store(key: str, catalog) -> None:
    """Save a catalog; a cache that cannot be written is skipped silently (it is only a cache)."""
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, suffix=".tmp", delete=False) as handle:
            pickle.dump(catalog, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, directory / f"{key}.pickle")
        _prune(directory)
    except OSError:
        return


def _prune(directory: Path) -> None:
    entries = sorted(directory.glob("*.pickle"), key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in entries[KEEP_ENTRIES:]:
        stale.unlink(missing_ok=True)
