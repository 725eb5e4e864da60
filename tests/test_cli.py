"""The command line: choosing list, validate or results, and one clear line for every mistake."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

import skynet_tui
from skynet_tui.cli import main

SCRIPT = Path(sys.executable).parent / "skynet-tui"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "skynet_tui"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("skynet-tui: error: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "invalid.yaml").write_text("schema: 1\nsources: [unclosed\n")
    (tmp_path / "empty.yaml").write_text("")
    (tmp_path / "a-directory").mkdir()
    return {
        "missing": tmp_path / "missing.yaml",
        "directory": tmp_path / "a-directory",
        "invalid": tmp_path / "invalid.yaml",
        "empty": tmp_path / "empty.yaml",
    }


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("missing", "missing.yaml: no such file"),
        ("directory", "a-directory: is a directory, not an events file"),
        ("invalid", "invalid.yaml:3:1: invalid YAML"),
        ("empty", "empty.yaml:1:1: the file is empty"),
    ],
)
@pytest.mark.parametrize("command", [["list", "--events"], ["results", "--events"], ["--events"]])
def test_an_unusable_file_is_one_line_and_exit_2(bad_files, capsys, file, message, command):
    assert main([*command, str(bad_files[file])]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in one_error_line(err)


@pytest.mark.parametrize(
    ("file", "code", "where"),
    [
        ("missing", 2, "err"),
        ("directory", 2, "err"),
        ("invalid", 1, "out"),  # a file that is read but wrong is a problem report, not a usage error
        ("empty", 1, "out"),
    ],
)
def test_validate_of_an_unusable_file(bad_files, capsys, file, code, where):
    assert main(["validate", str(bad_files[file])]) == code
    out, err = capsys.readouterr()
    shown = {"out": out, "err": err}[where]
    assert len(shown.splitlines()) == 1
    assert str(bad_files[file]) in shown
    assert {"out": err, "err": out}[where] == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1999"], "--year: no events in 1999"),
        (["--year", "abc"], "--year: 'abc' is not a year"),
        (["--year", "99999999999999999999"], "is not a year (2018) or a range of years (2016-2018)"),
        (["--country", "ZZ"], "--country: 'ZZ' is not a country code or name; in the file: BG, US"),
        (["--agency", "nope"], "--agency: unknown agency 'nope'; known: nsc, mps"),
        (["--type", "nope"], "--type: unknown type 'nope'; known: launch,"),
        (["--format", "nope"], "invalid choice: 'nope'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_a_bad_list_option_is_one_line_and_exit_2(small_path, capsys, args, message):
    assert main(["list", "--events", str(small_path), *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert message in one_error_line(err)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--event", "nope"], "--event: no event with id 'nope'"),
        (["--year", "abc", "--event", "2015-03-launch"], "--year: 'abc' is not a year"),
        (["--country", "ZZ"], "--country: 'ZZ'"),
    ],
)
def test_explore_refuses_bad_deep_links_before_any_app_starts(small_path, capsys, monkeypatch, args, message):
    never = types.ModuleType("skynet_tui.app.main")

    def no_app(*args, **kwargs):
        raise AssertionError("the explorer must not start")

    never.SkynetApp = no_app
    monkeypatch.setitem(sys.modules, "skynet_tui.app.main", never)
    assert main(["--events", str(small_path), *args]) == 2
    assert message in one_error_line(capsys.readouterr().err)


def test_an_unknown_command_is_one_line(capsys):
    assert main(["bogus"]) == 2
    assert "invalid choice: 'bogus'" in one_error_line(capsys.readouterr().err)


def test_an_empty_result_of_valid_filters_is_not_an_error(small_path, capsys):
    assert main(["list", "--events", str(small_path), "--year", "2015", "--type", "surrender"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "0 of 6 events" in out


def ids_listed(capsys, *args: str) -> list[str]:
    assert main(list(args)) == 0
    return [record["id"] for record in json.loads(capsys.readouterr().out)]


def test_list_filters_from_the_command_line(small_path, capsys):
    events = ["--events", str(small_path)]
    assert ids_listed(capsys, "list", *events, "--format", "json", "--year", "2018", "--country", "US") == [
        "2018-07-11-xu-repatriated"
    ]
    repeated = ids_listed(capsys, "list", *events, "--format", "json", "--type", "surrender", "--type", "launch")
    commas = ids_listed(capsys, "list", *events, "--format", "json", "--type", "surrender,launch")
    assert repeated == commas == ["2015-03-launch", "2016-11-16-yang-surrenders"]
    assert ids_listed(capsys, "list", *events, "--format", "json", "--search", "XU Chaofan", "--agency", "MPS") == [
        "2018-07-11-xu-repatriated"
    ]


def test_options_given_before_the_command_are_kept(small_path, capsys):
    before = ids_listed(capsys, "--year", "2018", "--events", str(small_path), "list", "--format", "json")
    assert before == ["2018-07-11-xu-repatriated", "2018-11-30-yao-extradited"]


def test_results_reads_an_events_file_given_before_the_command(small_path, capsys):
    assert main(["--events", str(small_path), "results", "--format", "json"]) == 0
    assert [year["year"] for year in json.loads(capsys.readouterr().out)["years"]] == [2020]


def test_validate_checks_an_events_file_given_before_the_command(small_text, write_file, capsys):
    path = write_file(small_text.replace("type: surrender", "type: kidnapping"))
    assert main(["--events", str(path), "validate"]) == 1
    assert f"{path}:" in capsys.readouterr().out


def test_help_and_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: skynet-tui")
    for command in ("list", "validate", "results"):
        assert command in out
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"skynet-tui {skynet_tui.__version__}\n"


def test_list_help_names_the_formats(capsys):
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    out = capsys.readouterr().out
    for fmt in ("table", "json", "csv", "markdown"):
        assert fmt in out


# --- the installed command, in a process of its own: no traceback ever reaches the user ------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--events", "missing.yaml"], "missing.yaml: no such file"),
        (["list", "--events", "."], "is a directory"),
        (["list", "--events", "invalid.yaml"], "invalid YAML"),
        (["list", "--events", "SMALL", "--year", "abc"], "is not a year"),
        (["list", "--events", "SMALL", "--year", "99999999999999999999"], "is not a year"),
        (["list", "--events", "SMALL", "--country", "ZZ"], "'ZZ' is not a country code"),
        (["list", "--events", "SMALL", "--format", "nope"], "invalid choice"),
        (["--events", "SMALL", "--event", "nope"], "no event with id 'nope'"),
        (["validate", "missing.yaml"], "missing.yaml: no such file"),
    ],
)
def test_the_installed_command_fails_with_one_line(tmp_path, small_path, args, message):
    (tmp_path / "invalid.yaml").write_text("events: [\n")
    result = run(*(str(small_path) if arg == "SMALL" else arg for arg in args), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in one_error_line(result.stderr)


def test_the_installed_command_lists_and_validates(small_path):
    listed = run("list", "--events", str(small_path), "--format", "json", "--year", "2016")
    assert listed.returncode == 0, listed.stderr
    assert [record["id"] for record in json.loads(listed.stdout)] == ["2016-11-16-yang-surrenders"]
    validated = run("validate", str(small_path))
    assert (validated.returncode, validated.stderr) == (0, "")
    assert "valid: 6 events" in validated.stdout


def test_the_installed_command_help_and_version():
    helped = run("--help")
    assert helped.returncode == 0 and helped.stdout.startswith("usage: skynet-tui")
    version = run("--version")
    assert (version.returncode, version.stdout) == (0, f"skynet-tui {skynet_tui.__version__}\n")


def test_python_dash_m_version(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "skynet_tui", "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, f"skynet-tui {skynet_tui.__version__}\n", "")


def test_list_into_a_closed_pipe_is_not_an_error(tmp_path, small_text):
    """`skynet-tui list | head -1`: the reader leaving early is no reason for a traceback."""
    head, events = small_text.split("events:\n")
    many = "".join(events.replace("  - id: 20", f"  - id: x{n}-20") for n in range(300))
    path = tmp_path / "many.yaml"
    path.write_text(f"{head}events:\n{many}")
    command = [*COMMAND, "list", "--events", str(path), "--format", "json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.read(1)
        process.stdout.close()
        err = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in err
    assert "Error" not in err
