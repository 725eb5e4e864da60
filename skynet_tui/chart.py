"""Horizontal bar charts drawn with block characters, fitted to whatever width they get."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from skynet_tui.figures import amount_text, figure_text, some_of
from skynet_tui.results import Results
from skynet_tui.vocabulary import METRICS

_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float | None  # None: no figure for this label
    text: str  # the exact figure, shown beside the bar
    marked: bool = False  # sources disagree: drawn in the warning colour


def bar_text(value: float, largest: float, width: int) -> str:
    """A bar of `width` cells at most, to eighth-of-a-cell precision."""
    if largest <= 0 or width <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.title, style="bold")
        label_width = max((len(bar.label) for bar in self.bars), default=4)
        text_width = max((len(bar.text) for bar in self.bars), default=0)
        room = max(1, options.max_width - label_width - text_width - 3)
        largest = max((bar.value for bar in self.bars if bar.value is not None), default=0)
        for bar in self.bars:
            line = Text(f"{bar.label:>{label_width}} ", no_wrap=True, overflow="ellipsis")
            if bar.value is None:
                line.append("no figure", style="dim italic")
            else:
                line.append(bar_text(bar.value, largest, room), style="yellow" if bar.marked else "cyan")
                line.append(f" {bar.text}", style="bold yellow" if bar.marked else "")
            yield line


def chart_of(results: Results, metric: str) -> BarChart:
    """One bar a year for a metric; a disputed year shows every value and is drawn marked."""
    bars = []
    for row in results.years:
        distinct = row.distinct(metric)
        if len(distinct) > 1:
            values = some_of([amount_text(metric, value) for value in distinct])
            bars.append(Bar(str(row.year), max(distinct), f"{values} (sources disagree)", marked=True))
        elif distinct:
            (entries,) = distinct.values()
            bars.append(Bar(str(row.year), entries[0].figure.value, figure_text(entries[0].figure)))
        else:
            bars.append(Bar(str(row.year), None, ""))
    return BarChart(f"{METRICS[metric][0].upper()}{METRICS[metric][1:]}, whole years", tuple(bars))
