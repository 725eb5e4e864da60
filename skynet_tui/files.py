"""Opening and reading an events file: every OS error and the size limit as one line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from skynet_tui.errors import FileUnreadable

MAX_FILE_BYTES = 256 * 1024 * 1024


def read_chunks(path: Path, chunk_size: int = 2**20) -> Iterator[bytes]:
    """The file's bytes in pieces, so it can be hashed without being held."""
    with open_events_file(path) as handle:
        total = 0
        while chunk := handle.read(min(chunk_size, MAX_FILE_BYTES + 1 - total)):
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise FileUnreadable(too_large(path))
            yield chunk


@contextmanager
def open_events_file(path: Path) -> Iterator[BinaryIO]:
    """The file opened for reading; every OS error, opening or reading, becomes one line."""
    try:
        if os.path.isdir(path):
            raise FileUnreadable(f"{path}: is a directory, not an events file")
        if os.stat(path).st_size > MAX_FILE_BYTES:
            raise FileUnreadable(too_large(path))
        with open(path, "rb") as handle:
            yield handle
    except FileNotFoundError:
        raise FileUnreadable(f"{path}: no such file") from None
    except PermissionError:
        raise FileUnreadable(f"{path}: permission denied") from None
    except OSError as error:
        raise FileUnreadable(f"{path}: cannot be read ({error.strerror or error})") from None


def too_large(path: Path) -> str:
    return f"{path}: the file is too large; events files may be at most {MAX_FILE_BYTES / 2**20:g} MiB"
