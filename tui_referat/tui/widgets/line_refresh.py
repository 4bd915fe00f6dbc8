"""A text area that sends only the rows a typed character changed.

Textual's ``TextArea`` repaints the whole widget after every edit: the edit moves the cursor,
and the cursor (``selection``) is a reactive that refreshes the widget. Textual then writes every
row of it to the terminal, changed or not: at 80x24 about 1,900 bytes per typed character in
the item editor, where the row with the cursor is about 170 (docs/PERFORMANCE.md, "Typing over
a slow link"). Over a slow SSH link those bytes are the echo's delay.

``LineRefreshArea`` keeps the last drawing of each row (``render_line``, the public hook
Textual paints through), and when an edit asks for a whole repaint it draws every row of the
view anew and refreshes only those that differ (``refresh(Region)``). Anything else (a scroll,
a new size, a re-wrap that changes the height, focus, styles) repaints as before.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Offset, Region, Size
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult


class LineRefreshArea(TextArea):
    """A ``TextArea`` whose edits repaint only the rows whose drawing changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Set first: TextArea's own __init__ already refreshes.
        #: Row (0 at the top of the view) -> the strip last drawn there.
        self._drawn: dict[int, Strip] = {}
        #: The size and scroll offset the rows in ``_drawn`` were drawn at.
        self._drawn_view: tuple[Size, Offset] | None = None
        self._in_edit = False
        self._repaint_wanted = False
        super().__init__(*args, **kwargs)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        view = (self.size, self.scroll_offset)
        if view != self._drawn_view:
            self._drawn.clear()
            self._drawn_view = view
        self._drawn[y] = strip
        return strip

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> LineRefreshArea:
        if self._in_edit and repaint and not (regions or layout or recompose):
            self._repaint_wanted = True  # decided when the edit is complete
            return self
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self

    def edit(self, edit: Edit) -> EditResult:
        self._in_edit = True
        try:
            return super().edit(edit)
        finally:
            self._in_edit = False
            if self._repaint_wanted:
                self._repaint_wanted = False
                self._refresh_changed_rows()

    def _refresh_changed_rows(self) -> None:
        """Refresh the rows of the view whose drawing differs from what was drawn last (all
        of them when the view moved or changed size since)."""
        height = self.size.height
        if (self.size, self.scroll_offset) != self._drawn_view or len(self._drawn) < height:
            super().refresh()
            return
        width = self.size.width
        drawn = dict(self._drawn)
        changed = [
            Region(0, y, width, 1) for y in range(height) if self.render_line(y) != drawn.get(y)
        ]
        if changed:
            super().refresh(*changed)
