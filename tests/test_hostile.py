"""Hostile input on the data side: markup, control characters, disguises, odd widths, hostile YAML.

Each class of attack has a test that would fail without the protection against it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from skynet_tui import files
from skynet_tui.catalog import Catalog, parse_catalog
from skynet_tui.cli import main
from skynet_tui.errors import EventFileError, FileUnreadable, SkynetError
from skynet_tui.loader import load_catalog
from skynet_tui.output import FORMATS, render_events
from skynet_tui.text import visible


def list_out(capsys, path: Path, fmt: str, *args: str) -> str:
    assert main(["list", "--events", str(path), "--format", fmt, *args]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def error_line(capsys, args: list[str], code: int = 2) -> str:
    assert main(args) == code
    out, err = capsys.readouterr()
    shown = err if code == 2 else out
    lines = shown.splitlines()
    assert len(lines) == 1, shown
    return lines[0]


def line_of(path: Path, text: str) -> int:
    """The number of the first line holding `text`."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), start=1) if text in line)


# --- square brackets are data, never markup ---------------------------------------------------------

MARKUP = ["[/]", "[bold]x[/bold]", "[REDACTED]", "[@click=app.quit]", "[link=https://x]y[/link]", ":smile: [red]"]


def unescape_markdown(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell)


@pytest.mark.parametrize("markup", MARKUP)
@pytest.mark.parametrize("fmt", FORMATS)
def test_brackets_appear_exactly_as_written(one_event, capsys, markup, fmt):
    path = one_event(title=json.dumps(f"T {markup}"), summary=json.dumps(markup), quote=json.dumps(markup))
    out = list_out(capsys, path, fmt)
    if fmt == "json":
        (record,) = json.loads(out)
        assert (record["title"], record["summary"], record["citations"][0]["quote"]) == (f"T {markup}",) + (markup,) * 2
    elif fmt == "csv":
        (row,) = csv.DictReader(io.StringIO(out, newline=""))
        assert (row["title"], row["summary"]) == (f"T {markup}", markup)
        assert row["citations"] == f"src: {markup}"
    elif fmt == "markdown":
        title_cell = re.split(r"(?<!\\)\|", out.splitlines()[2])[3].strip()
        assert unescape_markdown(title_cell) == f"T {markup}"
    else:
        assert f"T {markup}" in out


@pytest.mark.parametrize(
    ("option", "value"),
    [("--country", "[REDACTED]"), ("--agency", "[bold]x"), ("--type", "[@click=app.quit]"), ("--year", "[/]")],
)
def test_brackets_in_an_error_message_are_shown_as_typed(small_path, capsys, option, value):
    line = error_line(capsys, ["list", "--events", str(small_path), option, value])
    assert f"'{value}'" in line


def test_a_search_for_brackets_finds_them_literally(one_event, capsys):
    path = one_event(title='"Before [bold]x[/bold] after"')
    assert len(json.loads(list_out(capsys, path, "json", "--search", "[bold]x"))) == 1
    assert json.loads(list_out(capsys, path, "json", "--search", "bold]]")) == []


def test_brackets_in_a_validate_message_are_shown_as_typed(one_event, capsys):
    path = one_event(id='"[bold]x[/]"')
    line = error_line(capsys, ["validate", str(path)], code=1)
    assert "id '[bold]x[/]' of an event must be" in line


# --- control characters and escape sequences never reach a terminal raw ----------------------------

# name: (as written in the YAML file, the text it stands for)
CONTROLS = {
    "CSI colour": (r"\e[31m", "\x1b[31m"),
    "lone ESC": (r"\x1b", "\x1b"),
    "BEL": (r"\a", "\a"),
    "OSC 8 link": (r"\e]8;;http://x\e\\", "\x1b]8;;http://x\x1b\\"),
    "OSC 52 clipboard": (r"\e]52;c;aGk=\a", "\x1b]52;c;aGk=\a"),
    "C1 CSI": (r"\x9b", "\x9b"),
    "NUL": (r"\0", "\0"),
    "carriage return": (r"\r", "\r"),
    "backspace": (r"\b", "\b"),
    "DEL": (r"\x7f", "\x7f"),
}
_RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # everything but the newline
_RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")  # the colours rich itself writes for a terminal


