"""The detail pane: everything known about the selected event, with every citation."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from skynet_tui.catalog import Catalog, country_name
from skynet_tui.figures import figure_text
from skynet_tui.model import Event, Figure
from skynet_tui.text import one_line, visible
from skynet_tui.vocabulary import METRICS

_LABEL = "$text-muted"


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
    parts += [Content("\n"), Content.styled(f"Sources ({len(event.citations)})\n", "bold")]
    for citation in event.citations:
        source = catalog.sources[citation.source]
        published = source.published.long() if source.published else "date not known"
        parts.append(Content.assemble("\n", (visible(source.title), "bold"), "\n"))
        parts.append(Content.styled(f"{one_line(source.publisher)} · {published} · {source.kind}\n", _LABEL))
        if source.low_trust:
            parts.append(Content.styled("Low-trust source: use only where others agree.\n", "$text-warning"))
        if source.note:
            parts.append(Content.styled(visible(source.note) + "\n", "italic " + _LABEL))
        if source.url:
            parts.append(Content.assemble((visible(source.url), "underline"), ("  (o opens it)\n", _LABEL)))
        quote = "\n".join("  │ " + line for line in visible(citation.quote).splitlines())
        parts.append(Content.styled(f"\n{quote}\n", "italic"))
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


class Detail(VerticalScroll, can_focus=True):
    """Scrollable detail of one event; shows how to find one when nothing is selected."""

    DEFAULT_CSS = """
    Detail { padding: 0 1; background: $surface; border-left: tall $panel; }
    Detail:focus { background-tint: $foreground 4%; }
    """
    BINDINGS = [("j", "scroll_down", "Scroll"), ("k", "scroll_up", "Scroll")]

    def compose(self):
        yield Static(id="detail-body")

    def show(self, catalog: Catalog, event: Event | None) -> None:
        body = self.query_one("#detail-body", Static)
        if event is None:
            body.update(Content("No event selected. Move in the timeline with ↑/↓ or j/k."))
        else:
            body.update(describe(catalog, event))
        self.scroll_home(animate=False)
