"""Horizontal bar charts drawn with block characters, fitted to whatever width they get."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

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
