"""The floor for the explorer's first frame: a Textual app that shows one label and exits, headless at 80x24.

Usage: python bare_app.py RESULT.json. Writes the wall-clock time of its first frame.
"""

import json
import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App):
    def compose(self) -> ComposeResult:
        yield Label("skynet-tui benchmark floor")

    def on_ready(self) -> None:
        self.call_after_refresh(self.done)

    def done(self) -> None:
        self.first_frame_at = time.time()
        self.exit()


if __name__ == "__main__":
    app = BareApp()
    app.run(headless=True, size=(80, 24))
    with open(sys.argv[1], "w") as out:
        json.dump({"first_frame_at": app.first_frame_at}, out)
