"""The top line (meeting title, date, status, unsaved marker) and the bottom line (keys, file)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

from ...domain.model import Meeting, Status
from ...storage.session import Session
from ...text import i18n
from ...text.words import get_lang, say
from ..keys import describe

#: Binding ids shown in the status line: these first, then the focused widget's own keys,
#: then the tail. What does not fit is cut at the right.
STATUS_HEAD = ("focus_nav", "save", "export", "help")
STATUS_TAIL = ("palette", "preview", "quit")
#: Keys not shown in the status line when the file is open read-only.
READ_ONLY_HIDDEN = ("save",)


def cycle_state(meeting: Meeting, lang: str) -> str:
    """ "UDKAST", "TIL KOMMENTERING · frist 28.10", "GODKENDT 9.12.2025"."""
    state = i18n.status_label(meeting.status, lang)
    deadline = meeting.remarks_deadline
    if meeting.status is Status.REVIEW and deadline is not None:
        day = deadline.date()
        when = f"{day.day}.{day.month}" if lang == "da" else f"{day.day}/{day.month}"
        if deadline.time() != dt.time(23, 59):
            when += " " + i18n.format_time(deadline.time(), lang)
        state += f" · {say('header.deadline', when=when)}"
    elif meeting.status is Status.APPROVED and meeting.approved is not None:
        day = meeting.approved
        state += f" {day.day}.{day.month}.{day.year}" if lang == "da" else f" {day.isoformat()}"
    return state


def status_keys(screen: Screen, *, nav_focused: bool, read_only: bool) -> list[tuple[str, str]]:
    """(key, description) of the keys the status line shows for ``screen`` and its focus."""
    seen: dict[str, tuple[str, str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or binding.id in seen or not active.enabled:
            continue
        if binding.id == "focus_nav" and nav_focused:
            continue
        if binding.id in READ_ONLY_HIDDEN and read_only:
            continue  # nothing to save in a file opened read-only
        if binding.show or binding.id in STATUS_HEAD + STATUS_TAIL:
            key = screen.app.get_key_display(binding)
            seen[binding.id] = (key, describe(binding.description))
    known = STATUS_HEAD + STATUS_TAIL
    order = [i for i in STATUS_HEAD if i in seen]
    order += [i for i in seen if i not in known]
    order += [i for i in STATUS_TAIL if i in seen]
    return [seen[i] for i in order]


if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object

#: The parts' styles (status.tcss, read by the app with the main screen's stylesheets).
_PARTS = {"line--left", "line--right", "line--dirty"}


class _TwoPartLine(_Base):
    """One line: a left part cut with … when it does not fit, a right part kept whole.

    One widget, not two labels in a row: the editor's first screen has fewer widgets to
    style and lay out, and a changed text repaints this line only (no layout). A mixin for a
    ``Widget`` with ``COMPONENT_CLASSES = _PARTS``: start-up makes one class of Textual's for
    each line, not three for the two (docs/PERFORMANCE.md).
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left = ""
        self.right = ""
        self.alert = False

    def set_parts(self, left: str, right: str, alert: bool = False) -> None:
        if (left, right, alert) != (self.left, self.right, self.alert):
            self.left, self.right, self.alert = left, right, alert
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        right = f" {self.right} " if self.right else ""
        room = max(0, width - cell_len(right) - 1)
        left = self.left
        if cell_len(left) > room:
            left = set_cell_size(left, max(0, room - 1)) + "…" if room else ""
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(" " + set_cell_size(left, room), self.get_component_rich_style("line--left"))
        style = "line--dirty" if self.alert else "line--right"
        text.append(right, self.get_component_rich_style(style))
        return text


class HeaderLine(_TwoPartLine, Widget):
    """ "Møde 2 i … · 21. oktober 2025        UDKAST ● ændret"."""

    COMPONENT_CLASSES: ClassVar[set[str]] = _PARTS

    def show(self, session: Session) -> None:
        meeting = session.meeting
        lang = get_lang()
        title = meeting.title or say("header.untitled")
        if meeting.date is not None:
            title += f" · {i18n.quick_date(meeting.date, lang)}"
        state = cycle_state(meeting, lang)
        if session.read_only:
            state += f" · {say('header.read_only')}"
        if session.dirty:
            state += f" ● {say('header.modified')}"
        self.set_parts(title, state, alert=session.dirty)

    @property
    def title_text(self) -> str:
        return self.left

    @property
    def state_text(self) -> str:
        return self.right


class StatusLine(_TwoPartLine, Widget):
    """The main keys for what has focus, then the file name and the last save time."""

    COMPONENT_CLASSES: ClassVar[set[str]] = _PARTS

    def show_file(self, session: Session) -> None:
        text = session.path.name
        if session.last_saved is not None:
            text += f" · {say('status.saved_at', time=session.last_saved.strftime('%H:%M'))}"
        elif session.is_new:
            text += f" · {say('status.new_file')}"
        self.set_parts(self.left, text)

    def show_keys(self, keys: list[tuple[str, str]]) -> None:
        text = "  ".join(f"{key} {description}" for key, description in keys)
        self.set_parts(text, self.right)

    @property
    def keys_text(self) -> str:
        return self.left
