"""skynet-tui benchmark: whole-process timings, explorer reactions and peak memory, against floors.

Run with the project's venv:  .venv/bin/python benchmarks/run.py [--sizes 1000,10000] [--repeat N] [--quick]

Measurements of one round run one after another (interleaved, so drift on a shared machine
hits all of them alike); the table reports each one's median over the rounds, its ratio to
the floor it is compared with, and PASS/FAIL against the issue's targets. Results go to
benchmarks/results/<timestamp>.json and benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import itertools
import json
import os
import platform
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import events_file  # noqa: E402

from skynet_tui.catalog import bundled_path  # noqa: E402

RESULTS = HERE / "results"
PACKAGE = Path(bundled_path()).parent
PYTHON = sys.executable
SKYNET = str(Path(PYTHON).parent / "skynet-tui")
GNU_TIME = shutil.which("time", path="/usr/bin:/bin")
TIMEOUT = 900
RAW_LOAD = """import sys, time, yaml
start = time.perf_counter()
with open(sys.argv[1], "rb") as f:
    yaml.load(f, Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""
TEXTUAL_CHECK = """import sys
from skynet_tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("\\nTEXTUAL_IMPORTED=%d\\n" % ("textual" in sys.modules))
"""


class JobFailed(Exception):
    pass


@dataclass
class Proc:
    seconds: float  # spawn to exit, measured here
    peak_mb: float | None
    stdout: str
    stderr: str
    spawned_at: float  # time.time() just before the spawn
    pty_output: list[tuple[float, bytes]] = field(default_factory=list)


def spawn(cmd: list[str], cache: str, *, stdout=subprocess.DEVNULL, pty_stderr: bool = False) -> Proc:
    """Run one process, timing it from spawn to exit; peak RSS from GNU time (or a helper process)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if GNU_TIME:
            full = [GNU_TIME, "-f", "%M", "-o", rss.name, *cmd]
        else:  # a separate helper per measurement, since RUSAGE_CHILDREN is a running maximum
            helper = "import resource,subprocess,sys;r=subprocess.run(sys.argv[2:]).returncode;"
            helper += (
                "open(sys.argv[1],'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss));sys.exit(r)"
            )
            full = [PYTHON, "-c", helper, rss.name, *cmd]
        env = {**os.environ, "SKYNET_TUI_CACHE_DIR": cache}
        reader, chunks = None, []
        master = slave = None
        if pty_stderr:
            master, slave = pty.openpty()
        spawned_at = time.time()
        start = time.perf_counter()
        proc = subprocess.Popen(
            full, env=env, stdout=stdout, stderr=slave if pty_stderr else subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        if pty_stderr:
            os.close(slave)
            reader = threading.Thread(target=_drain, args=(master, chunks), daemon=True)
            reader.start()
        try:
            out, err = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise JobFailed(f"{' '.join(cmd)}: timed out after {TIMEOUT} s") from None
        seconds = time.perf_counter() - start
        if reader is not None:
            reader.join(5)
            os.close(master)
            err = b"".join(chunk for _, chunk in chunks)
        err = (err or b"").decode(errors="replace")
        if proc.returncode != 0:
            raise JobFailed(f"{' '.join(cmd)}: exit {proc.returncode}: {err.strip()[-1500:]}")
        text = rss.read().split()
        peak = int(text[-1]) / 1024 if text else None
    return Proc(seconds, peak, (out or b"").decode(errors="replace"), err, spawned_at, chunks)


def _drain(fd: int, chunks: list) -> None:
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed its end
            return
        if not data:
            return
        chunks.append((time.time(), data))


# --- what is measured ------------------------------------------------------------------------


@dataclass
class Job:
    """One measurement: `run()` returns {metric: value}; it is repeated `repeat` times."""

    label: str
    size: str
    repeat: int
    run: object
    warmup: bool = False


class Bench:
    def __init__(self, repeat: int, cold_repeat: int, workdir: Path) -> None:
        self.repeat = repeat
        self.cold_repeat = cold_repeat
        self.workdir = workdir
        self.warm = str(workdir / "warm-cache")
        self.jobs: list[Job] = []
        self.samples: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.notes: list[str] = []
        self.extra: dict = defaultdict(list)
        self.failed: set[tuple[str, str]] = set()  # (label, size) of jobs that failed: not retried
        self.warming = False  # warm-up runs fill the cache: their misses are expected
        self.current = ""

    def fresh_cache(self) -> str:
        return tempfile.mkdtemp(prefix="cold-", dir=self.workdir)

    def result_file(self) -> str:
        return tempfile.mktemp(suffix=".json", dir=self.workdir)

    # floors ----------------------------------------------------------------------------------
    def import_yaml(self) -> dict:
        return {"floor: python -c 'import yaml'": spawn([PYTHON, "-c", "import yaml"], self.warm).seconds}

    def bare_app(self) -> dict:
        out = self.result_file()
        proc = spawn([PYTHON, str(HERE / "bare_app.py"), out], self.warm)
        first = json.loads(Path(out).read_text())["first_frame_at"]
        return {
            "floor: bare Textual app, first frame": first - proc.spawned_at,
            "floor: bare Textual app, peak memory": proc.peak_mb,
        }

    def raw_load(self, path: Path) -> dict:
        proc = spawn([PYTHON, "-c", RAW_LOAD, str(path)], self.warm, stdout=subprocess.PIPE)
        return {
            "floor: C loader parse, in-process": float(proc.stdout.split()[-1]),
            "floor: C loader, whole process": proc.seconds,
            "floor: C loader, peak memory": proc.peak_mb,
        }

    # command line ------------------------------------------------------------------------------
    def spawn_in_cache(self, cmd: list[str], cold: bool | None, **kwargs) -> Proc:
        """Cold: a fresh cache dir. Warm (or None): the run's cache dir; a run that turns out to
        have missed it (it stored a new entry: the code, hence the key, changed) is run again."""
        if cold:
            cache = self.fresh_cache()
            try:
                return spawn(cmd, cache, **kwargs)
            finally:
                shutil.rmtree(cache, ignore_errors=True)
        before = set(Path(self.warm).glob("*.pickle"))
        proc = spawn(cmd, self.warm, **kwargs)
        if set(Path(self.warm).glob("*.pickle")) - before and not self.warming:
            self.notes.append(f"{self.current}: a warm run missed the cache (code edited mid-run?); run again")
            proc = spawn(cmd, self.warm, **kwargs)
        return proc

    def command(self, name: str, args: list[str], cold: bool | None) -> dict:
        """A skynet-tui command; cold: a fresh cache dir, warm: the run's cache, None: no file read."""
        proc = self.spawn_in_cache([SKYNET, *args], cold)
        suffix = {True: ", cold cache", False: ", warm cache", None: ""}[cold]
        result = {f"{name}{suffix}": proc.seconds}
        if name == "list":
            result[f"peak memory, list{suffix}"] = proc.peak_mb
        return result

    def textual_check(self, name: str, args: list[str]) -> dict:
        proc = spawn([PYTHON, "-c", TEXTUAL_CHECK, *args], self.warm)
        flag = proc.stderr.rsplit("TEXTUAL_IMPORTED=", 1)[-1].strip()
        return {f"Textual imported by {name} (runs that did)": int(flag)}

    # the explorer ------------------------------------------------------------------------------
    def first_frame(self, path: Path | None, cold: bool) -> dict:
        out = self.result_file()
        events = ["--events", str(path)] if path else []
        proc = self.spawn_in_cache([PYTHON, str(HERE / "first_frame.py"), out, *events], cold, pty_stderr=True)
        marks = json.loads(Path(out).read_text())
        if "first_frame_events" not in marks:
            raise JobFailed("the explorer exited before showing events")
        start = proc.spawned_at
        kind = "cold" if cold else "warm"
        result = {
            f"first frame, {kind} launch": marks["first_frame_events"] - start,
            f"load_catalog, {kind} (in-process)": marks["load_end"] - marks["load_start"],
            f"peak memory, {kind} launch": proc.peak_mb,
        }
        if cold:
            # What the user sees before events: progress on stderr (a terminal here) or any frame.
            seen = [at for at, _ in proc.pty_output] + [marks["first_frame_any"]]
            result["cold launch: first visible output"] = min(seen) - start
            visible = sorted(at for at in seen if at <= marks["first_frame_events"])
            visible = [start, *visible, marks["first_frame_events"]]
            result["cold launch: longest frozen stretch"] = max(b - a for a, b in itertools.pairwise(visible))
            self.extra["progress output"].append(proc.stderr[-300:])
        return result

    def interact(self, path: Path | None, size: str) -> dict:
        out = self.result_file()
        target = path or bundled_path()
        # On a repeat launch the search index comes from the cache, like the catalog: a search
        # from the command line stores it (the explorer would, in the background, on first use).
        spawn([SKYNET, "list", "--events", str(target), "--search", "the", "--format", "csv"], self.warm)
        proc = self.spawn_in_cache(
            [PYTHON, str(HERE / "interact.py"), str(target), out, str(min(self.repeat, 3))], False
        )
        data = json.loads(Path(out).read_text())
        self.notes += [f"{size}: {note}" for note in dict.fromkeys(data.pop("notes"))]
        self.extra[f"interact {size}"].append(data)
        result = {"peak memory, explorer session": proc.peak_mb}
        for key, name in INTERACTIONS.items():
            if data.get(key):
                result[name] = [value for value in data[key] if value is not None]  # every sample counts
        return result

    # running -----------------------------------------------------------------------------------
    def add(self, label: str, size: str, run, *, repeat: int | None = None, warmup: bool = False) -> None:
        self.jobs.append(Job(label, size, repeat or self.repeat, run, warmup))

    def run(self) -> None:
        rounds = max(job.repeat for job in self.jobs)
        self.warming = True
        for job in self.jobs:
            if job.warmup:
                self._once(job, record=False)
        self.warming = False
        for round_number in range(rounds):
            print(f"round {round_number + 1}/{rounds}", file=sys.stderr, flush=True)
            for job in self.jobs:
                if round_number < job.repeat:
                    self._once(job)

    def _once(self, job: Job, record: bool = True) -> None:
        if (job.label, job.size) in self.failed:
            return
        start = time.perf_counter()
        self.current = f"{job.label} [{job.size}]"
        try:
            values = job.run()
        except JobFailed as error:
            self.failed.add((job.label, job.size))
            self.notes.append(f"{job.size}: {job.label} failed: {error}")
            print(f"  {job.label} [{job.size}]: FAILED: {error}", file=sys.stderr)
            return
        print(f"  {job.label} [{job.size}]: {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
        if record:
            for metric, value in values.items():
                if value is not None:
                    self.samples[metric, job.size] += value if isinstance(value, list) else [value]


INTERACTIONS = {
    "idle": "floor: idle redraw",
    "filter": "filter change + redraw",
    "search_first": "search, first keystroke of a session",
    "search": "search keystroke (filter.search)",
    "search_typed": "search keystroke typed into #search",
    "scroll": "scroll_page_down + redraw",
    "page_key": "page-down key (cursor, detail) + redraw",
}

# --- targets ---------------------------------------------------------------------------------
# metric -> (unit, floor metric or None, {size or "*": target}); a target is ("<=", seconds or MB)
# or ("x", ratio to the floor); sizes are "bundled", "1k", "10k", "100k" or "-" (no file).
LARGE = "100k"
SPEC: dict[str, tuple[str, str | None, dict]] = {
    "floor: python -c 'import yaml'": ("s", None, {}),
    "floor: bare Textual app, first frame": ("s", None, {}),
    "floor: bare Textual app, peak memory": ("MB", None, {}),
    "--help": ("s", "floor: python -c 'import yaml'", {"-": ("<=", 0.3)}),
    "--version": ("s", "floor: python -c 'import yaml'", {"-": ("<=", 0.3)}),
    "floor: C loader parse, in-process": ("s", None, {}),
    "floor: C loader, whole process": ("s", None, {}),
    "floor: C loader, peak memory": ("MB", None, {}),
    "list, cold cache": ("s", "floor: python -c 'import yaml'", {"bundled": ("<=", 0.3)}),
    "list, warm cache": ("s", "floor: python -c 'import yaml'", {"bundled": ("<=", 0.3)}),
    "validate, cold cache": ("s", "floor: python -c 'import yaml'", {"bundled": ("<=", 0.3)}),
    "validate, warm cache": ("s", "floor: python -c 'import yaml'", {"bundled": ("<=", 0.3)}),
    "peak memory, list, cold cache": ("MB", "floor: C loader, peak memory", {}),
    "peak memory, list, warm cache": ("MB", "floor: C loader, peak memory", {}),
    "load_catalog, cold (in-process)": ("s", "floor: C loader parse, in-process", {LARGE: ("x", 1.3)}),
    "first frame, cold launch": (
        "s",
        "floor: C loader, whole process",
        {"bundled": ("x", 1.3, "floor: bare Textual app, first frame"), LARGE: ("x", 1.3)},
    ),
    "load_catalog, warm (in-process)": ("s", None, {}),
    "first frame, warm launch": (
        "s",
        "floor: bare Textual app, first frame",
        {"bundled": ("x", 1.3), "10k": ("<=", 1.5), LARGE: ("<=", 2.5)},
    ),
    "cold launch: first visible output": ("s", "floor: bare Textual app, first frame", {LARGE: ("<=", 1.0)}),
    "cold launch: longest frozen stretch": ("s", None, {LARGE: ("<=", 1.0)}),
    "peak memory, cold launch": ("MB", "floor: C loader, peak memory", {LARGE: ("<=", 500)}),
    "peak memory, warm launch": ("MB", "floor: bare Textual app, peak memory", {LARGE: ("<=", 500)}),
    "peak memory, explorer session": ("MB", "floor: bare Textual app, peak memory", {LARGE: ("<=", 500)}),
    "floor: idle redraw": ("s", None, {}),
    "filter change + redraw": (
        "s",
        "floor: idle redraw",
        {"10k": ("<=", 0.05), LARGE: ("<=", 0.05)},
    ),
    "search, first keystroke of a session": ("s", "floor: idle redraw", {LARGE: ("<=", 0.05)}),
    "search keystroke (filter.search)": ("s", "floor: idle redraw", {LARGE: ("<=", 0.05)}),
    "search keystroke typed into #search": ("s", "floor: idle redraw", {LARGE: ("<=", 0.05)}),
    "scroll_page_down + redraw": ("s", "floor: idle redraw", {LARGE: ("<=", 0.05)}),
    "page-down key (cursor, detail) + redraw": ("s", "floor: idle redraw", {LARGE: ("<=", 0.05)}),
}
for _command in ("list", "validate", "--help", "--version"):
    SPEC[f"Textual imported by {_command} (runs that did)"] = ("runs", None, {"*": ("<=", 0)})
SHORT_FLOOR = {
    "floor: python -c 'import yaml'": "import yaml",
    "floor: bare Textual app, first frame": "bare app",
    "floor: bare Textual app, peak memory": "bare app",
    "floor: C loader parse, in-process": "C parse",
    "floor: C loader, whole process": "C loader",
    "floor: C loader, peak memory": "C loader",
    "floor: idle redraw": "idle",
}
SIZE_ORDER = ["-", "bundled", "1k", "10k", "100k"]


def size_label(count: int) -> str:
    return f"{count // 1000}k" if count % 1000 == 0 else str(count)


def rows_of(bench: Bench) -> list[dict]:
    medians = {key: statistics.median(values) for key, values in bench.samples.items()}
    rows = []
    order = list(SPEC)
    keys = sorted(
        bench.samples,
        key=lambda k: (_size_rank(k[1]), order.index(k[0]) if k[0] in order else len(order), k[0]),
    )
    for metric, size in keys:
        values = bench.samples[metric, size]
        unit, floor, targets = SPEC.get(metric, ("s", None, {}))
        target = targets.get(size) or targets.get("*")
        if target and len(target) == 3:
            floor = target[2]
        floor_value = medians.get((floor, size), medians.get((floor, "-"))) if floor else None
        median = medians[metric, size]
        ratio = median / floor_value if floor_value else None
        verdict, target_text = "", ""
        if target:
            kind, limit = target[0], target[1]
            if kind == "<=":
                target_text = f"<= {limit:g} {unit}" if unit != "runs" else "none"
                verdict = "PASS" if median <= limit else "FAIL"
            elif ratio is not None:
                target_text = f"<= {limit:g}x {SHORT_FLOOR.get(floor, floor)}"
                verdict = "PASS" if ratio <= limit else "FAIL"
        rows.append(
            {
                "measurement": metric,
                "size": size,
                "unit": unit,
                "median": median,
                "min": min(values),
                "max": max(values),
                "runs": len(values),
                "samples": values,
                "floor": floor,
                "ratio": ratio,
                "target": target_text,
                "result": verdict,
            }
        )
    return rows


def _size_rank(size: str) -> int:
    return SIZE_ORDER.index(size) if size in SIZE_ORDER else len(SIZE_ORDER)


def _number(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "runs":
        return f"{value:g}"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[dict]) -> str:
    header = ["measurement", "size", "median", "min", "max", "runs", "ratio", "target", "result"]
    body = [
        [
            row["measurement"],
            row["size"],
            _number(row["median"], row["unit"]),
            _number(row["min"], row["unit"]),
            _number(row["max"], row["unit"]),
            str(row["runs"]),
            f"{row['ratio']:.2f}x {SHORT_FLOOR.get(row['floor'], row['floor'])}" if row["ratio"] is not None else "",
            row["target"],
            row["result"],
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    right = {2, 3, 4, 5}

    def fmt(line):
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        return "| " + " | ".join(cells) + " |"

    separator = (
        "|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2) for i, w in enumerate(widths)) + "|"
    )
    return "\n".join([fmt(header), separator, *map(fmt, body)])


def code_fingerprint() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def machine() -> dict:
    import yaml

    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "textual": metadata.version("textual"),
        "pyyaml": yaml.__version__,
        "libyaml": bool(yaml.__with_libyaml__),
        "skynet_tui": metadata.version("skynet-tui"),
        "code fingerprint": code_fingerprint(),
        "peak memory from": "GNU time %M" if GNU_TIME else "getrusage(RUSAGE_CHILDREN) in a helper process",
    }


# --- main --------------------------------------------------------------------------------------


def plan(bench: Bench, sizes: list[int]) -> None:
    app_there = (PACKAGE / "app" / "main.py").exists()
    if not app_there:
        bench.notes.append("skynet_tui/app/main.py does not exist: explorer measurements skipped")
    bench.add("import yaml", "-", bench.import_yaml)
    bench.add("bare Textual app", "-", bench.bare_app, warmup=True)
    bench.add("--help", "-", lambda: bench.command("--help", ["--help"], cold=None), warmup=True)
    bench.add("--version", "-", lambda: bench.command("--version", ["--version"], cold=None))

    files: list[tuple[str, Path | None, Path]] = []
    if bundled_path().exists():
        files.append(("bundled", None, bundled_path()))
    else:
        bench.notes.append(f"the bundled events file {bundled_path()} does not exist: bundled rows skipped")
    for count in sizes:
        path = events_file(count, SKYNET, log=_log)
        files.append((size_label(count), path, path))

    check_file = files[0][2] if files else None
    if check_file:
        for name, args in (
            ("list", ["list", "--events", str(check_file), "--format", "json"]),
            ("validate", ["validate", str(check_file)]),
            ("--help", ["--help"]),
            ("--version", ["--version"]),
        ):
            bench.add(f"Textual check: {name}", "-", lambda n=name, a=args: bench.textual_check(n, a), repeat=1)

    for size, events, path in files:
        big = path.stat().st_size > 50 * 2**20
        cold_repeat = bench.cold_repeat if big else bench.repeat
        events_args = ["--events", str(events)] if events else []
        year = "2018"
        list_args = ["list", *events_args, "--year", year, "--format", "json"]
        validate_args = ["validate", *([str(events)] if events else [])]
        bench.add("C loader raw load", size, lambda p=path: bench.raw_load(p), repeat=cold_repeat)
        for cold in (True, False):
            repeat = cold_repeat if cold else bench.repeat
            bench.add(f"list {'cold' if cold else 'warm'}", size, lambda c=cold, a=list_args: bench.command("list", a, c), repeat=repeat, warmup=not cold)  # fmt: skip
            bench.add(f"validate {'cold' if cold else 'warm'}", size, lambda c=cold, a=validate_args: bench.command("validate", a, c), repeat=repeat)  # fmt: skip
            if app_there:
                bench.add(f"first frame {'cold' if cold else 'warm'}", size, lambda c=cold, e=events: bench.first_frame(e, c), repeat=repeat, warmup=not cold)  # fmt: skip
        if app_there:
            bench.add("explorer session", size, lambda e=events, s=size: bench.interact(e, s), repeat=1 if big else min(3, bench.repeat))  # fmt: skip


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def compile_package() -> None:
    """Write the package's bytecode, as `pip install .` does. An editable install run with
    PYTHONDONTWRITEBYTECODE set (as on the machine of the table in README.md) would
    otherwise compile every module of the package at every launch: ~30 ms that no
    installed copy pays."""
    compileall.compile_dir(PACKAGE, quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="event counts of the generated files")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument("--cold-repeat", type=int, default=2, help="runs of the slow cold cases of files > 50 MB")
    parser.add_argument("--quick", action="store_true", help="1k and 10k events, 3 runs each")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.repeat = "1000,10000", 3
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    if not Path(SKYNET).exists():
        sys.exit(f"{SKYNET} not found: run with the project venv's python (pip install -e . first)")

    started = time.perf_counter()
    compile_package()
    code = code_fingerprint()
    with tempfile.TemporaryDirectory(prefix="skynet-bench-") as workdir:
        bench = Bench(args.repeat, min(args.cold_repeat, args.repeat), Path(workdir))
        plan(bench, sizes)
        bench.run()
    if code_fingerprint() != code:
        bench.notes.append("skynet_tui's code changed during the run: the rows mix code versions; run again")
    rows = rows_of(bench)
    report = {
        "machine": machine(),
        "options": vars(args),
        "seconds": time.perf_counter() - started,
        "rows": rows,
        "notes": bench.notes,
        "extra": bench.extra,
    }
    print()
    print(table(rows))
    for note in bench.notes:
        print(f"note: {note}")
    failed = [row for row in rows if row["result"] == "FAIL"]
    print(
        f"\n{len(rows)} rows, {sum(r['result'] == 'PASS' for r in rows)} PASS, {len(failed)} FAIL; {report['seconds']:.0f} s"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(report, indent=1, default=str) + "\n")
    print(f"saved {RESULTS / f'{stamp}.json'} and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
