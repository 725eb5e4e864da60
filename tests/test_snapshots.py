"""Layout regressions: each screen state as an SVG snapshot (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest

from skynet_tui.app.main import SkynetApp
from skynet_tui.loader import load_catalog
from skynet_tui.query import Filter

SMALL = Path(__file__).parent / "data" / "small.yaml"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(SMALL, use_cache=False)


def test_main_screen(snap_compare, catalog):
    assert snap_compare(SkynetApp(catalog), terminal_size=(120, 32))


def test_main_screen_small_terminal(snap_compare, catalog):
    assert snap_compare(SkynetApp(catalog, event_id="2018-11-30-yao-extradited"), terminal_size=(80, 24))


def test_disputed_event_detail(snap_compare, catalog):
    app = SkynetApp(catalog, event_id="2021-03-results-2020-other")
    assert snap_compare(app, terminal_size=(140, 40))


def test_empty_state(snap_compare, catalog):
    assert snap_compare(SkynetApp(catalog, Filter(search="nothing like this")), terminal_size=(100, 24))


def test_help_screen(snap_compare, catalog):
    assert snap_compare(SkynetApp(catalog), press=["question_mark"], terminal_size=(100, 36))


def test_results_screen(snap_compare, catalog):
    assert snap_compare(SkynetApp(catalog), press=["r"], terminal_size=(120, 40))
