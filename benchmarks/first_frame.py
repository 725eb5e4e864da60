"""Run the real command line (`skynet_tui.cli.main`) headless and note when events are first drawn.

Usage: python first_frame.py RESULT.json [skynet-tui options...]

Nothing in the CLI's path changes: when the CLI imports `skynet_tui.app.main`, an import hook
swaps `SkynetApp` for a subclass that runs headless at 80x24 (as bare_app.py does) and, once
the screen's `#timeline` has rows, exits right after the next refresh. `loader.load_catalog`
is wrapped to time the load.
Writes wall-clock times (time.time()) so the parent can measure from the moment it spawned us.
"""

import importlib.util
import json
import sys
import time

marks = {"script_start": time.time()}

import skynet_tui.loader as loader  # noqa: E402  (imported by the CLI's path anyway)
from skynet_tui import cli  # noqa: E402

APP_MODULE = "skynet_tui.app.main"


def _timed_load(original):
    def load_catalog(*args, **kwargs):
        marks["load_start"] = time.time()
        try:
            return original(*args, **kwargs)
        finally:
            marks["load_end"] = time.time()

    return load_catalog


def _shows_events(app) -> bool:
    try:
        timeline = app.screen.query_one("#timeline")
    except Exception:
        return False
    return timeline.virtual_size.height > 0 and timeline.size.height > 0


def _instrument(module) -> None:
    base = module.SkynetApp

    class TimedApp(base):
        def run(self, *args, **kwargs):
            kwargs["headless"] = True
            kwargs["size"] = (80, 24)
            marks["app_run"] = time.time()
            return super().run(*args, **kwargs)

        def on_ready(self) -> None:  # Textual also calls SkynetApp's own on_ready, if any
            marks["first_frame_any"] = time.time()
            self._bench_check()

        def _bench_check(self) -> None:
            if _shows_events(self):
                self.call_after_refresh(self._bench_done)
            else:
                self.set_timer(0.005, self._bench_check)

        def _bench_done(self) -> None:
            marks["first_frame_events"] = time.time()
            self.exit()

    # Keep the original's module so that a relative CSS_PATH still resolves beside it.
    TimedApp.__module__ = base.__module__
    TimedApp.__qualname__ = TimedApp.__name__ = base.__name__
    module.SkynetApp = TimedApp


class _Hook:
    """A meta path finder (not derived from importlib.abc, whose import costs ~20 ms that the
    bare app, and a user's launch, never pay)."""

    def find_spec(self, name, path, target=None):
        if name != APP_MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None:
            return None
        exec_module = spec.loader.exec_module

        def instrumented(module):
            exec_module(module)
            _instrument(module)

        spec.loader.exec_module = instrumented
        return spec


if __name__ == "__main__":
    loader.load_catalog = _timed_load(loader.load_catalog)
    sys.meta_path.insert(0, _Hook())
    code = cli.main(sys.argv[2:])
    marks["exit_code"] = code
    marks["textual_imported"] = "textual" in sys.modules
    with open(sys.argv[1], "w") as out:
        json.dump(marks, out)
    sys.exit(code)
