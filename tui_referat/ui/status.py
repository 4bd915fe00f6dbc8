"""The top line (meeting title, date, status, unsaved marker) and the bottom line (keys, file)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from .. import i18n
from ..model import Meeting, Status
from .session import Session
from .strings import STRINGS, get_lang, t


def describe(text: str) -> str:
    """A binding description or tooltip: a key into ``ui.strings`` or literal text."""
    return t(text) if text in STRINGS else text


def cycle_state(meeting: Meeting, lang: str) -> str:
    """ "UDKAST", "TIL KOMMENTERING · frist 28.10", "GODKENDT 9.12.2025"."""
    state = i18n.status_label(meeting.status, lang)
    deadline = meeting.remarks_deadline
    if meeting.status is Status.REVIEW and deadline is not None:
        day = deadline.date()
        when = f"{day.day}.{day.month}" if lang == "da" else f"{day.day}/{day.month}"
        if deadline.time() != dt.time(23, 59):
            when += " " + i18n.format_time(deadline.time(), lang)
        state += f" · {t('header.deadline', when=when)}"
    elif meeting.status is Status.APPROVED and meeting.approved is not None:
        day = meeting.approved
        state += f" {day.day}.{day.month}.{day.year}" if lang == "da" else f" {day.isoformat()}"
    return state


def _set_text(label: Label, text: str) -> None:
    """Update ``label`` only when its text changes: an update lays out the whole screen."""
    if str(label.content) != text:
        label.update(text)


class HeaderLine(Horizontal):
    """ "Møde 2 i … · 21. oktober 2025        UDKAST ● ændret"."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")

    def compose(self) -> ComposeResult:
        yield Label("", id="header-title", markup=False)
        yield Label("", id="header-state", markup=False)

    def show(self, session: Session) -> None:
        meeting = session.meeting
        lang = get_lang()
        title = meeting.title or t("header.untitled")
        if meeting.date is not None:
            title += f" · {i18n.quick_date(meeting.date, lang)}"
        state = cycle_state(meeting, lang)
        if session.read_only:
            state += f" · {t('header.read_only')}"
        if session.dirty:
            state += f" ● {t('header.modified')}"
        _set_text(self.query_one("#header-title", Label), title)
        label = self.query_one("#header-state", Label)
        _set_text(label, state)
        label.set_class(session.dirty, "-dirty")


class StatusLine(Horizontal):
    """The main keys for what has focus, then the file name and the last save time."""

    DEFAULT_CSS = HeaderLine.DEFAULT_CSS

    def compose(self) -> ComposeResult:
        yield Label("", id="status-keys", markup=False)
        yield Label("", id="status-file", markup=False)

    def show_file(self, session: Session) -> None:
        text = session.path.name
        if session.last_saved is not None:
            text += f" · {t('status.saved_at', time=session.last_saved.strftime('%H:%M'))}"
        elif session.is_new:
            text += f" · {t('status.new_file')}"
        _set_text(self.query_one("#status-file", Label), text)

    def show_keys(self, keys: list[tuple[str, str]]) -> None:
        text = "  ".join(f"{key} {description}" for key, description in keys)
        _set_text(self.query_one("#status-keys", Label), text)