@pytest.fixture(params=CONTROLS.values(), ids=CONTROLS.keys())
def control(request, one_event):
    """A file whose title, summary, quote and person all hold the control sequence; and the sequence."""
    written, text = request.param
    scalar = f'"Title {written} end"'
    return one_event(title=scalar, summary=scalar, quote=scalar, person=scalar), f"Title {text} end"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_control_characters_are_shown_visibly_in_table_and_markdown(control, capsys, fmt):
    path, text = control
    out = list_out(capsys, path, fmt)
    assert not _RAW.search(out), repr(out)
    shown = visible(text.removeprefix("Title ").removesuffix(" end").replace("\r", " "))
    assert shown.strip() in (unescape_markdown(out) if fmt == "markdown" else out)


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_control_characters_are_shown_visibly_when_writing_to_a_terminal(control, fmt):
    path, text = control
    catalog = load_catalog(path)
    out = render_events(catalog, catalog.events, fmt, for_terminal=True)
    sample = text.removeprefix("Title ").removesuffix(" end")
    if sample != "\x1b":
        assert sample not in out
    assert not _RAW.search(_RICH_STYLE.sub("", out)), repr(out)
    if fmt == "csv":
        (row,) = csv.DictReader(io.StringIO(out, newline=""))
        assert row["title"] == visible(text)


def test_json_escapes_control_characters_and_gives_the_text_back(control, capsys):
    path, text = control
    out = list_out(capsys, path, "json")
    assert not _RAW.search(out), repr(out)
    (record,) = json.loads(out)
    assert record["title"] == record["summary"] == record["citations"][0]["quote"] == text
    assert record["people"] == [text]


def test_csv_for_a_pipe_keeps_the_data_and_stays_parseable(control, capsys):
    path, text = control
    rows = list(csv.DictReader(io.StringIO(list_out(capsys, path, "csv"), newline="")))
    assert [(row["title"], row["summary"], row["people"]) for row in rows] == [(text, text, text)]


def test_control_characters_in_a_file_name_are_shown_visibly(one_event, capsys):
    path = one_event(name="evil\x1b]52;c;aGk=\x07.yaml", quote='""')
    line = error_line(capsys, ["validate", str(path)], code=1)
    assert "evil\u241b]52;c;aGk=\u2407.yaml" in line
    assert not _RAW.search(line)
    missing = path.with_name("gone\x1b[2J.yaml")
    line = error_line(capsys, ["list", "--events", str(missing)])
    assert "gone\u241b[2J.yaml: no such file" in line


def test_control_characters_in_an_option_value_are_shown_visibly(small_path, capsys):
    line = error_line(capsys, ["list", "--events", str(small_path), "--agency", "x\x1b]52;c;aGk=\x07"])
    assert not _RAW.search(line)
    assert "\u241b]52;c;aGk=\u2407" in line


# --- bidi overrides and zero-width characters cannot disguise anything ------------------------------

DISGUISES = {"right-to-left override": ("\\u202e", "\u202e"), "zero-width space": ("\\u200b", "\u200b")}


@pytest.mark.parametrize(("written", "char"), DISGUISES.values(), ids=DISGUISES.keys())
def test_an_id_holding_a_disguise_is_rejected(one_event, capsys, written, char):
    path = one_event(id=f'"2018-07-11-{written}one"')
    line = error_line(capsys, ["validate", str(path)], code=1)
    id_line = line_of(path, 'id: "2018-07-11-')
    assert f":{id_line}:" in line
    assert "must be lowercase ASCII letters" in line
    assert char not in line


@pytest.mark.parametrize(("written", "char"), DISGUISES.values(), ids=DISGUISES.keys())
def test_an_alias_holding_a_disguise_is_rejected(one_event, capsys, written, char):
    path = one_event(alias=f'"State{written} Supervision Commission"')
    line = error_line(capsys, ["validate", str(path)], code=1)
    assert "holds invisible or control characters" in line
    assert f":{line_of(path, 'aliases:')}:" in line
    assert char not in line


