"""The filter sidebar: a search box and one list per facet, each value with its live count."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from skynet_tui.catalog import Catalog, country_name
from skynet_tui.facets import DIMENSIONS
from skynet_tui.query import Filter
from skynet_tui.text import one_line

HEADINGS = {"year": "Year (y)", "agency": "Agency (a)", "country": "Country (c)", "type": "Type (t)"}


def value_label(catalog: Catalog, dimension: str, value) -> str:
    """How a facet value is named in the sidebar and the palette."""
    if dimension == "agency":
        return one_line(catalog.agencies[value].name)
    if dimension == "country":
        return f"{country_name(value)} ({value})"
    return str(value)


class FacetList(SelectionList):
    """The values of one facet, in the order of their names; several may be chosen.

    Each count comes before its value, right-aligned, so that a long agency or country name
    cut short by the sidebar's width never hides it.
    """

    DEFAULT_CSS = """
    FacetList { height: auto; max-height: 12; border: none; padding: 0; background: $surface; }
    FacetList:focus { border: none; background-tint: $foreground 5%; }
    """
    BINDINGS = [
        Binding("space", "select", "Choose"),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    def __init__(self, catalog: Catalog, dimension: str, selected: frozenset) -> None:
        self.dimension = dimension
        self.labels = {value: value_label(catalog, dimension, value) for value in catalog.facets.values(dimension)}
        self.values = sorted(self.labels, key=lambda value: self.labels[value].casefold())
        most = max((mask.bit_count() for mask in catalog.facets.masks[dimension].values()), default=0)
        self.count_width = len(f"{most:,}")
        self.shown_counts: dict = {}  # what each label says now, so only changed labels are redrawn
        super().__init__(
            *(Selection(Content(self.labels[value]), value, value in selected) for value in self.values),
            id=f"facet-{dimension}",
        )

    def action_select(self) -> None:
        """Toggle the highlighted value at once. SelectionList toggles whichever value is
        highlighted when its message is handled, so space, down, space typed quickly toggled
        the last value twice and the first not at all."""
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))

    def show_counts(self, counts: dict) -> None:
        """Rewrite each value's label with how many events it would show now."""
        for index, value in enumerate(self.values):
            count = counts.get(value, 0)
            if self.shown_counts.get(value) == count:
                continue
            self.shown_counts[value] = count
            number = Content.styled(f"{count:>{self.count_width},} ", "$text-muted" if count else "$text-disabled")
            label = Content(self.labels[value]) if count else Content.styled(self.labels[value], "$text-disabled")
            self.replace_option_prompt_at_index(index, number + label)

    def show_selected(self, selected: frozenset) -> None:
        with self.prevent(SelectionList.SelectionToggled):
            for value in self.values:
                if (value in selected) != (value in self.selected):
                    self.toggle(value)


class Sidebar(VerticalScroll):
    """Search and facets. Reports what the user changed; the screen owns the filter."""

    DEFAULT_CSS = """
    Sidebar { width: 32; dock: left; background: $surface; border-right: tall $panel; padding: 0 1; }
    Sidebar Input { margin-bottom: 1; }
    Sidebar .heading { color: $text-accent; text-style: bold; margin-top: 1; }
    """

    class SearchChanged(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class FacetToggled(Message):
        """One value chosen or unchosen: a change, not the list's whole state, so that toggles
        typed faster than the screen redraws are each applied once, none undone."""

        def __init__(self, dimension: str, value) -> None:
            super().__init__()
            self.dimension = dimension
            self.value = value

    def __init__(self, catalog: Catalog, start: Filter) -> None:
        super().__init__(id="sidebar")
        self.catalog = catalog
        self.start = start  # what the first frame shows; later filters arrive through show()

    def compose(self) -> ComposeResult:
        yield Input(self.start.search, placeholder="Search (/)", id="search")
        for dimension in DIMENSIONS:
            yield Label(HEADINGS[dimension], classes="heading")
            yield FacetList(self.catalog, dimension, self.start.selected(dimension))

    def show(self, filter: Filter, counts: dict) -> None:
        """Reflect a filter (set anywhere) and its counts without echoing a change back."""
        search = self.query_one("#search", Input)
        if search.value != filter.search:
            with self.prevent(Input.Changed):
                search.value = filter.search
        for facet in self.query(FacetList):
            facet.show_selected(filter.selected(facet.dimension))
            facet.show_counts(counts[facet.dimension])

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.SearchChanged(event.value))

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        facet = event.selection_list
        assert isinstance(facet, FacetList)
        self.post_message(self.FacetToggled(facet.dimension, event.selection.value))
