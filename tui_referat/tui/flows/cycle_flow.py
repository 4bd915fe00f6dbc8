"""The meeting cycle in the editor: a new meeting from this one, send for review, approve.

The main screen's actions call ``new_meeting_from_this``, ``send_for_review`` and ``approve``.
Each asks in a small dialog, then changes the meeting only through an edit posted to the
screen (``request_edit`` with a ``Batch`` of ``SetField``), so undo and the unsaved marker
work as for any other change. The rules come from ``tui_referat.domain.cycle``.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from textual.app import App

from ...domain import cycle
from ...domain.edits import Batch, Edit, SetField
from ...domain.errors import MeetingFileError
from ...domain.model import Meeting, Status
from ...storage import save_meeting
from ...storage.session import Session
from ...text import form_values as values
from ...text.words import get_lang, say
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form_dialogs import FieldsDialog, FieldSpec
from .safety_flow import SafetyFlow


class CycleScreen(Protocol):
    """What the cycle needs of the main screen (``MainScreen``)."""

    session: Session
    meeting: Meeting
    safety: SafetyFlow

    @property
    def app(self) -> App[Any]: ...

    def flush_pending(self) -> None: ...

    def save(self, *, checked: bool = False) -> bool: ...

    def open_send(self, include_closed: bool = False, attach: bool | None = None) -> None: ...

    def request_edit(self, edit: Edit, origin: object | None = None) -> None: ...

    def notify(self, message: str, *, severity: Any = ..., timeout: float | None = ...) -> None: ...


#: How a file name may carry the meeting's date.
_NAME_DATES = ("%Y-%m-%d", "%Y_%m_%d", "%Y%m%d", "%d-%m-%Y", "%d.%m.%Y", "%d%m%Y")
_LAST_NUMBER = re.compile(r"(\d+)(?=\D*$)")
#: Days members get for written remarks when no deadline is set yet.
REVIEW_DAYS = 7


# -- where the next meeting goes -------------------------------------------------------------


def _next_name(stem: str, previous: Meeting, new: Meeting) -> str:
    if previous.date is not None:
        for fmt in _NAME_DATES:
            old = previous.date.strftime(fmt)
            if old in stem:
                if new.date is None or new.date == previous.date:
                    return f"{stem}-next"
                return stem.replace(old, new.date.strftime(fmt))
    match = _LAST_NUMBER.search(stem)
    if match and not (previous.date and int(match[1]) == previous.date.year):
        number = str(int(match[1]) + 1).zfill(len(match[1]))
        return f"{stem[: match.start(1)]}{number}{stem[match.end(1) :]}"
    return f"{stem}-{new.date.isoformat()}" if new.date else f"{stem}-next"


def suggest_next_path(current: Path, previous: Meeting, new: Meeting) -> Path:
    """A free file name next to ``current`` for the meeting after it.

    The date in the name moves to the next meeting's date ("…-2025-10-21.toml" ->
    "…-2025-12-09.toml"), else the last number goes one up ("møde-02" -> "møde-03"), else the
    next date (or "-next") is added. A name that exists gets "-2", "-3" … added.
    """
    suffix = current.suffix or ".toml"
    name = _next_name(current.stem, previous, new)
    candidate = current.with_name(f"{name}{suffix}")
    number = 2
    while candidate.exists():
        candidate = current.with_name(f"{name}-{number}{suffix}")
        number += 1
    return candidate


def resolve_target(text: str, current: Path) -> Path:
    """The path typed in the dialog; relative paths are relative to the meeting's folder."""
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else current.parent / path


# -- new meeting from this one ----------------------------------------------------------------


def new_meeting_from_this(screen: CycleScreen) -> None:
    """Ask for a file, write the next meeting's draft there (never over a file), offer to
    open it."""
    from ...domain.next_meeting import next_meeting_from  # here: not needed at start-up

    screen.flush_pending()
    session = screen.session
    draft = next_meeting_from(session.meeting)
    default = suggest_next_path(session.path, session.meeting, draft)
    shown = default.name if default.parent == session.path.parent else str(default)

    def validate(given: dict[str, Any]) -> tuple[str, str] | None:
        if not given["path"]:
            return "path", say("forms.required", field=say("cycle.path"))
        target = resolve_target(given["path"], session.path)
        if target.exists():
            return "path", say("cycle.exists", path=str(target))
        if not target.parent.is_dir():
            return "path", say("cycle.no_folder", folder=str(target.parent))
        return None

    def chosen(given: dict[str, Any] | None) -> None:
        if given is not None:
            _write_next(screen, draft, resolve_target(given["path"], session.path))

    dialog = FieldsDialog(say("cycle.new"), [FieldSpec("path", say("cycle.path"), shown)], validate)
    screen.app.push_screen(dialog, chosen)


def _write_next(screen: CycleScreen, draft: Meeting, target: Path) -> None:
    app = screen.app
    if target.exists():  # appeared while the dialog was open
        app.notify(say("cycle.exists", path=str(target)), severity="error")
        return
    try:
        save_meeting(draft, target)
    except (MeetingFileError, OSError) as error:
        app.notify(str(error), title=say("cycle.write_failed"), severity="error", timeout=15)
        return
    carried = sum(len(item.actions) for item in draft.items)
    app.notify(say("cycle.written", path=str(target), actions=carried), timeout=10)
    key = "cycle.open_question_dirty" if screen.session.dirty else "cycle.open_question"

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        if screen.session.dirty and not screen.save():
            app.notify(say("cycle.not_opened"), severity="warning")
            return
        screen.safety.open_file(target)

    question = say(key, path=str(target))
    app.push_screen(ConfirmDialog(question, say("cycle.open"), say("cycle.stay")), answered)


