"""Text fitted to a width in terminal cells, as the line-drawn views show it."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from skynet_tui.app.lines import fit, fit_middle


@pytest.mark.parametrize("width", [0, 1, 2, 5, 17, 40])
@pytest.mark.parametrize(
    "text", ["", "short", "Supreme People's Procuratorate", "日本語のながい名前テスト", "a日b本c語d"]
)
def test_fitted_text_is_exactly_the_width(text, width):
    assert cell_len(fit(text, width)) == width
    assert cell_len(fit_middle(text, width)) == width


def test_fit_cuts_the_end_and_fit_middle_keeps_both_ends():
    assert fit("Supreme People's Court", 17) == "Supreme People's…"
    assert fit_middle("Supreme People's Court", 17) == "Supreme Peo…Court"
    assert fit_middle("Supreme People's Procuratorate", 17) == "Supreme Peo…orate"
    assert fit_middle("Virgin Islands, British (VG)", 17) == "Virgin Isla… (VG)"
    assert fit_middle("short", 8) == "short   "
