"""The explorer, driven the way a user drives it: keys in, widget contents checked."""

from __future__ import annotations

import asyncio
import gc
import json
import re
import threading
from pathlib import Path

import pytest
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Input

from skynet_tui.app.detail import Detail, describe
from skynet_tui.app.explorer import ExplorerScreen
from skynet_tui.app.facet_panel import FacetPanel, FacetRow
from skynet_tui.app.help import HelpScreen
from skynet_tui.app.keybar import KeyBar
from skynet_tui.app.main import SkynetApp
from skynet_tui.app.results_view import ResultsScreen
from skynet_tui.app.status import StatusLine
from skynet_tui.app.timeline import Row, Rows, Timeline
from skynet_tui.catalog import bundled_path
from skynet_tui.cli import main
from skynet_tui.facets import Facets, positions_of
from skynet_tui.loader import load_catalog
from skynet_tui.query import Filter, Query, resolve_filter
from skynet_tui.text import is_web_address

SMALL = Path(__file__).parent / "data" / "small.yaml"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(SMALL, use_cache=False)


def drive(app: SkynetApp, steps, *, size=(120, 40), notifications=False):
    """Run the app headless, await `steps(pilot)`, and return what it returns."""

    async def run():
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await pilot.pause()
            return await steps(pilot)

    return asyncio.run(run())


