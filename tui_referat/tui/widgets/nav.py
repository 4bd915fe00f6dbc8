"""The navigation panel: meeting details, participants, the agenda items, next meeting.

A line-API widget (one line per node, drawn on demand) so a 500-item agenda moves as fast as
a 5-item one. The selected node is marked with ▶ and drawn bold / reverse, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...domain.cycle import plan_overrun
from ...domain.model import Attendance, Meeting
from ...domain.record import Frozen
from ...safety.sanitize import one_line
from ...text import i18n
from ...text.words import get_lang, say, say_in


class Node(Frozen):
    """A row of the navigation panel: "details", "participants", "item" (with index), "next".

    A ``Frozen`` value, not a frozen dataclass or a named tuple: those classes cost 0.6 ms and
    0.15 ms to make at start-up (they compile their methods when the class is made)."""

    __slots__ = ("index", "kind")
    _FIELDS = ("kind", "index")

    kind: str
    index: int

    def __init__(self, kind: str, index: int = -1) -> None:
        self._set(kind=kind, index=index)


DETAILS = Node("details")
PARTICIPANTS = Node("participants")
NEXT = Node("next")


def _fit(text: str, width: int) -> str:
    """``text`` cut with … or padded to exactly ``width`` cells (control characters shown as
    the visible symbols the screen shows them as, so they are measured as such)."""
    if width <= 0:
        return ""
    text = one_line(text)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class NavPanel(ScrollView, can_focus=True):
    """The meeting's structure; posts ``Highlighted`` on every move, calls ``opener`` on Enter."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"nav--cursor"}

    #: All priority bindings (they apply only while the agenda has the focus): the app runs
    #: them as it reads each key, in the order typed. Enter opens the item and moves the focus
    #: at once (see ``opener``), so keys typed after it reach the item; a Down typed before it
    #: has moved the cursor already, so Enter opens the item the user moved to.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, action, description, show=show, priority=True, id=id_, tooltip=tooltip)
        for key, action, description, id_, show, tooltip in (
            ("up", "cursor_up", "nav.up", "nav.up", False, ""),
            ("down", "cursor_down", "nav.down", "nav.down", False, ""),
            ("home", "first", "nav.first", "nav.first", False, ""),
            ("end", "last", "nav.last", "nav.last", False, ""),
            ("pageup", "page_up", "nav.page_up", "nav.page_up", False, ""),
            ("pagedown", "page_down", "nav.page_down", "nav.page_down", False, ""),
            ("enter", "open", "nav.open", "nav.open", False, "nav.open.tip"),
            ("a,insert", "add_item", "nav.add", "nav.add", True, "nav.add.tip"),
            ("d", "duplicate_item", "nav.duplicate", "nav.duplicate", False, ""),
            ("l", "toggle_closed", "nav.closed", "nav.closed", False, "nav.closed.tip"),
            ("x,delete", "delete_item", "nav.delete", "nav.delete", True, "nav.delete.tip"),
            ("ctrl+up,K", "move_item(-1)", "nav.move_up", "nav.move_up", False, ""),
            ("ctrl+down,J", "move_item(1)", "nav.move_down", "nav.move_down", False, ""),
            ("u", "screen.undo", "undo", "nav.undo", False, ""),
            ("tab", "leave(1)", "nav.leave", "nav.leave", False, ""),
            ("shift+tab", "leave(-1)", "nav.leave_back", "nav.leave_back", False, ""),
        )
    ]

    cursor: reactive[int] = reactive(0, init=False, always_update=True)

    class Highlighted(Message):
        def __init__(self, node: Node) -> None:
            super().__init__()
            self.node = node

    class ItemOperation(Message):
        """The user asked for an agenda operation on the selected item (add, delete …)."""

        def __init__(self, operation: str, index: int, delta: int = 0) -> None:
            super().__init__()
            self.operation = operation
            self.index = index
            self.delta = delta

    def __init__(
        self, meeting: Meeting, opener: Callable[[Node], None], *, id: str | None = None
    ) -> None:
        """``opener`` shows a node and moves the focus into it in the same turn, so keys
        typed right after Enter go there; through a message they would reach the agenda
        first ("a" would add an item)."""
        super().__init__(id=id)
        self.opener = opener
        self.meeting = meeting
        self.rows: list[Node] = []
        self._times: list = []
        self.rebuild(post=False)
        first_item = 2 if meeting.items else 0
        self.set_reactive(NavPanel.cursor, first_item)

    # -- model -> rows ------------------------------------------------------------------

    def rebuild(self, post: bool = True) -> None:
        """Re-read the meeting's structure (after items were added, removed or moved)."""
        items = [Node("item", i) for i in range(len(self.meeting.items))]
        self.rows = [DETAILS, PARTICIPANTS, *items, NEXT]
        # Rows are cut to the width, never scrolled sideways: the virtual width is 0, so a
        # resize does not change it (a change would lay out the whole screen again).
        self.virtual_size = Size(0, len(self.rows))
        if self.cursor >= len(self.rows):
            self.set_reactive(NavPanel.cursor, len(self.rows) - 1)
        self.refresh()
        if post:
            self.post_message(self.Highlighted(self.node))

    @property
    def node(self) -> Node:
        return self.rows[self.cursor]

    def select(self, node: Node) -> None:
        """Move the cursor to ``node`` (if it exists)."""
        if node in self.rows:
            self.cursor = self.rows.index(node) if node.kind != "item" else node.index + 2

    def _row_text(self, row: int, width: int) -> str:
        node = self.rows[row]
        lang = get_lang()
        marker = "▶" if row == self.cursor else " "
        if node.kind == "item":
            item = self.meeting.items[node.index]
            number_width = len(str(len(self.meeting.items))) + 1
            number = f"{node.index + 1}.".rjust(number_width)
            kind = f" ({item.kind.value})" if item.kind else ""
            planned = self._times[node.index] if node.index < len(self._times) else None
            time = f" {i18n.format_time(planned, lang)}" if planned else ""
            closed = f"{say('nav.closed_mark')} " if item.closed else ""  # "[L] ": text, no colour
            title_width = width - 1 - number_width - 1 - len(closed) - len(kind) - len(time)
            title = _fit(item.title or "…", max(title_width, 1))
            return _fit(f"{marker}{number} {closed}{title}{kind}{time}", width)
        if node.kind == "details":
            over = plan_overrun(self.meeting)
            warning = f"  {say('nav.overrun', minutes=over)}" if over else ""
            return _fit(f"{marker}◆ {say('nav.details')}{warning}", width)
        if node.kind == "participants":
            away = self.meeting.attendance_counts()[Attendance.APOLOGIES]
            text = say("nav.participants", total=len(self.meeting.participants), away=away)
            return _fit(f"{marker}◆ {text}", width)
        next_meeting = self.meeting.next_meeting
        when = ""
        if next_meeting is not None and next_meeting.date is not None:
            when = "  " + i18n.quick_date(next_meeting.date, lang)
        return _fit(f"{marker}◆ {say_in(lang, 'next_meeting')}{when}", width)

    # -- drawing ------------------------------------------------------------------------

    def render_lines(self, crop):  # type: ignore[no-untyped-def]
        # Planned times are computed once per repaint, not once per line.
        self._times = self.meeting.planned_times()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, style)
        if row == self.cursor:
            style = style + self.get_component_rich_style("nav--cursor")
        return Strip([Segment(self._row_text(row, width), style)], width)

    # -- moving -------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        _, top = self.scroll_offset
        height = self.scrollable_content_region.height or 1
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)
        self.refresh()
        if old != new:
            self.post_message(self.Highlighted(self.node))

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_open(self) -> None:
        self.opener(self.node)

    def action_leave(self, step: int) -> None:
        """Tab / Shift+Tab out of the agenda: the editor shows the node under the cursor first
        (it follows the cursor only after a rest), so keys typed next go to that node."""
        screen = self.screen
        move = screen.focus_next if step > 0 else screen.focus_previous
        catch_up = getattr(screen, "catch_up", None)
        if catch_up is None:
            move()
        else:
            catch_up(move)

    # -- agenda operations (applied by the main screen) ---------------------------------

    def _item_op(self, operation: str, delta: int = 0) -> None:
        node = self.node
        index = node.index if node.kind == "item" else -1
        self.post_message(self.ItemOperation(operation, index, delta))

    def action_add_item(self) -> None:
        self._item_op("add")

    def action_duplicate_item(self) -> None:
        self._item_op("duplicate")

    def action_delete_item(self) -> None:
        self._item_op("delete")

    def action_toggle_closed(self) -> None:
        self._item_op("closed")

    def action_move_item(self, delta: int) -> None:
        self._item_op("move", delta)
