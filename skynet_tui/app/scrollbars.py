"""The vertical scrollbar of a view that draws its own lines, from the first layout on."""

from __future__ import annotations

from textual.widget import Widget


def expect_overflow(view: Widget) -> None:
    """Show the view's vertical scrollbar now if its content is taller than the whole screen.

    Textual decides on a scrollbar only once it has laid the view out; a view that needs one
    then makes it lay out and draw the screen again (about 10 ms of the first frame). Content
    taller than the screen needs one whatever the layout, so this only answers early; from the
    first layout on, Textual decides as usual.
    """
    if not view.size and view.virtual_size.height > view.app.size.height:
        view.show_vertical_scrollbar = True
