"""The filter sidebar: a search box above the facet lists."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from skynet_tui.app.facet_panel import FacetPanel
from skynet_tui.catalog import Catalog
from skynet_tui.query import Filter


class Sidebar(Vertical):
    """Search and facets. Reports what the user changed; the screen owns the filter."""

    DEFAULT_CSS = """
    Sidebar { width: 32; dock: left; background: $surface; border-right: tall $panel; padding: 0 0 0 1; }
    Sidebar Input { margin: 0 1 1 0; }
    """

    class SearchChanged(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, catalog: Catalog, start: Filter) -> None:
        super().__init__(id="sidebar")
        self.catalog = catalog
        self.start = start  # what the first frame shows; later filters arrive through show()

    def compose(self) -> ComposeResult:
        yield Input(self.start.search, placeholder="Search (/)", id="search")
        yield FacetPanel(self.catalog, self.start, id="facets")

    def show(self, filter: Filter, counts: dict) -> None:
        """Reflect a filter (set anywhere) and its counts without echoing a change back."""
        search = self.query_one("#search", Input)
        if search.value != filter.search:
            with self.prevent(Input.Changed):
                search.value = filter.search
        self.query_one(FacetPanel).show(filter, counts)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value))
