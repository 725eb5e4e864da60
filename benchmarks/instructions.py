"""Instructions to the first frame: the explorer against the bare Textual app, counted by valgrind.

Usage: .venv/bin/python benchmarks/instructions.py [--events FILE]     (needs valgrind; ~30 s)

On a shared machine the wall-clock medians of run.py move by a tenth from one run to the
next, the bare app's and the explorer's not always together. The number of instructions a
process executes hardly moves (two runs agree within 0.1%), so it tells whether a change made
the first frame cheaper. Each process here runs run.py's own harness (first_frame.py or
bare_app.py) under callgrind and ends the moment the harness asks its app to exit, just after
the first frame that shows events. The explorer's cache is filled first (a repeat launch).
Instructions are not time: waiting, system calls and cache misses are not in them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import PYTHON, SKYNET, compile_package  # noqa: E402

EXIT_AT_FIRST_FRAME = """import os, runpy, sys
import textual.app
textual.app.App.exit = lambda self, *args, **kwargs: os._exit(0)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def instructions(script: str, args: list[str], cache: str) -> int:
    with tempfile.NamedTemporaryFile(suffix=".json") as result:
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        command += [PYTHON, "-c", EXIT_AT_FIRST_FRAME, str(HERE / script), result.name, *args]
        env = {**os.environ, "SKYNET_TUI_CACHE_DIR": cache}
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        sys.exit(f"valgrind gave no count for {script}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", help="an events file (default: the bundled one)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind not found: install it (apt install valgrind) to count instructions")
    events = ["--events", args.events] if args.events else []
    compile_package()
    with tempfile.TemporaryDirectory(prefix="skynet-instructions-") as cache:
        env = {**os.environ, "SKYNET_TUI_CACHE_DIR": cache}
        subprocess.run([SKYNET, "list", *events], env=env, stdout=subprocess.DEVNULL, check=True)  # fills the cache
        with ThreadPoolExecutor(2) as pool:
            bare = pool.submit(instructions, "bare_app.py", [], cache)
            explorer = pool.submit(instructions, "first_frame.py", events, cache)
            bare_count, explorer_count = bare.result(), explorer.result()
    print(f"bare Textual app, to its first frame:     {bare_count / 1e6:8.1f} M instructions")
    print(f"explorer ({args.events or 'bundled file'}), to its first frame: {explorer_count / 1e6:8.1f} M instructions")
    print(f"ratio: {explorer_count / bare_count:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
