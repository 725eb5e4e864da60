"""The detail pane: everything known about the selected event, with every citation."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from skynet_tui.catalog import Catalog, country_name
from skynet_tui.figures import figure_text
from skynet_tui.model import Event, Figure
from skynet_tui.text import one_line, visible
from skynet_tui.vocabulary import METRICS

_LABEL = "$text-muted"
NOTHING_SELECTED = "No event selected. Move in the timeline with ↑/↓ or j/k."
NOTHING_MATCHES = "No event matches the filters: x clears them."


def _line(label: str, value: str) -> Content:
    return Content.assemble((f"{label:<11}", _LABEL), visible(value), "\n")


def describe(catalog: Catalog, event: Event) -> Content:
    """The event as styled Content; every piece of data goes in as plain text, never markup."""
    parts: list[Content] = [
        Content.styled(visible(event.title), "bold $text-accent"),
        Content("\n\n"),
        _line("Date", event.date.long()),
        _line("Type", event.type),
    ]
    if event.operation:
        parts.append(_line("Operation", event.operation))
    if event.people:
        parts.append(_line("People", ", ".join(event.people)))
    if event.agencies:
        parts.append(_line("Agencies", "; ".join(catalog.agency_names(event))))
    if event.countries:
        parts.append(_line("Countries", ", ".join(f"{country_name(c)} ({c})" for c in event.countries)))
    parts.append(_line("Id", event.id))
    parts += [Content("\n"), Content(visible(event.summary)), Content("\n")]
    if event.note:
        parts += [Content("\n"), Content.assemble(("Note: ", "bold $text-warning"), visible(event.note)), Content("\n")]
    if event.figures:
        parts += [Content("\n"), Content.styled("Figures\n", "bold")]
        parts += [_figure(catalog, figure) for figure in event.figures]
    quotes: dict[str, list[str]] = {}  # each source once, with every quote taken from it
    for citation in event.citations:
        quotes.setdefault(citation.source, []).append(citation.quote)
    parts += [Content("\n"), Content.styled(f"Sources ({len(quotes)})\n", "bold")]
    for source_id, texts in quotes.items():
        source = catalog.sources[source_id]
        published = source.published.long() if source.published else "date not known"
        parts.append(Content.assemble("\n", (visible(source.title), "bold"), "\n"))
        parts.append(
            Content.styled(f"{one_line(source.publisher)} · {published} · {source.kind} · {source_id}\n", _LABEL)
        )
        if source.low_trust:
            parts.append(Content.styled("Low-trust source: use only where others agree.\n", "$text-warning"))
        if source.note:
            parts.append(Content.styled(visible(source.note) + "\n", "italic " + _LABEL))
        if source.url:
            parts.append(Content.assemble((visible(source.url), "underline"), ("  (o opens it)\n", _LABEL)))
        for text in texts:  # in quotation marks, not behind a bar that wrapped lines would lose
            parts.append(Content.styled(f"\n“{visible(text)}”\n", "italic"))
    return Content("").join(parts)


def _figure(catalog: Catalog, figure: Figure) -> Content:
    period = figure.period.long()
    scope = "" if figure.scope == "all" else f", {figure.scope}"
    text = Content.assemble(
        "• ",
        (METRICS[figure.metric].split(" (")[0], "bold"),
        f": {figure_text(figure)} ({period}{scope}; source {figure.source})",
    )
    if figure.note:
        text += Content.styled(f" — {one_line(figure.note)}", _LABEL)
    if figure.key in catalog.disputes:
        others = [
            f"{figure_text(other)} ({other.source}, event {event_id})"
            for event_id, other in catalog.disputes[figure.key]
            if other.value != figure.value
        ]
        text += Content.assemble("\n  ", ("Disputed: ", "bold $text-error"), "other sources give " + "; ".join(others))
    return text + Content("\n")


class Detail(ScrollView, can_focus=True):
    """Scrollable detail of one event; shows how to find one when nothing is selected.

    The text is wrapped once per event, width and colours, and drawn line by line. A Static in a
    scrolling container would be laid out twice for every new event, and each layout
    repaints most of the screen.
    """

    DEFAULT_CSS = """
    Detail { padding: 0 1; background: $surface; border-left: tall $panel; scrollbar-gutter: stable; }
    Detail:focus { background-tint: $foreground 4%; }
    """
    BINDINGS = [("j", "scroll_down", "Scroll"), ("k", "scroll_up", "Scroll")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[Event | None, bool] = (None, True)  # the event, and whether any matched
        self.content = Content(NOTHING_SELECTED)
        self._lines: list[Strip] = []
        self._lines_style: Style | None = None  # the colours drawn into the lines

    def show(self, catalog: Catalog, event: Event | None, *, any_matched: bool = True) -> None:
        if event is self.shown[0] and any_matched == self.shown[1]:
            return
        self.shown = (event, any_matched)
        if event is not None:
            self.content = describe(catalog, event)
        else:
            self.content = Content(NOTHING_SELECTED if any_matched else NOTHING_MATCHES)
        self._wrap()
        self.scroll_home(animate=False)

    def _wrap(self) -> None:
        width = self.scrollable_content_region.width
        self._lines_style = self.visual_style
        self._lines = Visual.to_strips(self, self.content, width, None, self._lines_style, pad=True) if width else []
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def selection_updated(self, selection: Selection | None) -> None:
        self._wrap()  # the highlight of a mouse selection is drawn into the lines

    def render(self) -> Content:
        """The whole text, which Textual's mouse selection copies from."""
        return self.content

    def render_line(self, y: int) -> Strip:
        if self.visual_style != self._lines_style or self.scrollable_content_region.width != self.virtual_size.width:
            self._wrap()  # new colours (focus tints them), a new width, or the first frame (before its Resize)
        index = y + self.scroll_offset.y
        if index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)