@pytest.mark.parametrize(("written", "char"), DISGUISES.values(), ids=DISGUISES.keys())
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_disguise_in_a_title_is_shown_visibly(one_event, capsys, written, char, fmt):
    path = one_event(title=f'"abc{written}def"')
    out = list_out(capsys, path, fmt)
    if fmt == "json":
        assert char not in out
        assert json.loads(out)[0]["title"] == f"abc{char}def"
    elif fmt == "csv":  # a pipe gets the data as it is; a terminal gets it visible
        catalog = load_catalog(path)
        assert char not in render_events(catalog, catalog.events, "csv", for_terminal=True)
    else:
        assert char not in out
        assert f"U+{ord(char):04X}" in out


# --- long and wide titles keep the table's shape ----------------------------------------------------

WIDE = {
    "CJK": "天网行动追逃追赃" * 30,
    "emoji": "🦊🐉✈️🇨🇳" * 40,
    "long word": "x" * 1000,
    "mixed": "Sky Net 天网 🦊 " * 40,
    "combining": "e\u0301" * 200,
    "full-width spaces": "\u3000" * 150,
}


@pytest.mark.parametrize("title", WIDE.values(), ids=WIDE.keys())
@pytest.mark.parametrize("for_terminal", [False, True])
def test_long_and_wide_titles_keep_every_table_line_the_same_width(one_event, title, for_terminal):
    path = one_event(title=json.dumps(title, ensure_ascii=False))
    catalog = load_catalog(path)
    out = render_events(catalog, catalog.events, "table", for_terminal=for_terminal)
    plain = Text.from_ansi(out).plain if for_terminal else out
    lines = plain.splitlines()
    assert len(lines) > 5  # the title was folded over several lines, not cut
    assert len({cell_len(line) for line in lines}) == 1, [cell_len(line) for line in lines]


# --- hostile YAML -----------------------------------------------------------------------------------

TAGS = {
    "object/apply": '!!python/object/apply:os.system ["touch {marker}"]',
    "object/new": '!!python/object/new:os.system ["touch {marker}"]',
    "name": "!!python/name:os.system",
    "local tag": '!shell "touch {marker}"',
}


@pytest.mark.parametrize("tagged", TAGS.values(), ids=TAGS.keys())
def test_python_tags_are_refused_and_nothing_runs(one_event, capsys, tmp_path, tagged):
    marker = tmp_path / "ran"
    path = one_event(title=tagged.format(marker=marker))
    with pytest.raises(EventFileError) as caught:
        load_catalog(path)
    line = line_of(path, tagged.split()[0])
    assert any(p.line == line and p.column == 12 and "tag" in p.message for p in caught.value.problems)
    assert main(["validate", str(path)]) == 1
    assert main(["list", "--events", str(path)]) == 2
    capsys.readouterr()
    assert not marker.exists()


def test_a_plain_yaml_loader_would_run_the_tag(tmp_path):
    """The tag above is a real attack: an unsafe loader runs the command."""
    marker = tmp_path / "ran"
    yaml.unsafe_load(TAGS["object/apply"].format(marker=marker))
    assert marker.exists()


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_an_alias_bomb_is_refused(write_file):
    path = write_file(BILLION_LAUGHS)
    with pytest.raises(EventFileError) as caught:
        load_catalog(path)
    aliases = [p for p in caught.value.problems if "alias" in p.message and "not allowed" in p.message]
    assert (aliases[0].line, aliases[0].column) == (2, 8)  # the first *a


def test_an_alias_inside_an_event_is_refused(one_event):
    path = one_event(summary="&s A summary.", quote="*s")
    with pytest.raises(EventFileError) as caught:
        load_catalog(path)
    assert any(p.message.startswith("alias *s is not allowed") for p in caught.value.problems)


NESTING = {
    "open lists": "[" * 10_000,
    "closed lists": "[" * 10_000 + "]" * 10_000,
    "mappings": "{a: " * 10_000,
    "block lists": "\n  " + "- " * 10_000 + "x",
}