async def settle(pilot) -> None:
    """Let background work (the search runs in a thread) finish and its result be drawn."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def explorer(pilot) -> ExplorerScreen:
    return pilot.app.explorer


def shown_ids(pilot) -> list[str]:
    timeline = pilot.app.explorer.query_one(Timeline)
    events = pilot.app.catalog.events
    return [events[row.position].id for row in timeline.rows if row.position is not None]


def selected_id(pilot) -> str | None:
    position = pilot.app.explorer.selected
    return None if position is None else pilot.app.catalog.events[position].id


def detail_text(pilot) -> str:
    return str(pilot.app.explorer.query_one(Detail).content)


def timeline_lines(pilot) -> list[str]:
    timeline = pilot.app.explorer.query_one(Timeline)
    return [timeline.render_line(y).text for y in range(timeline.scrollable_content_region.height)]


def facet_lines(pilot) -> list[str]:
    """Every line of the filter lists as drawn, top to bottom (from the top of the list)."""
    panel = pilot.app.explorer.query_one(FacetPanel)
    return [panel.render_line(y - panel.scroll_offset.y).text.rstrip() for y in range(len(panel.rows))]


FACET_VALUE = re.compile(r"\[(?P<mark>[x ])\] +(?P<count>[\d,]+) (?P<name>.*)")


def facet_values(pilot, heading: str) -> dict[str, tuple[bool, int]]:
    """The values listed under a heading: name -> (chosen, count), as drawn."""
    lines = facet_lines(pilot)
    values = {}
    for line in lines[lines.index(heading) + 1 :]:
        match = FACET_VALUE.fullmatch(line)
        if match is None:
            break
        values[match["name"]] = (match["mark"] == "x", int(match["count"].replace(",", "")))
    return values


def chosen(values: dict[str, tuple[bool, int]]) -> set[str]:
    return {name for name, (is_chosen, _) in values.items() if is_chosen}


def status_text(pilot) -> str:
    return str(pilot.app.explorer.query_one("#status", StatusLine).content)


# --- deep links -------------------------------------------------------------------------
def test_deep_link_year_filters_before_the_first_frame(catalog):
    seen_rows: list[int] = []

    async def steps(pilot):
        return shown_ids(pilot)

    app = SkynetApp(catalog, resolve_filter(catalog, years=["2018"]))
    original = ExplorerScreen.on_mount

    def spy(screen):
        original(screen)
        seen_rows.append(len(screen.query_one(Timeline).rows))

    ExplorerScreen.on_mount = spy
    try:
        ids = drive(app, steps)
    finally:
        ExplorerScreen.on_mount = original
    assert ids == ["2018-07-11-xu-repatriated", "2018-11-30-yao-extradited"]
    assert seen_rows == [3], "the first view must already be filtered (a heading and two events)"


def test_deep_links_combine_and_select_the_event(catalog):
    start = resolve_filter(catalog, years=["2018"], countries=["United States"])

    async def steps(pilot):
        return shown_ids(pilot), selected_id(pilot), detail_text(pilot), pilot.app.focused

    ids, selected, detail, focused = drive(SkynetApp(catalog, start, event_id="2018-07-11-xu-repatriated"), steps)
    assert ids == ["2018-07-11-xu-repatriated"]
    assert selected == "2018-07-11-xu-repatriated"
    assert "Xu Chaofan" in detail and "11 July 2018" in detail
    assert isinstance(focused, Detail)


def test_a_deep_link_to_an_event_the_filters_hide_says_so(catalog):
    start = resolve_filter(catalog, years=["2015"])

    async def steps(pilot):
        return selected_id(pilot), [n.message for n in pilot.app._notifications], pilot.app.focused

    selected, notes, focused = drive(
        SkynetApp(catalog, start, event_id="2018-07-11-xu-repatriated"), steps, notifications=True
    )
    assert selected is not None and selected.startswith("2015")
    assert notes == ["Event 2018-07-11-xu-repatriated is not among the events these filters show: x clears them."]
    assert isinstance(focused, Timeline)


def test_sidebar_shows_the_deep_link_selection(catalog):
    start = resolve_filter(catalog, years=["2016-2018"], types=["extradition"])

    async def steps(pilot):
        return chosen(facet_values(pilot, "Year (y)")), chosen(facet_values(pilot, "Type (t)"))

    years, types = drive(SkynetApp(catalog, start), steps)
    assert years == {"2016", "2018"}  # 2017 has no events in the small file
    assert types == {"extradition"}


# --- keys -------------------------------------------------------------------------------
def test_arrow_keys_and_j_k_move_the_selection_and_the_detail_follows(catalog):
    async def steps(pilot):
        first = selected_id(pilot)
        await pilot.press("down")
        second = selected_id(pilot)
        await pilot.press("j", "j")
        fourth = selected_id(pilot)
        await pilot.press("k")
        return first, second, fourth, selected_id(pilot), detail_text(pilot)

    first, second, fourth, third, detail = drive(SkynetApp(catalog), steps)
    ids = [event.id for event in catalog.events]
    assert [first, second, third, fourth] == ids[:4]
    assert "Xu repatriated" in detail


def test_typing_a_search_filters_as_you_type_and_escape_returns(catalog):
    async def steps(pilot):
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press(*"bulgaria")
        await settle(pilot)
        found = shown_ids(pilot)
        await pilot.press("escape")
        return found, status_text(pilot), pilot.app.focused

    found, status, focused = drive(SkynetApp(catalog), steps)
    assert found == ["2018-11-30-yao-extradited"]
    assert status.startswith("1 of 6 events") and "search “bulgaria”" in status
    assert isinstance(focused, Timeline)


def burst(pilot, *keys: str) -> None:
    """Keys queued together, as when the app is busy or text is pasted (pilot.press waits between keys)."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)  # as the terminal driver does


def test_keys_typed_in_one_burst_after_slash_go_to_the_search_box(catalog):
    async def steps(pilot):
        burst(pilot, "slash", "x", "u")
        await settle(pilot)
        return pilot.app.explorer.query_one("#search", Input).value, shown_ids(pilot)

    assert drive(SkynetApp(catalog), steps) == ("xu", ["2018-07-11-xu-repatriated"])


def test_clearing_the_filters_keeps_the_selected_event_in_view(catalog):
    async def steps(pilot):
        await pilot.press("j", "x")
        await pilot.pause()
        timeline = explorer(pilot).query_one(Timeline)
        top, height = timeline.scroll_offset.y, timeline.scrollable_content_region.height
        return selected_id(pilot), top <= timeline.cursor_row < top + height, height

    start = resolve_filter(catalog, years=["2021"])
    selected, in_view, height = drive(SkynetApp(catalog, start), steps, size=(120, 9))
    assert selected == "2021-03-results-2020-other"
    assert height < 10 and in_view  # ten rows do not fit, yet the selected one is shown


