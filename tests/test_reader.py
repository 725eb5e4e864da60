"""The safe YAML reader: text as typed, every value located, nothing constructed."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
import yaml

from skynet_tui import files, yamlreader
from skynet_tui.errors import EventFileError, FileUnreadable
from skynet_tui.files import read_chunks
from skynet_tui.yamlreader import read_yaml
from skynet_tui.yamltree import Mapping, Sequence

PARSERS = {"libyaml": getattr(yaml, "CSafeLoader", yaml.SafeLoader), "python": yaml.SafeLoader}


@pytest.fixture(autouse=True, params=PARSERS.values(), ids=PARSERS.keys())
def parser(request, monkeypatch):
    """Every test runs with libyaml and with PyYAML's own parser: they differ in small ways."""
    monkeypatch.setattr(yamlreader, "_Parser", request.param)


def read(text: str | bytes, on_item=None):
    data = text.encode() if isinstance(text, str) else text
    items = []
    document, problems = read_yaml(Path("f.yaml"), data, on_item or (lambda value, mark: items.append((value, mark))))
    return document, problems, items


def test_scalars_are_the_text_as_typed():
    document, problems, _ = read(
        "country: NO\n"
        "date: 2016-11-16\n"
        "period: 2020\n"
        "value: 1.50\n"
        "flag: yes\n"
        "octal: 0o17\n"
        "quoted_null: 'null'\n"
        "tilde: ~\n"
        "empty:\n"
        "null_word: null\n"
        "tagged_str: !!str null\n"
    )
    assert problems == []
    assert document == {
        "country": "NO",
        "date": "2016-11-16",
        "period": "2020",
        "value": "1.50",
        "flag": "yes",
        "octal": "0o17",
        "quoted_null": "null",
        "tilde": None,
        "empty": None,
        "null_word": None,
        "tagged_str": "null",
    }


def test_keys_and_items_carry_their_line_and_column():
    document, _, _ = read("top: 1\nlist:\n  - a\n  -   b\nmap:\n    inner: x\n")
    assert isinstance(document, Mapping)
    assert document.at("top") == (1, 1)
    assert document.at("map") == (5, 1)
    assert document.at("missing") == document.mark
    assert isinstance(document["list"], Sequence)
    assert document["list"].marks == [(3, 5), (4, 7)]
    assert document["map"].at("inner") == (6, 5)


def test_items_of_the_events_list_go_to_the_callback_one_at_a_time():
    document, _, items = read("schema: 1\nevents:\n  - id: a\n  - id: b\nother: [x]\n")
    assert [(value["id"], mark) for value, mark in items] == [("a", (3, 5)), ("b", (4, 5))]
    assert document["events"] == []
    assert document["other"] == ["x"]


def test_nested_events_keys_are_not_streamed():
    _, _, items = read("sources:\n  - events: [a, b]\n")
    assert items == []


def test_duplicate_key_names_both_lines():
    _, problems, _ = read("a: 1\nb: 2\na: 3\n")
    assert [(p.line, p.column) for p in problems] == [(3, 1)]
    assert "'a' is given twice (first at line 1)" in problems[0].message


def test_alias_is_a_problem_and_is_not_expanded():
    document, problems, _ = read("a: &x [1, 2]\nb: *x\n")
    assert document["b"] is None
    assert [(p.line, p.column) for p in problems] == [(2, 4)]
    assert "alias *x is not allowed" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        'a: !!python/object/apply:os.system ["echo hi"]\n',
        "a: !!python/name:os.system\n",
        "a: !!int 5\n",
        "a: !custom {b: 1}\n",
        "a: !!binary aGk=\n",
    ],
)
def test_tags_are_refused_at_their_place(text):
    document, problems, _ = read("first: 1\n" + text + "last: 2\n")
    assert document["a"] is None
    assert document["last"] == "2"  # the refused value was skipped, the rest read on
    assert len(problems) == 1
    assert (problems[0].line, problems[0].column) == (2, 4)
    assert "tag" in problems[0].message and "not allowed" in problems[0].message


def test_non_text_key_is_a_problem():
    _, problems, _ = read("? [a, b]\n: value\nok: 1\n")
    assert [(p.line, p.message) for p in problems] == [(1, "a key must be plain text")]


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_is_refused(opening):
    depth = yamlreader.MAX_DEPTH + 5
    with pytest.raises(EventFileError, match="nesting is deeper than"):
        read("x: " + opening * depth)


def test_nesting_up_to_the_limit_is_read():
    depth = yamlreader.MAX_DEPTH - 1
    document, problems, _ = read("[" * depth + "]" * depth)
    assert problems == []
    assert isinstance(document, list)


