"""The Textual application: one catalog, the explorer screen, help, results and the palette."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from skynet_tui.app.explorer import ExplorerScreen
from skynet_tui.catalog import Catalog, bundled_path
from skynet_tui.query import Filter
from skynet_tui.text import is_web_address


def _provider(name: str):
    """A palette provider imported when the palette first opens, not at start-up."""

    def load():
        from skynet_tui.app import commands

        return getattr(commands, name)

    return load


class SkynetApp(App):
    TITLE = "skynet-tui"
    SUB_TITLE = "Sky Net campaign timeline"
    COMMANDS = App.COMMANDS | {_provider("EventCommands"), _provider("YearCommands"), _provider("FilterCommands")}
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("r", "results", "Results"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, catalog: Catalog, start: Filter | None = None, *, event_id: str | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.start = start or Filter()
        self.start_event = event_id
        self.bundled = catalog.path == str(bundled_path())

    def on_ready(self) -> None:
        """The first frame is drawn: let the cyclic collector run again if the command line
        paused it for the start, leaving what the start made (it lives as long as the app) out
        of its walks from now on."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def get_default_screen(self) -> Screen:
        return ExplorerScreen(self.catalog, self.start, self.start_event)

    @property
    def explorer(self) -> ExplorerScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ExplorerScreen)
        return screen

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Results", "Official figures year by year, as charts and tables", self.action_results)
        yield SystemCommand("Help", "Keys and what the screen shows", self.action_help)
        yield SystemCommand("Clear filters", "Show every event", self.explorer.action_clear_filters)
        yield SystemCommand("Copy link", "Copy the command that reopens this view", self.explorer.action_copy_link)
        yield SystemCommand("Toggle sidebar", "Hide or show the filters", self.explorer.action_toggle_sidebar)

    def action_help(self) -> None:
        from skynet_tui.app.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_results(self) -> None:
        from skynet_tui.app.results_view import ResultsScreen

        if not isinstance(self.screen, ResultsScreen):
            self.push_screen(ResultsScreen(self.catalog), self.show_year)

    def show_year(self, year: int | None) -> None:
        """Coming back from the results with a year chosen: the timeline of that year."""
        if year is not None:
            explorer = self.explorer
            explorer.filter = Filter(years=frozenset({year}))
            explorer.jump_to_year(year)

    def open_source_url(self, url: str) -> None:
        if not is_web_address(url):
            self.notify(f"Not opened: {url!r} is not an http or https address.", severity="warning", markup=False)
            return
        self.open_url(url)
        self.notify(f"Opening {url}", markup=False)