@pytest.mark.parametrize("nesting", NESTING.values(), ids=NESTING.keys())
def test_deep_nesting_is_refused(write_file, nesting):
    path = write_file(f"schema: 1\nevents: {nesting}\n")
    with pytest.raises(EventFileError, match="nesting is deeper than"):
        load_catalog(path)


def test_a_file_over_the_size_limit_is_refused(one_event, monkeypatch, capsys):
    path = one_event()
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 200)
    with pytest.raises(FileUnreadable, match="may be at most"):
        load_catalog(path)
    assert "may be at most" in error_line(capsys, ["list", "--events", str(path)])


def test_a_duplicate_key_names_both_lines(one_event):
    path = one_event(summary="A summary.\n    title: The same key again")
    first, second = line_of(path, "title: A title"), line_of(path, "title: The same")
    with pytest.raises(EventFileError) as caught:
        load_catalog(path)
    (problem,) = caught.value.problems
    assert problem.line == second
    assert f"key 'title' is given twice (first at line {first})" in problem.message


def test_unquoted_no_is_norway(one_event, capsys):
    path = one_event()
    path.write_text(path.read_text().replace("countries: [US]", "countries: [NO]"))
    assert load_catalog(path).events[0].countries == ("NO",)
    assert len(json.loads(list_out(capsys, path, "json", "--country", "Norway"))) == 1


def test_unquoted_dates_and_years_are_read_as_typed(small_text, write_file):
    text = small_text.replace('date: "2016-11-16"', "date: 2016-11-16").replace('period: "2020"', "period: 2020")
    text = text.replace('date: "2015-03"', "date: 2015-03").replace("value: 1421", "value: 01421")
    catalog = load_catalog(write_file(text))
    assert str(catalog.event("2016-11-16-yang-surrenders").date) == "2016-11-16"
    launch = catalog.event("2015-03-launch").date
    assert (str(launch), launch.day) == ("2015-03", None)
    assert [str(f.period) for f in catalog.event("2021-02-results-2020").figures] == ["2020", "2020-01/2020-11", "2020"]


def test_a_file_with_a_bom_is_read(one_event):
    path = one_event()
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_catalog(path).events) == 1


def encoded(text: str, how: str) -> bytes:
    if how == "binary":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return text.encode(how)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("utf-16", "the file is UTF-16; save it as UTF-8"),
        ("utf-16-le", "holds NUL bytes"),
        ("latin-1", "the file is not UTF-8 text"),
        ("binary", "holds NUL bytes: it is binary"),
    ],
)
@pytest.mark.parametrize("command", ["list", "validate", "results"])
def test_other_encodings_get_one_clear_line(one_event, capsys, how, message, command):
    path = one_event()
    path.write_bytes(encoded(path.read_text().replace("A publisher", "Édition"), how))
    args = ["validate", str(path)] if command == "validate" else [command, "--events", str(path)]
    line = error_line(capsys, args)
    assert line.startswith(f"skynet-tui: error: {path}: ")
    assert message in line


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_gets_one_clear_line(one_event, capsys):
    path = one_event()
    path.chmod(0)
    try:
        assert "permission denied" in error_line(capsys, ["list", "--events", str(path)])
    finally:
        path.chmod(0o644)


def test_an_empty_file_gets_one_clear_line(write_file, capsys):
    path = write_file("")
    assert "the file is empty" in error_line(capsys, ["list", "--events", str(path)])
    assert "the file is empty" in error_line(capsys, ["validate", str(path)], code=1)


# --- every hostile file: no traceback, and the file is left as it was --------------------------------