def test_syntax_error_names_its_line():
    with pytest.raises(EventFileError) as caught:
        read("a: 1\nb: [unclosed\nc: 3\n")
    assert caught.value.problems[0].line in (2, 3)
    assert "invalid YAML" in caught.value.problems[0].message


def test_more_than_one_document_is_refused():
    with pytest.raises(EventFileError, match="more than one YAML document"):
        read("a: 1\n---\nb: 2\n")


def test_raw_control_character_is_located():
    with pytest.raises(EventFileError) as caught:
        read("a: 1\nb: x\u009by\n".encode())
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (2, 5)
    assert "U+009B" in problem.message


def test_empty_stream_is_none():
    assert read("")[0] is None
    assert read("# only a comment\n")[0] is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("a: 1\n".encode("utf-16"), "UTF-16"),
        (b"a: 1\n\x00\x01\x02", "NUL bytes"),
        ("a: 1\nb: caf\u00e9\n".encode("latin-1"), "line 2: the file is not UTF-8"),
    ],
)
def test_text_other_than_utf8_is_refused(data, message):
    with pytest.raises(FileUnreadable, match=message):
        read(data)


class Trickle(io.BytesIO):
    """A file that hands over at most `piece` bytes per read, as a slow device might."""

    def __init__(self, data: bytes, piece: int) -> None:
        super().__init__(data)
        self.piece = piece

    def read(self, size: int = -1) -> bytes:
        return super().read(self.piece if size < 0 else min(size, self.piece))


@pytest.mark.parametrize("piece", [1, 2, 3, 5, 7, 64])
def test_utf8_is_checked_piece_by_piece_and_the_bad_line_still_named(piece):
    """The file is checked as it is read: characters cut between pieces are fine, bad bytes found."""
    good = "a: 天网\nb: “é”\n".encode()
    assert read_yaml(Path("f.yaml"), Trickle(good, piece), lambda value, mark: None)[0] == {"a": "天网", "b": "“é”"}
    for bad_line, bad in enumerate((b"\xe5\xa4", b"\xff", b"caf\xe9", "天".encode() + b"\xff"), start=3):
        data = good + b"c: 1\n" + bad + b"\nd: 2\n"
        with pytest.raises(FileUnreadable, match=f"line {bad_line + 1}: the file is not UTF-8"):
            read_yaml(Path("f.yaml"), Trickle(data, piece), lambda value, mark: None)
        good += b"x: 1\n"


class Pieces:
    """A file that hands over exactly these pieces, one per read."""

    def __init__(self, *pieces: bytes) -> None:
        self.pieces = list(pieces)

    def read(self, size: int) -> bytes:
        return self.pieces.pop(0) if self.pieces else b""


def test_a_bad_byte_right_after_a_character_cut_in_two_is_on_its_own_line():
    """天 is cut after two of its three bytes; the byte after it is bad and a line ends right there."""
    source = Pieces(b"a: 1\nb: \xe5\xa4", b"\xa9\xff\nc: 2\n")
    with pytest.raises(FileUnreadable, match="line 2: the file is not UTF-8"):
        read_yaml(Path("f.yaml"), source, lambda value, mark: None)


def test_a_bom_is_skipped():
    assert read(b"\xef\xbb\xbfa: 1\n")[0] == {"a": "1"}


def read_whole(path: Path) -> bytes:
    return b"".join(read_chunks(path))


def test_unreadable_files_are_one_line(tmp_path, monkeypatch):
    with pytest.raises(FileUnreadable, match="no such file"):
        read_whole(tmp_path / "missing.yaml")
    with pytest.raises(FileUnreadable, match="is a directory"):
        read_whole(tmp_path)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" * 100)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    with pytest.raises(FileUnreadable, match="at most"):
        read_whole(big)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_permission_is_one_line(tmp_path):
    locked = tmp_path / "locked.yaml"
    locked.write_text("a: 1\n")
    locked.chmod(0)
    try:
        with pytest.raises(FileUnreadable, match="permission denied"):
            read_whole(locked)
    finally:
        locked.chmod(0o644)


def test_a_device_that_never_ends_is_refused_not_read_forever(monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1024)
    with pytest.raises(FileUnreadable, match="may be at most"):
        read_whole(Path("/dev/zero"))
    with pytest.raises(FileUnreadable, match="NUL bytes"), open("/dev/zero", "rb") as zeros:
        read_yaml(Path("/dev/zero"), zeros, lambda value, mark: None)


def test_short_texts_that_recur_are_one_shared_copy():
    """Ids and codes repeat across thousands of events: each is kept once, not once per event."""
    document, _, _ = read("a: [mps, US]\nb: [mps, US]\n")
    assert document["a"][0] is document["b"][0] and document["a"][1] is document["b"][1]
