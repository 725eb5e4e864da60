"""The explorer screen: owns the filter and the selection, and hands them to the widgets."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from skynet_tui.app.detail import Detail
from skynet_tui.app.facet_panel import FacetPanel
from skynet_tui.app.keybar import KeyBar
from skynet_tui.app.sidebar import Sidebar
from skynet_tui.app.status import StatusLine
from skynet_tui.app.timeline import Rows, Timeline
from skynet_tui.catalog import Catalog
from skynet_tui.facets import positions_of
from skynet_tui.query import Filter, Query, deep_link

NARROW_WIDTH = 110  # below this the detail pane moves under the timeline
TINY_WIDTH = 70  # below this the sidebar starts hidden


class ExplorerScreen(Screen):
    """Timeline, filters and detail. The filter lives here and only here."""

    BINDINGS = [
        # A priority binding acts as the key arrives: the keys typed right after it then reach
        # the search box, even when they come in one burst (a paste, a busy moment, tmux).
        Binding("slash", "focus_search", "Search", priority=True),
        Binding("f", "focus_facets", "Filters"),
        Binding("y", "focus_facet('year')", "Year", show=False),
        Binding("a", "focus_facet('agency')", "Agency", show=False),
        Binding("c", "focus_facet('country')", "Country", show=False),
        Binding("t", "focus_facet('type')", "Type", show=False),
        Binding("x", "clear_filters", "Clear"),
        Binding("enter", "focus_detail", "Detail", show=False),
        Binding("escape", "back", "Back"),
        Binding("s", "toggle_sidebar", "Sidebar"),
        Binding("l", "copy_link", "Link"),
        Binding("o", "open_source", "Open source", show=False),
    ]
    DEFAULT_CSS = """
    #timeline { width: 1fr; height: 1fr; }
    #detail { width: 42%; height: 1fr; }
    ExplorerScreen.-narrow #body { layout: vertical; }
    ExplorerScreen.-narrow #detail { width: 1fr; height: 45%; border-left: none; border-top: tall $panel; }
    ExplorerScreen.-no-sidebar #sidebar { display: none; }
    """

    # Not Textual's default, the first focusable widget: the search box, styled focused and
    # then unfocused again when the timeline takes the focus.
    AUTO_FOCUS = "#timeline"
    filter: var[Filter] = var(Filter, init=False)
    selected: var[int | None] = var(None, init=False)

    def __init__(self, catalog: Catalog, start: Filter, event_id: str | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.query_engine = Query(catalog)
        self.set_reactive(ExplorerScreen.filter, start)
        self.set_reactive(ExplorerScreen.selected, catalog.facets.position.get(event_id) if event_id else None)
        self.start_event = event_id  # its detail gets the focus, or a word says the filters hide it
        self.resumed = False

    def compose(self) -> ComposeResult:
        # Set before the widgets mount, which styles them with these classes; without update=False
        # the screen was styled again here as well.
        width = self.app.size.width
        self.set_class(width < NARROW_WIDTH, "-narrow", update=False)
        self.set_class(width < TINY_WIDTH, "-no-sidebar", update=False)
        yield StatusLine(id="status")
        with Horizontal(id="body"):  # the sidebar is docked: the timeline and the detail are laid out
            yield Sidebar(self.catalog, self.filter)
            yield Timeline(self.catalog, id="timeline")
            yield Detail(id="detail")
        yield KeyBar()

    def on_mount(self) -> None:
        wanted = self.selected
        self.refresh_view()
        self.watch_selected(self.selected)  # the watcher runs on changes only; draw the first one
        self.call_after_refresh(self.build_search_index)  # after the first frame, while the user reads
        if self.start_event is None:
            return
        if self.selected == wanted:
            self.query_one(Detail).focus()
        else:
            message = f"Event {self.start_event} is not among the events these filters show: x clears them."
            self.notify(message, severity="warning", markup=False)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen that resumes, for what changed while it was
        # covered. At the first resume they were styled moments ago, as they mounted (~4 ms).
        if not self.resumed:
            self.resumed = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        if (event.size.width < TINY_WIDTH) != (self.outer_size.width < TINY_WIDTH):
            self.show_sidebar(event.size.width >= TINY_WIDTH)  # what a start at the new width shows
        if event.size == self.outer_size:
            # Textual lays the whole screen out again for every Resize, and at start sends two
            # or three for the size it has just been laid out at (~5 ms each).
            event.prevent_default()

    # --- the one place where the view follows the state ---------------------------------
    def watch_filter(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        mask = self.query_engine.mask(self.filter)
        rows = Rows(positions_of(mask), self.query_engine.year_counts(mask))
        self.query_one(Sidebar).show(self.filter, self.query_engine.counts(self.filter))
        timeline = self.query_one(Timeline)
        timeline.show(rows, select=self.selected, empty_message=self.empty_message())
        self.selected = timeline.selected_position  # now, so the detail is drawn in the same frame
        self.query_one(StatusLine).show(self.status_line(len(rows.positions)))

    def status_line(self, shown: int) -> Content:
        total = len(self.catalog.events)
        text = Content.styled(f"{shown:,} of {total:,} events", "bold")
        if self.filter.active:
            text += Content(" · " + self.filter.describe(self.catalog))
            text += Content.styled("  (x clears)", "$text-muted")
        return text

    def empty_message(self) -> str:
        return (
            "No events match these filters:\n"
            f"  {self.filter.describe(self.catalog)}\n"
            "Press x to clear them all, or widen them in the sidebar (f)."
        )

    def watch_selected(self, position: int | None) -> None:
        event = self.catalog.events[position] if position is not None else None
        self.query_one(Detail).show(self.catalog, event, any_matched=bool(self.query_one(Timeline).rows))

    # --- messages from the widgets -----------------------------------------------------
    @on(Sidebar.SearchChanged)
    def search_changed(self, message: Sidebar.SearchChanged) -> None:
        if self.query_engine.is_instant(message.text):
            self.apply_search(message.text)
            return
        self.search_in_background(message.text)  # the index is being read or built, or a phrase read
        waiting = Content.styled("  (searching…)", "$text-muted")
        self.query_one(StatusLine).show(self.status_line(len(self.query_one(Timeline).rows.positions)) + waiting)

    @work(thread=True, exclusive=True, group="search")
    def search_in_background(self, text: str) -> None:
        """Wait for the index off the UI thread, so typing never waits; the last keystroke wins."""
        self.query_engine.search_mask(text)  # the slow part; the redraw then finds it remembered
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.apply_search, text)

    def apply_search(self, text: str) -> None:
        if text == self.query_one("#search", Input).value:  # else a later keystroke has overtaken it
            self.filter = self.filter._replace(search=text)

    @work(thread=True, group="index")
    def build_search_index(self) -> None:
        self.query_engine.search_index()

    @on(FacetPanel.Toggled)
    def facet_toggled(self, message: FacetPanel.Toggled) -> None:
        self.filter = self.filter.toggled(message.dimension, message.value)

    @on(Timeline.Highlighted)
    def highlighted(self, message: Timeline.Highlighted) -> None:
        self.selected = message.position

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.set_focus(self.query_one(Timeline))

    # --- actions -----------------------------------------------------------------------
    def select_event(self, event_id: str) -> None:
        """Select an event, clearing the filters first if they hide it."""
        position = self.catalog.facets.position[event_id]
        self.selected = position
        if self.query_one(Timeline).row_of(position) is None:
            self.filter = Filter()
            self.notify("Filters cleared to show the event.", markup=False)
        else:
            self.refresh_view()
        self.set_focus(self.query_one(Timeline))

    def jump_to_year(self, year: int) -> None:
        timeline = self.query_one(Timeline)
        row = timeline.year_row(year)
        if row is None:
            self.filter = self.filter._replace(years=frozenset({year}))
            row = timeline.year_row(year)
        timeline.move_to(row)
        self.set_focus(timeline)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        """A key that means nothing where the focus is stays out of the key bar and reaches the
        focused widget: "/" typed in the search box is text, esc has nowhere to go from the timeline."""
        if action == "focus_search":
            return not isinstance(self.focused, Input)
        if action == "back":
            return not isinstance(self.focused, Timeline)
        return True

    def action_focus_search(self) -> None:
        # set_focus, not focus(): that waits behind keys already queued.
        self.remove_class("-no-sidebar")
        self.set_focus(self.query_one("#search", Input))

    def action_focus_facets(self) -> None:
        """The filter lists, the cursor where it was left."""
        self.remove_class("-no-sidebar")
        facets = self.query_one(FacetPanel)
        self.set_focus(facets)
        facets.call_after_refresh(facets.scroll_to_cursor)

    def action_focus_facet(self, dimension: str) -> None:
        self.remove_class("-no-sidebar")
        facets = self.query_one(FacetPanel)
        facets.go_to_facet(dimension)
        self.set_focus(facets)

    def action_clear_filters(self) -> None:
        if self.filter.active:
            self.filter = Filter()

    def action_focus_detail(self) -> None:
        self.set_focus(self.query_one(Detail))

    def action_back(self) -> None:
        self.set_focus(self.query_one(Timeline))

    def action_toggle_sidebar(self) -> None:
        self.show_sidebar(self.has_class("-no-sidebar"))

    def show_sidebar(self, shown: bool) -> None:
        self.set_class(not shown, "-no-sidebar")
        sidebar = self.query_one(Sidebar)
        if not shown and self.focused is not None and sidebar in self.focused.ancestors_with_self:
            self.set_focus(self.query_one(Timeline))

    def current_link(self) -> str:
        event_id = self.catalog.events[self.selected].id if self.selected is not None else None
        path = None if self.app.bundled else self.catalog.path
        return deep_link(self.filter, event_id=event_id, events_path=path)

    def action_copy_link(self) -> None:
        link = self.current_link()
        self.app.copy_to_clipboard(link)
        self.notify(link, title="Link copied to the clipboard", markup=False, timeout=8)

    def action_open_source(self) -> None:
        if self.selected is None:
            self.notify("Select an event first.", markup=False)
            return
        event = self.catalog.events[self.selected]
        urls = [self.catalog.sources[c.source].url for c in event.citations]
        urls = [url for url in dict.fromkeys(urls) if url]
        if not urls:
            self.notify("None of this event's sources has a web address.", markup=False)
            return
        self.app.open_source_url(urls[0])