def test_values_toggled_in_one_burst_are_all_chosen(catalog):
    async def steps(pilot):
        await pilot.press("t")
        burst(pilot, "space", "down", "space", "down", "space")
        await settle(pilot)
        first_three = explorer(pilot).filter.types
        burst(pilot, "space", "up", "space")  # and unchosen again
        await settle(pilot)
        return first_three, explorer(pilot).filter.types, chosen(facet_values(pilot, "Type (t)"))

    first_three, after, shown = drive(SkynetApp(catalog), steps)
    assert first_three == {"extradition", "launch", "repatriation"}
    assert after == {"extradition"} and shown == after


def test_a_quoted_phrase_is_searched_in_the_background_and_shown(catalog):
    async def steps(pilot):
        screen = explorer(pilot)
        background: list[str] = []
        search_in_background = screen.search_in_background
        screen.search_in_background = lambda text: (background.append(text), search_in_background(text))
        await pilot.press("slash", *'"eu member state"')
        await settle(pilot)
        return background, shown_ids(pilot), status_text(pilot)

    background, shown, status = drive(SkynetApp(catalog), steps)
    assert background == ['"eu member state"']  # the words alone were answered on the spot
    assert shown == ["2018-11-30-yao-extradited"] and "searching" not in status


def test_a_slash_typed_in_the_search_box_is_text(catalog):
    async def steps(pilot):
        await pilot.press("slash", "a", "slash", "b")
        return pilot.app.explorer.query_one("#search", Input).value

    assert drive(SkynetApp(catalog), steps) == "a/b"


def test_typing_before_the_index_is_ready_waits_in_the_background_and_the_last_text_wins(catalog):
    async def steps(pilot):
        screen = explorer(pilot)
        await pilot.app.workers.wait_for_complete()
        engine = screen.query_engine
        index, engine._index = engine._index, None  # as on a first launch, while the index is built
        ready = threading.Event()
        engine.search_index = lambda: (ready.wait(10), setattr(engine, "_index", index), index)[-1]
        await pilot.press("slash", *"xu")
        while_waiting = (status_text(pilot), shown_ids(pilot), screen.filter.search)
        ready.set()
        await settle(pilot)
        after = (screen.filter.search, shown_ids(pilot))
        screen.apply_search("x")  # a late answer for an earlier keystroke
        return while_waiting, after, screen.filter.search

    while_waiting, after, late = drive(SkynetApp(catalog), steps)
    status, shown, search = while_waiting
    assert "searching…" in status and len(shown) == 6 and search == ""
    assert after == ("xu", ["2018-07-11-xu-repatriated"])
    assert late == "xu"


def test_facet_keys_choose_values_and_x_clears_everything(catalog):
    async def steps(pilot):
        await pilot.press("t")  # the type list; its first value is highlighted
        await pilot.press("space")
        chosen = shown_ids(pilot)
        filter_after = explorer(pilot).filter
        await pilot.press("escape", "x")
        return chosen, filter_after, shown_ids(pilot)

    chosen, filter_after, cleared = drive(SkynetApp(catalog), steps)
    first_type = sorted({event.type for event in catalog.events})[0]
    assert filter_after.types == {first_type}
    assert chosen == [event.id for event in catalog.events if event.type == first_type]
    assert len(cleared) == len(catalog.events)


def test_the_filter_lists_are_one_list_whose_cursor_crosses_headings(catalog):
    async def steps(pilot):
        await pilot.press("a")  # the first agency
        await pilot.press("k", "space")  # up, over the heading, to the last year
        years = explorer(pilot).filter.years
        await pilot.press("end", "space")  # the last type
        types = explorer(pilot).filter.types
        await pilot.press("home", "space")  # the first year, its heading back in view
        panel = explorer(pilot).query_one(FacetPanel)
        return years, types, explorer(pilot).filter.years, panel.scroll_offset.y

    years, types, years_after, top = drive(SkynetApp(catalog), steps, size=(120, 20))
    all_years = sorted({event.date.year for event in catalog.events})
    assert years == {all_years[-1]}
    assert types == {max(event.type for event in catalog.events)}
    assert years_after == {all_years[0], all_years[-1]} and top == 0