# -- review and approval ----------------------------------------------------------------------


def _date_problem(field_id: str, text: str) -> tuple[str, str] | None:
    try:
        day = values.typed_date(text)
    except ValueError:
        return field_id, say("forms.bad_date", value=text.strip())
    if day is None:
        return field_id, say("forms.required", field=say(f"cycle.{field_id}"))
    return None


def send_for_review(screen: CycleScreen) -> None:
    """Ask for the deadline for written remarks; status becomes review. With ``[send]
    on_review = true`` the Send dialog opens next, so the draft goes out for remarks."""
    meeting = screen.meeting
    lang = get_lang()
    if meeting.status is Status.APPROVED:
        screen.notify(say("cycle.approved_already"), severity="warning", timeout=10)
        return
    deadline = meeting.remarks_deadline
    if deadline is None:
        start = max(dt.date.today(), meeting.date or dt.date.min)
        deadline = dt.datetime.combine(start + dt.timedelta(days=REVIEW_DAYS), dt.time(23, 59))
    moment = deadline.time()
    time_text = "" if moment == dt.time(23, 59) else values.format_time(moment, lang)

    def parsed(given: dict[str, Any]) -> dt.datetime:
        day = values.typed_date(given["deadline_date"])
        assert day is not None
        moment = values.parse_time(given["deadline_time"]) or dt.time(23, 59)
        return dt.datetime.combine(day, moment)

    def validate(given: dict[str, Any]) -> tuple[str, str] | None:
        problem = _date_problem("deadline_date", given["deadline_date"])
        if problem is not None:
            return problem
        try:
            values.parse_time(given["deadline_time"])
        except ValueError:
            return "deadline_time", say("forms.bad_time", value=given["deadline_time"])
        when = parsed(given)
        if meeting.date is not None and when.date() < meeting.date:
            date = values.field_date(meeting.date, lang)
            return "deadline_date", say("cycle.deadline_before", date=date)
        return None

    def chosen(given: dict[str, Any] | None) -> None:
        if given is None:
            return
        scratch = _transition(
            screen,
            lambda m: cycle.send_for_review(m, parsed(given)),
            ("remarks_deadline", "status"),
            say("cycle.review"),
        )
        if scratch is None:
            return
        when = deadline_text(scratch.remarks_deadline, lang)
        screen.notify(say("cycle.review.done", deadline=when))
        config = getattr(screen.app, "config", None)
        if config is not None and config.send.on_review:
            screen.open_send()  # the draft goes out for remarks now (the user still confirms)

    fields = [
        FieldSpec(
            "deadline_date", say("cycle.deadline_date"), values.field_date(deadline.date(), lang)
        ),
        FieldSpec(
            "deadline_time",
            say("cycle.deadline_time"),
            time_text,
            placeholder=values.format_time(dt.time(23, 59), lang),
        ),
    ]
    screen.app.push_screen(FieldsDialog(say("cycle.review.title"), fields, validate), chosen)


def _transition(
    screen: CycleScreen, change: Callable[[Meeting], None], names: tuple[str, ...], label: str
) -> Meeting | None:
    """Run a status change on a copy; post its fields as one undoable edit (None if refused)."""
    meeting = screen.meeting
    scratch = copy.copy(meeting)
    try:
        change(scratch)
    except cycle.CycleError as error:
        screen.notify(str(error), severity="error")
        return None
    edit = Batch(tuple(SetField(meeting, n, getattr(scratch, n)) for n in names), label=label)
    screen.request_edit(edit, origin=screen)
    return scratch


def approve(screen: CycleScreen) -> None:
    """Ask for the day of approval (default today); status becomes approved."""
    meeting = screen.meeting
    lang = get_lang()
    if meeting.status is Status.APPROVED:
        screen.notify(say("cycle.approved_already"), severity="warning", timeout=10)
        return

    def validate(given: dict[str, Any]) -> tuple[str, str] | None:
        problem = _date_problem("approve_date", given["approve_date"])
        if problem is not None:
            return problem
        day = values.typed_date(given["approve_date"])
        if meeting.date is not None and day is not None and day < meeting.date:
            date = values.field_date(meeting.date, lang)
            return "approve_date", say("cycle.approve_before", date=date)
        return None

    def chosen(given: dict[str, Any] | None) -> None:
        if given is None:
            return
        scratch = _transition(
            screen,
            lambda m: cycle.approve(m, values.typed_date(given["approve_date"])),
            ("approved", "status"),
            say("cycle.approve"),
        )
        if scratch is None:
            return
        screen.notify(say("cycle.approve.done", date=values.field_date(scratch.approved, lang)))

    today = values.field_date(dt.date.today(), lang)
    fields = [FieldSpec("approve_date", say("cycle.approve_date"), today)]
    screen.app.push_screen(FieldsDialog(say("cycle.approve.title"), fields, validate), chosen)


def deadline_text(deadline: dt.datetime | None, lang: str) -> str:
    """ "28.10" or "28.10 12.00" (the time only when it is not the end of the day)."""
    if deadline is None:
        return ""
    text = values.tag_date(deadline.date(), lang)
    if deadline.time() != dt.time(23, 59):
        text += " " + values.format_time(deadline.time(), lang)
    return text
