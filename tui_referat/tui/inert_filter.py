"""The last line of defence against hostile text: no control character reaches the terminal.

Every Textual widget (Label, Static, TextArea, Input, Markdown, OptionList, Tree, DataTable)
passes ESC and the C1 controls of its content straight to the terminal (checked with Textual
8.2.8 in tests/safety/test_safety_inert_render.py), so a meeting file holding ``ESC ] 0 ; ...``
could retitle the window, clear the screen or worse. ``InertControls`` is a line filter applied
to every rendered line of every widget: it replaces control characters with visible symbols
(``␛``) and keeps the line its original width. The app installs it by overriding
``get_line_filters``; see ``inert_line_filters``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from ..safety.sanitize import has_any_controls, inert_all


class InertControls(LineFilter):
    """Replace control characters in rendered segments with visible pictures."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(not segment.control and has_any_controls(segment.text) for segment in segments):
            return segments
        length = Segment.get_line_length(segments)
        cleaned = [
            segment
            if segment.control
            else Segment(inert_all(segment.text), segment.style, segment.control)
            for segment in segments
        ]
        return Segment.adjust_line_length(cleaned, length)


INERT = InertControls()


def inert_line_filters(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """The app's filters plus ``INERT`` (use in ``App.get_line_filters``)."""
    return [*filters, INERT]