def test_a_facet_key_in_a_narrow_terminal_shows_the_sidebar_with_that_facet_in_view(catalog):
    async def steps(pilot):
        hidden = not explorer(pilot).query_one("#sidebar").display  # below 70 columns
        await pilot.press("t")
        panel = explorer(pilot).query_one(FacetPanel)
        top, height = panel.scroll_offset.y, panel.scrollable_content_region.height
        in_view = [row for row in panel.rows[top : top + height] if row.dimension]
        return hidden, top, in_view, panel.rows[panel.cursor_row]

    hidden, top, in_view, cursor = drive(SkynetApp(catalog), steps, size=(60, 20))
    assert hidden and top > 0  # scrolled, though the sidebar was not there to scroll when t was pressed
    assert FacetRow("type") in in_view and cursor in in_view and cursor.dimension == "type"


def test_f_returns_to_the_filter_lists_where_they_were_left(catalog):
    async def steps(pilot):
        await pilot.press("t", "j", "escape", "f", "space")
        return explorer(pilot).filter.types

    assert drive(SkynetApp(catalog), steps) == {sorted({event.type for event in catalog.events})[1]}


def test_a_click_on_a_value_chooses_it(catalog):
    async def steps(pilot):
        panel = explorer(pilot).query_one(FacetPanel)
        row = next(index for index, row in enumerate(panel.rows) if row.value == "extradition")
        await pilot.click(FacetPanel, offset=(6, row - panel.scroll_offset.y))
        return explorer(pilot).filter.types, chosen(facet_values(pilot, "Type (t)"))

    assert drive(SkynetApp(catalog), steps, size=(120, 50)) == ({"extradition"}, {"extradition"})


def test_a_facet_without_values_shows_its_heading_and_its_key_still_works(catalog):
    events = tuple(event._replace(countries=()) for event in catalog.events)
    no_countries = catalog._replace(events=events, facets=Facets.build(events))

    async def steps(pilot):
        await pilot.press("c", "space")  # no country to choose: the cursor is on the next list's first value
        return facet_values(pilot, "Country (c)"), explorer(pilot).filter

    countries, chosen_filter = drive(SkynetApp(no_countries), steps)
    assert countries == {}
    assert chosen_filter.countries == frozenset() and len(chosen_filter.types) == 1


def test_the_cursor_of_the_filter_lists_shows_only_while_they_have_the_focus(catalog):
    def cursor_lines(pilot) -> int:
        panel = explorer(pilot).query_one(FacetPanel)
        cursor = panel.line_styles["facet-panel--cursor"].bgcolor
        lines = (panel.render_line(y) for y in range(panel.scrollable_content_region.height))
        return sum(any(segment.style.bgcolor == cursor for segment in strip) for strip in lines)

    async def steps(pilot):
        before = cursor_lines(pilot)
        await pilot.press("y")
        focused = cursor_lines(pilot)
        await pilot.press("escape")
        return before, focused, cursor_lines(pilot)

    assert drive(SkynetApp(catalog), steps) == (0, 1, 0)