HOSTILE_FILES: dict[str, bytes] = {
    "python tag": b'schema: 1\nevents: !!python/object/apply:os.system ["echo hi"]\n',
    "alias bomb": BILLION_LAUGHS.encode(),
    "deep nesting": b"events: " + b"[" * 10_000,
    "duplicate keys": b"schema: 1\nschema: 1\nsources: []\nagencies: []\nevents: []\n",
    "raw C1 control": b"schema: 1\nsources: []\nagencies: []\nevents: []\nx: \xc2\x9b\n",
    "surrogate escape": b'schema: 1\nsources: []\nagencies: []\nevents: [{id: "\\ud800"}]\n',
    "huge number": b"schema: 1\nsources: []\nagencies: []\nevents: [{figures: [{value: " + b"9" * 5000 + b"}]}]\n",
    "utf-16": "schema: 1\n".encode("utf-16"),
    "latin-1": "schema: 1\n# caf\u00e9\n".encode("latin-1"),
    "binary": b"\x00\x01\x02\xff",
    "empty": b"",
    "a list": b"- a\n- b\n",
    "a scalar": b"just words\n",
    "two documents": b"schema: 1\n---\nschema: 1\n",
    "lone CR line ends": b"schema: 1\rsources: []\revents: []\r",
    "tab indentation": b"schema: 1\nsources:\n\t- id: x\n",
}


@pytest.mark.parametrize("name", [*HOSTILE_FILES, "valid but full of control characters"])
def test_every_hostile_file_opens_without_a_traceback_and_is_left_unchanged(one_event, name):
    scalar = '"' + "".join(written for written, _ in CONTROLS.values()) + ' [bold]x[/] \\u202e\\u200b 天网🦊"'
    path = one_event(name="hostile.yaml", title=scalar, summary=scalar, quote=scalar, person=scalar)
    if name in HOSTILE_FILES:
        path.write_bytes(HOSTILE_FILES[name])
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    script = (
        "import sys\nfrom skynet_tui.cli import main\n"
        "for args in ({validate}, {list}, {list_json}, {results}):\n"
        "    print('EXIT', main(args), file=sys.stderr)\n"
    ).format(
        validate=["validate", str(path)],
        list=["list", "--events", str(path)],
        list_json=["list", "--events", str(path), "--format", "json"],
        results=["results", "--events", str(path)],
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0
    assert "Traceback" not in err
    assert [line.split()[1] for line in err.splitlines() if line.startswith("EXIT")] in (
        ["0", "0", "0", "0"],
        ["1", "2", "2", "2"],
        ["2", "2", "2", "2"],
    ), err
    assert all(line.startswith(("EXIT", "skynet-tui: error: ")) for line in err.splitlines()), err
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


# --- anything at all: a Catalog or a SkynetError, nothing else ----------------------------------------

KEYS = [
    "schema", "sources", "agencies", "events", "id", "title", "publisher", "published", "kind", "url", "note",
    "name", "aliases", "date", "type", "summary", "operation", "people", "countries", "figures", "citations",
    "metric", "value", "period", "scope", "qualifier", "source", "quote",
]  # fmt: skip
WORDS = [
    "1", "src", "nsc", "official", "wiki", "results", "surrender", "all", "exact", "more-than", "people_recovered",
    "US", "NO", "2020", "2018-07-11", "2020-01/2020-11", "2014/..", "1421", "2.5", "https://x", "a-b", "",
]  # fmt: skip
leaves = st.none() | st.integers() | st.text(max_size=12) | st.sampled_from(WORDS)
structures = st.recursive(
    leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=40,
)
records = st.dictionaries(st.sampled_from(KEYS), structures, max_size=10)
documents = st.fixed_dictionaries(
    {
        "schema": st.sampled_from([1, "1", 2, None]),
        "sources": st.lists(records, max_size=3),
        "agencies": st.lists(records, max_size=3),
        "events": st.lists(records, max_size=4),
    }
)


def parses_or_refuses(data: bytes) -> None:
    try:
        catalog = parse_catalog(Path("fuzz.yaml"), data)
    except SkynetError:
        return
    assert isinstance(catalog, Catalog)
    for fmt in FORMATS:
        render_events(catalog, catalog.events, fmt, for_terminal=True)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_a_catalog_or_a_skynet_error(text):
    parses_or_refuses(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(structures | documents)
def test_any_yaml_structure_is_a_catalog_or_a_skynet_error(value):
    parses_or_refuses(yaml.safe_dump(value, allow_unicode=True).encode("utf-8", "surrogatepass"))
