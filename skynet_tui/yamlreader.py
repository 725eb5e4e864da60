"""Read an events file's YAML safely, keeping the line and column of every value.

This is not a general YAML loader. It walks the parser's event stream and builds only
mappings, lists and text, so nothing in the file can construct an object or run code:
- every scalar is the text as typed (`NO` stays "NO", `2016-11-16` stays a string); a plain
  `~`, `null` or empty value is None; the catalog converts numbers where it wants them;
- aliases are refused (no "billion laughs"), so are tags other than the plain YAML ones;
- nesting deeper than MAX_DEPTH and files larger than MAX_FILE_BYTES are refused;
- a key given twice is a problem, not a silent overwrite;
- the items of the top-level `events` list are handed to a callback one at a time, so a
  large file never exists as one big tree in memory.
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import yaml

from skynet_tui import files
from skynet_tui.errors import EventFileError, FileUnreadable, Problem
from skynet_tui.yamltree import Mapping, Mark, Sequence, Value

MAX_DEPTH = 32
SHARED_TEXT = 40  # texts up to this long are interned
_PLAIN_TAGS = {
    None,
    "!",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ItemHandler = Callable[[Value, Mark], None]


class _CheckedStream:
    """The events file as the YAML parser reads it: checked as UTF-8 text a piece at a time, so it
    is never held whole (at 100,000 events that is 130 MB less at the peak of a first load).

    The parser cannot pass an exception on, so a problem is kept in `error` and ends the stream.
    """

    def __init__(self, path: Path, source: BinaryIO) -> None:
        self.path = path
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.position = 0  # bytes read so far
        self.lines = 0  # newlines read so far, for the line of an encoding error
        self.error: FileUnreadable | None = None

    def read(self, size: int) -> bytes:
        if self.error is not None:
            return b""
        try:
            piece = self.source.read(size)
        except OSError as error:
            self.error = FileUnreadable(f"{self.path}: cannot be read ({error.strerror or error})")
            return b""
        self.error = self.problem(piece)
        if self.error is not None:
            return b""
        self.position += len(piece)
        self.lines += piece.count(b"\n")
        return piece

    def problem(self, piece: bytes) -> FileUnreadable | None:
        if self.position == 0 and piece.startswith((b"\xff\xfe", b"\xfe\xff")):
            return FileUnreadable(f"{self.path}: the file is UTF-16; save it as UTF-8")
        if b"\x00" in piece:
            return FileUnreadable(f"{self.path}: the file holds NUL bytes: it is binary, not YAML text")
        if self.position + len(piece) > files.MAX_FILE_BYTES:  # /dev/zero and the like report size 0
            return FileUnreadable(files.too_large(self.path))
        held = len(self.decoder.getstate()[0])  # the start of a character cut off by the last piece
        try:
            self.decoder.decode(piece, final=not piece)
        except UnicodeDecodeError as error:
            line = self.lines + piece.count(b"\n", 0, max(0, error.start - held)) + 1
            return FileUnreadable(f"{self.path}: line {line}: the file is not UTF-8 text; save it as UTF-8")
        return None


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.parser = None
        self.problems: list[Problem] = []

    def problem(self, mark: Mark, message: str) -> None:
        self.problems.append(Problem(self.path, mark[0], mark[1], message))

    @staticmethod
    def mark(event: yaml.Event) -> Mark:
        return (event.start_mark.line + 1, event.start_mark.column + 1)

    def fatal(self, event: yaml.Event, message: str) -> EventFileError:
        self.problem(self.mark(event), message)
        return EventFileError(self.problems)

    def read(self, stream: _CheckedStream, on_event_item: ItemHandler) -> Value:
        self.parser = _Parser(stream)
        self.parser.get_event()  # stream start
        if self.parser.check_event(yaml.StreamEndEvent):
            return None
        self.parser.get_event()  # document start
        document = self.value(0, on_event_item)
        self.parser.get_event()  # document end
        if not self.parser.check_event(yaml.StreamEndEvent):
            raise self.fatal(self.parser.peek_event(), "the file holds more than one YAML document")
        return document

    def value(self, depth: int, on_event_item: ItemHandler | None = None) -> Value:
        event = self.parser.get_event()
        mark = self.mark(event)
        if isinstance(event, yaml.AliasEvent):
            self.problem(mark, f"alias *{event.anchor} is not allowed: write the value out in full")
            return None
        if event.tag not in _PLAIN_TAGS:
            self.problem(mark, f"tag {event.tag} is not allowed: an events file holds only text, lists and mappings")
            self.skip(event)
            return None
        if isinstance(event, yaml.ScalarEvent):
            # a plain scalar: style None from the Python parser, "" from libyaml
            if not event.style and event.value in _NULLS and event.tag is None:
                return None
            # Ids, codes and names recur across events: one shared copy of each (~30 MB at 100k events).
            return sys.intern(event.value) if len(event.value) <= SHARED_TEXT else event.value
        if depth >= MAX_DEPTH:
            raise self.fatal(event, f"nesting is deeper than {MAX_DEPTH} levels")
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(mark, depth)
        return self.mapping(mark, depth, on_event_item)

    def sequence(self, mark: Mark, depth: int, on_item: ItemHandler | None = None) -> Sequence:
        items = Sequence(mark)
        while not self.parser.check_event(yaml.SequenceEndEvent):
            item_mark = self.mark(self.parser.peek_event())
            item = self.value(depth + 1)
            if on_item is None:
                items.append(item)
                items.marks.append(item_mark)
            else:
                on_item(item, item_mark)
        self.parser.get_event()
        return items

    def mapping(self, mark: Mark, depth: int, on_event_item: ItemHandler | None) -> Mapping:
        result = Mapping(mark)
        while not self.parser.check_event(yaml.MappingEndEvent):
            key_event = self.parser.peek_event()
            key_mark = self.mark(key_event)
            key = self.value(depth + 1)
            if not isinstance(key, str):
                self.problem(key_mark, "a key must be plain text")
                self.value(depth + 1)
                continue
            if key in result:
                self.problem(key_mark, f"key {key!r} is given twice (first at line {result.marks[key][0]})")
                self.value(depth + 1)
                continue
            if key == "events" and on_event_item is not None and self.parser.check_event(yaml.SequenceStartEvent):
                start = self.parser.get_event()
                value: Value = self.sequence(self.mark(start), depth + 1, on_event_item)
            else:
                value = self.value(depth + 1)
            result[key] = value
            result.marks[key] = key_mark
        self.parser.get_event()
        return result

    def skip(self, event: yaml.Event) -> None:
        """Consume the rest of a refused collection without building it."""
        if isinstance(event, yaml.ScalarEvent):
            return
        level = 1
        while level:
            inner = self.parser.get_event()
            if isinstance(inner, yaml.CollectionStartEvent):
                level += 1
            elif isinstance(inner, yaml.CollectionEndEvent):
                level -= 1


def read_yaml(path: Path, source: bytes | BinaryIO, on_event_item: ItemHandler) -> tuple[Value, list[Problem]]:
    """Parse the document; items of the top-level `events` list go to `on_event_item`.

    Returns the rest of the document and the structural problems found; a YAML syntax
    error raises EventFileError at once, since nothing after it can be trusted. Text that
    is not UTF-8 raises FileUnreadable.
    """
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    stream = _CheckedStream(path, source)
    reader = _Reader(str(path))
    try:
        document = reader.read(stream, on_event_item)
    except yaml.reader.ReaderError as error:  # a character YAML refuses, such as a raw control character
        source.seek(0)
        text = source.read().decode("utf-8", "replace")
        offset = max(text.find(chr(error.character)), 0)  # the first such character is the one refused
        line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        reader.problem(
            (line, column), f"invalid YAML: character U+{error.character:04X} is not allowed raw; write it as an escape"
        )
        raise EventFileError(reader.problems) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = " ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        reader.problem((line, column), f"invalid YAML: {reason}")
        raise EventFileError(reader.problems) from None
    except yaml.YAMLError as error:
        reader.problem((1, 1), f"invalid YAML: {error}")
        raise EventFileError(reader.problems) from None
    finally:
        if reader.parser is not None:
            reader.parser.dispose()
        if stream.error is not None:  # it ended the stream early: whatever the parser made of that, this comes first
            raise stream.error
    return document, reader.problems