def test_counts_in_the_sidebar_and_status_agree_with_list(catalog, capsys):
    start = resolve_filter(catalog, agencies=["state supervision commission"])

    async def steps(pilot):
        return status_text(pilot), facet_values(pilot, "Year (y)")

    status, years = drive(SkynetApp(catalog, start), steps)
    main(["list", "--events", str(SMALL), "--agency", "nsc", "--format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert status.startswith(f"{len(listed)} of {len(catalog.events)} events")
    for year in {event.date.year for event in catalog.events}:
        main(["list", "--events", str(SMALL), "--agency", "nsc", "--year", str(year), "--format", "json"])
        count = len(json.loads(capsys.readouterr().out))
        assert years[str(year)] == (False, count)


def test_a_filter_that_matches_nothing_says_so_and_how_to_widen_it(catalog):
    async def steps(pilot):
        return timeline_lines(pilot), selected_id(pilot), detail_text(pilot)

    lines, selected, detail = drive(SkynetApp(catalog, Filter(search="no such words anywhere")), steps)
    text = "\n".join(lines)
    assert "No events match these filters" in text and "Press x to clear" in text
    assert selected is None and "No event matches the filters: x clears them." in detail


def test_the_no_match_message_wraps_rather_than_cutting_the_filters_off(catalog):
    async def steps(pilot):
        return timeline_lines(pilot)

    search = "a long search that names many words nobody wrote"
    lines = drive(SkynetApp(catalog, Filter(search=search)), steps, size=(80, 24))
    words = " ".join(line.strip() for line in lines).split()
    assert "…" not in "".join(lines)
    assert " ".join(words).endswith(f"search “{search}” Press x to clear them all, or widen them in the sidebar (f).")


def test_enter_focuses_the_detail_and_help_opens_and_closes(catalog):
    async def steps(pilot):
        await pilot.press("enter")
        focused = pilot.app.focused
        await pilot.press("question_mark")
        help_open = isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        return focused, help_open, pilot.app.screen

    focused, help_open, screen = drive(SkynetApp(catalog), steps)
    assert isinstance(focused, Detail)
    assert help_open and isinstance(screen, ExplorerScreen)


def test_the_detail_redraws_its_text_in_the_colours_of_its_focus(catalog):
    def backgrounds(detail) -> set:
        return {segment.style.bgcolor for y in range(3) for segment in detail.render_line(y) if segment.style}

    async def steps(pilot):
        detail = explorer(pilot).query_one(Detail)
        before = backgrounds(detail)
        await pilot.press("enter")  # focused, the pane is tinted
        await pilot.pause()
        return before, backgrounds(detail), detail.rich_style.bgcolor

    before, focused, tint = drive(SkynetApp(catalog), steps)
    assert focused == {tint} and before != focused


def test_a_status_line_too_long_for_the_terminal_ends_in_an_ellipsis(catalog):
    start = resolve_filter(catalog, years=["2016-2021"], agencies=["nsc"], countries=["US"], types=["repatriation"])

    async def steps(pilot):
        status = explorer(pilot).query_one(StatusLine)
        return str(status.content), status.render_line(0).text

    full, drawn = drive(SkynetApp(catalog, start), steps, size=(80, 24))
    assert len(full) > 80 and drawn.rstrip().endswith("…") and drawn.strip()[:-1] in full


def test_j_and_k_scroll_the_help(catalog):
    async def steps(pilot):
        await pilot.press("question_mark", "j", "j")
        scroll = pilot.app.screen.query_one(VerticalScroll)
        down = scroll.scroll_y
        await pilot.press("k")
        return down, scroll.scroll_y

    assert drive(SkynetApp(catalog), steps, size=(100, 20)) == (2, 1)


def key_bar_text(pilot) -> str:
    return pilot.app.screen.query_one(KeyBar).render().plain


def test_the_key_bar_follows_the_focus_and_a_click_presses_a_key(catalog):
    async def steps(pilot):
        on_timeline = key_bar_text(pilot)
        await pilot.press("enter")  # the detail's own keys join the screen's
        on_detail = key_bar_text(pilot)
        await pilot.click(KeyBar, offset=(on_detail.index("? Help") + 1, 0))
        await pilot.pause()
        return on_timeline, on_detail, pilot.app.screen, key_bar_text(pilot)

    on_timeline, on_detail, screen, on_help = drive(SkynetApp(catalog), steps)
    assert (
        on_timeline.split() == "/ Search f Filters x Clear s Sidebar l Link ? Help r Results q Quit ^p palette".split()
    )
    assert "j/k Scroll" in on_detail and "Scroll" not in on_timeline
    assert isinstance(screen, HelpScreen)
    assert on_help.split() == "esc Close j/k Scroll".split()  # the help's own keys, not the explorer's


def test_a_narrow_key_bar_drops_whole_entries_and_keeps_the_palette(catalog):
    async def steps(pilot):
        return key_bar_text(pilot)

    wide, narrow = (drive(SkynetApp(catalog), steps, size=(width, 24)) for width in (160, 60))
    assert len(narrow) == 60 and narrow.rstrip().endswith("^p palette")
    shown = narrow.split("^p palette")[0].strip().split("  ")
    entries = wide.split("^p palette")[0].strip().split("  ")
    assert "? Help" in entries and shown[-1] == "? Help"  # help is never dropped: it lists every key
    assert shown[:-1] == entries[: len(shown) - 1] and len(shown) < len(entries)  # then the first, whole


def test_s_hides_and_shows_the_sidebar(catalog):
    async def steps(pilot):
        sidebar = explorer(pilot).query_one("#sidebar")
        before = sidebar.display
        await pilot.press("s")
        hidden = sidebar.display
        await pilot.press("s")
        return before, hidden, sidebar.display

    assert drive(SkynetApp(catalog), steps) == (True, False, True)


def test_the_sidebar_follows_the_terminal_across_the_width_below_which_it_starts_hidden(catalog):
    async def steps(pilot):
        sidebar = explorer(pilot).query_one("#sidebar")
        await pilot.press("f")  # the focus in the sidebar
        shown = [sidebar.display]
        for size in [(60, 20), (120, 40), (110, 40)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            shown.append(sidebar.display)
            if size == (120, 40):
                await pilot.press("s")  # hidden by hand: a resize that stays wide keeps it so
                shown.append(sidebar.display)
        return shown, type(pilot.app.focused).__name__

    shown, focused = drive(SkynetApp(catalog), steps, size=(120, 40))
    assert shown == [True, False, True, False, False]
    assert focused == "Timeline"  # not left in the hidden lists


def test_copy_link_reopens_the_same_view(catalog, capsys):
    start = resolve_filter(catalog, years=["2018"], countries=["US"])

    async def steps(pilot):
        await pilot.press("l")
        await pilot.pause()
        return pilot.app.clipboard, [n.message for n in pilot.app._notifications]

    link, notes = drive(SkynetApp(catalog, start), steps, notifications=True)
    assert link == f"skynet-tui --events {SMALL} --year 2018 --country US --event 2018-07-11-xu-repatriated"
    assert link in notes


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("yao extra", "2018-11-30-yao-extradited"), ("xiuzhu", "2016-11-16-yang-surrenders")],
    ids=["title", "person"],
)
def test_palette_goes_to_an_event_by_title_or_person(catalog, typed, expected):
    async def steps(pilot):
        await pilot.press("ctrl+p")
        await pilot.press(*typed)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        return selected_id(pilot)

    assert drive(SkynetApp(catalog, Filter(years=frozenset({2015}))), steps) == expected


# --- sources and links ------------------------------------------------------------------
def test_a_source_quoted_twice_is_described_once_with_both_quotes(catalog):
    event = catalog.event("2016-11-16-yang-surrenders")
    citation = event.citations[0]
    twice = event._replace(citations=(citation, citation._replace(quote="A second quote")))
    text = describe(catalog, twice).plain
    title = catalog.sources[citation.source].title
    assert "Sources (1)" in text and text.count(title) == 1
    assert f"“{citation.quote}”" in text and "“A second quote”" in text
    assert f"· {citation.source}" in text


@pytest.mark.parametrize(
    ("url", "opened"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,hi", False),
        ("https:no-host", False),
    ],
)
def test_only_http_and_https_addresses_are_opened(catalog, url, opened):
    source = catalog.sources["official-review"]
    hostile = catalog._replace(sources={**catalog.sources, "official-review": source._replace(url=url)})
    app = SkynetApp(hostile, event_id="2016-11-16-yang-surrenders")
    calls: list[str] = []
    app.open_url = lambda target, **kw: calls.append(target)

    async def steps(pilot):
        await pilot.press("o")
        await pilot.pause()
        return [n.message for n in pilot.app._notifications]

    notes = drive(app, steps, notifications=True)
    assert calls == ([url] if opened else [])
    assert is_web_address(url) is opened
    if not opened:
        assert any("Not opened" in note and url in note for note in notes)


# --- data is text, never markup ----------------------------------------------------------
def test_markup_in_the_data_is_shown_literally(catalog):
    async def steps(pilot):
        return timeline_lines(pilot), detail_text(pilot)

    lines, detail = drive(SkynetApp(catalog, event_id="2018-07-11-xu-repatriated"), steps, size=(200, 40))
    assert any("[bold]literal[/]" in line for line in lines)
    assert "Xu repatriated from the US [bold]literal[/]" in detail
    assert "[REDACTED] stays." in detail


def test_markup_in_a_search_survives_the_status_line_and_notifications(catalog):
    async def steps(pilot):
        await pilot.press("slash", *"[bold]x[/] [@click=app.quit]")
        await settle(pilot)
        await pilot.press("enter", "l")
        await pilot.pause()
        return status_text(pilot), [n.message for n in pilot.app._notifications], pilot.app.is_running

    status, notes, running = drive(SkynetApp(catalog), steps, notifications=True)
    assert running
    assert "search “[bold]x[/] [@click=app.quit]”" in status
    assert any("'[bold]x[/] [@click=app.quit]'" in note for note in notes)


# --- terminal sizes ---------------------------------------------------------------------
@pytest.mark.parametrize("size", [(40, 12), (80, 24), (200, 60)])
def test_the_explorer_works_at_every_size_and_survives_resizing(catalog, size):
    async def steps(pilot):
        await pilot.press("down")
        await pilot.resize_terminal(45, 13)
        await pilot.pause()
        small = key_bar_text(pilot)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        narrow = explorer(pilot).has_class("-narrow")
        return selected_id(pilot), timeline_lines(pilot), narrow, small, key_bar_text(pilot)

    selected, lines, narrow, small, key_bar = drive(SkynetApp(catalog), steps, size=size)
    assert selected == catalog.events[1].id
    assert any(str(catalog.events[1].date) in line for line in lines)
    assert narrow is (size[0] < 110)
    assert (len(small), len(key_bar)) == (45, size[0])  # laid out again at each size


def test_a_resize_under_the_help_is_followed_when_the_terminal_returns_to_its_first_size(catalog):
    async def steps(pilot):
        await pilot.press("question_mark")
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        narrow = key_bar_text(pilot)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        return len(narrow), len(key_bar_text(pilot))

    assert drive(SkynetApp(catalog), steps, size=(120, 40)) == (60, 120)


def test_no_color_is_honoured(catalog, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")

    async def steps(pilot):
        return pilot.app.no_color, len(shown_ids(pilot))

    assert drive(SkynetApp(catalog), steps) == (True, len(catalog.events))


# --- results ----------------------------------------------------------------------------
def test_results_view_shows_the_files_figures_and_marks_disputes(catalog):
    async def steps(pilot):
        await pilot.press("r")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ResultsScreen)
        table = screen.query_one("#years")
        return {str(key.value): [str(cell) for cell in table.get_row(key)] for key in table.rows}

    cells = drive(SkynetApp(catalog), steps)
    people, money = cells["2020"][1], cells["2020"][4]
    assert "1,421" in people and "1,400" in people and people.startswith("⚠")
    assert "2.95 billion yuan" in money


def test_choosing_a_year_in_the_results_opens_its_timeline(catalog):
    async def steps(pilot):
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        return pilot.app.screen, explorer(pilot).filter

    screen, filter = drive(SkynetApp(catalog), steps)
    assert isinstance(screen, ExplorerScreen)
    assert filter.years == {2020}


def test_the_results_table_moves_by_year_with_the_timelines_keys():
    async def steps(pilot):
        await pilot.press("r")
        await pilot.pause()
        table = pilot.app.screen.query_one("#years")
        rows = []
        for key in ["j", "j", "k", "end", "home"]:
            await pilot.press(key)
            rows.append((table.cursor_row, table.scroll_x))
        return rows, table.row_count

    rows, count = drive(SkynetApp(load_catalog(bundled_path(), use_cache=False)), steps, size=(80, 24))
    assert count > 3  # the bundled file: a row per year
    assert rows == [(1, 0), (2, 0), (1, 0), (count - 1, 0), (0, 0)]


def test_the_results_table_stays_in_view_when_the_terminal_shrinks():
    async def steps(pilot):
        await pilot.press("r")
        await pilot.pause()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        table = pilot.app.screen.query_one("#years")
        return table.region, pilot.app.screen.query_one(VerticalScroll).region

    table, view = drive(SkynetApp(load_catalog(bundled_path(), use_cache=False)), steps, size=(120, 40))
    assert view.overlaps(table) and table.y >= view.y


def test_query_and_timeline_agree_on_a_large_generated_view(catalog):
    """The timeline's rows are the query's events, with one heading per year."""

    async def steps(pilot):
        timeline = explorer(pilot).query_one(Timeline)
        return [row.position for row in timeline.rows], [row.year for row in timeline.rows if row.position is None]

    positions, headings = drive(SkynetApp(catalog), steps)
    expected = list(positions_of(Query(catalog).mask(Filter())))
    assert [p for p in positions if p is not None] == expected
    assert headings == sorted({event.date.year for event in catalog.events})


def test_markup_in_an_agency_name_is_literal_in_the_sidebar_and_detail(catalog):
    hostile_name = "[REDACTED] [b]Office[/] [@click=app.quit]"
    agency = catalog.agencies["nsc"]._replace(name=hostile_name)
    hostile = catalog._replace(agencies={**catalog.agencies, "nsc": agency})

    async def steps(pilot):
        return facet_values(pilot, "Agency (a)"), detail_text(pilot), pilot.app.is_running

    agencies, detail, running = drive(SkynetApp(hostile, event_id="2016-11-16-yang-surrenders"), steps, size=(200, 40))
    assert running
    (shown,) = [name for name in agencies if name.startswith("[REDACTED]")]
    start, end = shown.split("…")  # cut in the middle to fit the sidebar, brackets and all
    assert hostile_name.startswith(start) and hostile_name.endswith(end) and len(start) > 5 and len(end) > 5
    assert hostile_name in detail


def test_timeline_rows_put_a_heading_before_each_year_without_an_object_per_event():
    rows = Rows([2, 5, 6, 9], [(2015, 1), (2018, 3)])
    assert list(rows) == [
        Row(2015, None, 1),
        Row(2015, 2),
        Row(2018, None, 3),
        Row(2018, 5),
        Row(2018, 6),
        Row(2018, 9),
    ]
    assert [rows.row_of(position) for position in (2, 5, 6, 9)] == [1, 3, 4, 5]
    assert rows.row_of(3) is None and rows.row_of(10) is None
    assert (rows.year_row(2018), rows.year_row(2016)) == (2, None)
    assert len(Rows([], [])) == 0


# --- the cyclic collector, paused by the command line for the start -----------------------
def test_the_explorer_lets_the_collector_run_again_once_its_first_frame_is_drawn(catalog):
    async def steps(pilot):
        return gc.isenabled(), gc.get_freeze_count()

    gc.disable()  # as `skynet-tui` does before it imports the explorer
    try:
        enabled, frozen = drive(SkynetApp(catalog), steps)
    finally:
        gc.unfreeze()
        gc.enable()
    assert enabled and frozen > 0


def test_the_collector_runs_again_when_the_explorer_stops_before_it_starts(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nevents: [\n")
    assert main(["--events", str(bad)]) == 2
    assert gc.isenabled()
