"""A text area that sends only the cells a typed character or a cursor move changed.

Textual's ``TextArea`` repaints the whole widget after every edit and every cursor move: the
cursor (``selection``) is a reactive that refreshes the widget. Textual then writes every row
of it to the terminal, changed or not: at 80x24 about 1,900 bytes per typed character or
arrow key in the item editor, where the cells that changed are a few dozen
(docs/PERFORMANCE.md, "Typing over a slow link"). Over a slow SSH link those bytes are the
echo's delay.

``LineRefresh`` keeps the last drawing of each row (``render_line``, the public hook Textual
paints through). When an edit or a cursor move asks for a whole repaint, or the blinking cursor
for its row (``refresh_lines``), it draws every row of the view anew and refreshes
(``refresh(Region)``) only the rows that differ, each from its first changed cell to its last.
An edit decides at its end; a cursor move and the blink decide after the next refresh, when
whatever moved the cursor is done (``load_text`` moves it before it re-wraps).
Anything else (a scroll, a new size, focus, styles) repaints as before, and so does a move
or edit that finds the view scrolled or resized since it was drawn.

What a row shows is noted when it is sent whole (the view repainted, whole rows asked for)
and by a check, as the row will show once the cells it asked for are sent. Not when Textual
draws a row for some of its cells: those cells may be drawn with newer text than the check
saw (keys in one burst, then an undo), and the rest of the row still shows the older.

It is a mixin for a ``TextArea`` subclass (``class X(LineRefresh, TextArea)``): start-up then
makes one class of Textual's for the section areas, not two (0.4 ms, docs/PERFORMANCE.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.style import Style
from textual.geometry import Offset, Region, Size
from textual.strip import Strip
from textual.widgets.text_area import Edit, EditResult

if TYPE_CHECKING:
    from textual.widgets import TextArea

    _Base = TextArea
else:
    _Base = object


def _cells(strip: Strip) -> list[tuple[str, Style | None]]:
    """The cells of ``strip``, each its text and style (a wide character's second cell is
    empty text; a zero-width character joins the cell before it)."""
    cells: list[tuple[str, Style | None]] = []
    for text, style, control in strip:
        if control:
            continue
        for char in text:
            width = cell_len(char)
            if width == 0 and cells:
                cells[-1] = (cells[-1][0] + char, cells[-1][1])
                continue
            cells.append((char, style))
            if width == 2:
                cells.append(("", style))
    return cells


def changed_columns(old: Strip | None, new: Strip) -> tuple[int, int]:
    """The columns ``[start, end)`` where ``new`` differs from ``old`` (all of ``new``'s
    when nothing was drawn)."""
    if old is None:
        return 0, new.cell_length
    before, after = _cells(old), _cells(new)
    start, limit = 0, min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_before, end_after = len(before), len(after)
    while min(end_before, end_after) > start and before[end_before - 1] == after[end_after - 1]:
        end_before -= 1
        end_after -= 1
    return start, max(end_before, end_after)


class LineRefresh(_Base):
    """For a ``TextArea``: its edits and cursor moves repaint only the cells that changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Set first: TextArea's own __init__ already refreshes.
        #: Row (0 at the top of the view) -> the strip last drawn there.
        self._drawn: dict[int, Strip] = {}
        #: The size and scroll offset the rows in ``_drawn`` were drawn at.
        self._drawn_view: tuple[Size, Offset] | None = None
        #: The next drawing sends every row whole (a repaint of the view) ...
        self._whole = False
        #: ... or these rows whole (the rows of a repaint of whole rows).
        self._whole_rows: set[int] = set()
        #: Set while Textual draws the view (``render_lines``).
        self._drawing = False
        self._in_edit = False
        self._repaint_wanted = False
        #: The cursor moved: the whole repaint the move asks for next is narrowed.
        self._moved = False
        self._check_pending = False
        super().__init__(*args, **kwargs)

    def render_lines(self, crop: Region) -> list[Strip]:
        view = (self.size, self.scroll_offset)
        if view != self._drawn_view:  # a new size or scroll: Textual draws the view anew
            self._drawn.clear()
            self._drawn_view = view
            self._whole = True
        self._drawing = True
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = False
            self._whole = False
            self._whole_rows.clear()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        # Noted only when the row is sent whole. A row drawn for a few of its cells (the cells
        # a check asked for) may show newer text than the check saw (an undo in between):
        # the terminal got only those cells, so the row is noted as the check left it.
        if self._drawing and (self._whole or y in self._whole_rows):
            self._drawn[y] = strip
        return strip

    def watch_selection(self) -> None:
        # Runs after TextArea's own watcher (which scrolls the cursor into view, refreshing
        # the whole view when it scrolls) and right before the reactive asks for a repaint.
        self._moved = True

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> LineRefresh:
        moved, self._moved = self._moved, False
        whole = repaint and not (regions or layout or recompose)
        if whole and self._in_edit:
            self._repaint_wanted = True  # decided when the edit is complete
            return self
        if whole and moved and self._check_later():
            return self
        if repaint and not regions:
            self._whole = True
        width = self.size.width
        for region in regions:  # whole rows (refresh_lines) are sent whole
            if region.x <= 0 and region.right >= width:
                self._whole_rows.update(range(region.y, region.bottom))
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self

    def refresh_lines(self, y_start: int, line_count: int = 1) -> None:
        # The blinking cursor and the matching bracket ask for their rows: only the cells
        # that changed are sent (a blink: the cursor's cell, not its row).
        if not self._check_later():
            super().refresh_lines(y_start, line_count)

    def edit(self, edit: Edit) -> EditResult:
        self._in_edit = True
        try:
            return super().edit(edit)
        finally:
            self._in_edit = False
            if self._repaint_wanted:
                self._repaint_wanted = False
                self._refresh_changed_rows()

    def _check_later(self) -> bool:
        """Compare the rows with their drawing after the next refresh; False when that
        cannot be scheduled (the caller then refreshes as Textual would)."""
        if self._check_pending:
            return True
        if not self.is_mounted or not self.call_after_refresh(self._check):
            return False
        self._check_pending = True
        return True

    def _check(self) -> None:
        self._check_pending = False
        if self.is_mounted:
            self._refresh_changed_rows()

    def _refresh_changed_rows(self) -> None:
        """Refresh the cells of the view whose drawing differs from what was drawn last
        (all of them when the view moved or changed size since)."""
        height = self.size.height
        if (self.size, self.scroll_offset) != self._drawn_view or len(self._drawn) < height:
            self._whole = True
            super().refresh()
            return
        drawn = self._drawn
        changed: list[Region] = []
        for y in range(height):
            strip = self.render_line(y)
            if strip != drawn.get(y):
                start, end = changed_columns(drawn.get(y), strip)
                changed.append(Region(start, y, max(1, end - start), 1))
                drawn[y] = strip  # what the row shows once these cells are sent
        if changed:
            super().refresh(*changed)
