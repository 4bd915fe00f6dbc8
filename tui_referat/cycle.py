"""The meeting cycle: a new meeting from the last, review and approval, open actions, timing.

Pure Python on the model: no Textual, no TOML. Reading files for ``collect_actions`` goes
through ``storage``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import i18n
from .model import (
    Action,
    AgendaItem,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    Participant,
    Status,
)


class CycleError(ValueError):
    """A status change that the meeting's state does not allow."""


# -- a new meeting ---------------------------------------------------------------------------


def _lang(lang: str | None, fallback: str = "da") -> str:
    return lang if lang in i18n.LABELS else fallback


def new_meeting(
    lang: str = "da", title: str | None = None, today: dt.date | None = None
) -> Meeting:
    """A template meeting: a title, a welcome and an any-other-business item, status draft."""
    lang = _lang(lang)
    today = today or dt.date.today()
    return Meeting(
        title=title or i18n.label("new_meeting_title", lang),
        lang=lang,
        status=Status.DRAFT,
        header=[CaseField(key="doc_date", value=today.strftime("%d-%m-%Y"))],
        items=[
            AgendaItem(title=i18n.label("welcome_item", lang), standing=True),
            AgendaItem(title=i18n.label("aob_item", lang), standing=True),
        ],
    )


_NUMBER_AFTER = re.compile(r"(?i)\b(møde|meeting|mødet|session|nr\.?|no\.?)(\s+)(\d{1,4})(?!\d)")
_NUMBER_BEFORE = re.compile(r"(?i)(?<!\d)(\d{1,4})(\.?\s+)(møde|meeting)\b")


def next_title(title: str) -> str:
    """The title with its meeting number one up: "Møde 2 i …" -> "Møde 3 i …".

    A title without a meeting number is returned as it is.
    """
    match = _NUMBER_AFTER.search(title)
    if match:
        number = int(match.group(3)) + 1
        return f"{title[: match.start(3)]}{number}{title[match.end(3) :]}"
    match = _NUMBER_BEFORE.search(title)
    if match:
        number = int(match.group(1)) + 1
        return f"{title[: match.start(1)]}{number}{title[match.end(1) :]}"
    return title


_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")


def _today_like(value: str, today: dt.date) -> str:
    """Today's date written the way ``value`` writes a date; empty when no format fits."""
    for fmt in _DATE_FORMATS:
        try:
            dt.datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return today.strftime(fmt)
    return ""


def _cycle_labels(key: str) -> set[str]:
    return {i18n.label(key, lang).casefold() for lang in i18n.LABELS}


def _carried_item(item: AgendaItem) -> AgendaItem:
    return AgendaItem(
        title=item.title,
        kind=item.kind,
        duration=item.duration,
        presenters=list(item.presenters),
        standing=True,
    )


def next_meeting_from(
    previous: Meeting,
    lang: str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
) -> Meeting:
    """The next meeting's draft, started from ``previous``.

    Carries participants (attendance reset to present, notes cleared), chair, secretary, the
    case header (``doc_date`` set to today in the same date format, or cleared), and standing
    items (title, kind, presenters, duration; empty sections). Date, times and place come from
    ``previous.next_meeting`` (times and place fall back to the previous meeting's). The agenda
    is: the opening standing items (those before the first other item, e.g. a welcome), the
    approval of the last minutes, a follow-up item with every open action (when there is
    one), then the remaining standing items (e.g. any other business). When every item is
    standing, only the first counts as opening.
    """
    lang = _lang(lang, _lang(previous.lang))
    today = today or dt.date.today()
    header = []
    for field in previous.header:
        value = field.value
        if field.key == "doc_date":
            value = _today_like(value, today)
        header.append(CaseField(key=field.key, value=value, label=field.label))
    participants = [
        Participant(
            name=person.name,
            title=person.title,
            organisation=person.organisation,
            email=person.email,
            attendance=Attendance.PRESENT,
        )
        for person in previous.participants
    ]
    generated = _cycle_labels("approval_item") | _cycle_labels("follow_up_item")
    opening: list[AgendaItem] = []
    closing: list[AgendaItem] = []
    seen_other = False
    for item in previous.items:
        if not item.standing or item.title.strip().casefold() in generated:
            seen_other = True
            continue
        (closing if seen_other else opening).append(_carried_item(item))
    if not seen_other and len(opening) > 1:  # only standing items: welcome first, rest last
        opening, closing = opening[:1], opening[1:]
    items = [*opening, AgendaItem(title=i18n.label("approval_item", lang), kind=Kind.DECISION)]
    open_actions = [
        Action(text=action.text, owner=action.owner, due=action.due)
        for _, _, action in previous.open_actions()
    ]
    if open_actions:
        items.append(
            AgendaItem(
                title=i18n.label("follow_up_item", lang),
                kind=Kind.INFORMATION,
                actions=open_actions,
            )
        )
    items.extend(closing)
    nxt = previous.next_meeting
    return Meeting(
        title=title or next_title(previous.title),
        lang=lang,
        status=Status.DRAFT,
        date=nxt.date if nxt else None,
        start=(nxt.start if nxt and nxt.start else previous.start),
        end=(nxt.end if nxt and nxt.end else previous.end),
        location=(nxt.location if nxt and nxt.location else previous.location),
        chair=previous.chair,
        secretary=previous.secretary,
        header=header,
        participants=participants,
        items=items,
    )


# -- status ----------------------------------------------------------------------------------


def send_for_review(meeting: Meeting, deadline: dt.datetime | dt.date | None) -> None:
    """Draft -> review: the minutes go out for written remarks until ``deadline``.

    A bare date means the end of that day. Sending again while in review moves the deadline.
    """
    if meeting.status is Status.APPROVED:
        raise CycleError("the minutes are approved; reopen them before sending them for review")
    if deadline is None:
        raise CycleError("a deadline for written remarks is needed to send for review")
    if not isinstance(deadline, dt.datetime):
        deadline = dt.datetime.combine(deadline, dt.time(23, 59))
    if meeting.date is not None and deadline.date() < meeting.date:
        raise CycleError(
            f"the deadline {deadline.date().isoformat()} is before the meeting "
            f"({meeting.date.isoformat()})"
        )
    meeting.remarks_deadline = deadline
    meeting.status = Status.REVIEW


def approve(meeting: Meeting, day: dt.date | None) -> None:
    """Draft or review -> approved on ``day``."""
    if meeting.status is Status.APPROVED:
        raise CycleError("the minutes are already approved")
    if day is None:
        raise CycleError("the day of approval is needed to approve the minutes")
    if isinstance(day, dt.datetime):
        day = day.date()
    if meeting.date is not None and day < meeting.date:
        raise CycleError(
            f"the minutes cannot be approved ({day.isoformat()}) before the meeting "
            f"({meeting.date.isoformat()})"
        )
    meeting.approved = day
    meeting.status = Status.APPROVED


def reopen(meeting: Meeting) -> None:
    """Back to draft (e.g. to correct approved minutes); the approval date is cleared."""
    meeting.status = Status.DRAFT
    meeting.approved = None


# -- timing ----------------------------------------------------------------------------------


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def plan_overrun(meeting: Meeting) -> int | None:
    """Minutes by which the agenda plan runs past the meeting's end; None when it does not.

    The plan's end is the latest known moment: an item's planned start plus its duration.
    """
    if meeting.end is None:
        return None
    latest: int | None = None
    for item, start in zip(meeting.items, meeting.planned_times(), strict=True):
        if start is None:
            continue
        moment = _minutes(start) + (item.duration or 0)
        latest = moment if latest is None else max(latest, moment)
    if latest is None:
        return None
    over = latest - _minutes(meeting.end)
    return over if over > 0 else None


# -- open actions across meetings -----------------------------------------------------------


@dataclass
class OpenAction:
    """An action found in a meeting file, with where it came from."""

    text: str
    owner: str
    due: dt.date | None
    done: bool
    meeting_title: str
    meeting_date: dt.date | None
    path: Path
    item_number: int
    item_title: str
    overdue: bool

    def sort_key(self) -> tuple:
        return (
            not self.overdue,
            self.due is None,
            self.due or dt.date.max,
            self.meeting_date or dt.date.min,
            str(self.path),
            self.item_number,
        )


def meeting_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, named) for every file named and every ``*.toml`` under a named folder.

    ``named`` is True for files given directly. Hidden folders are skipped.
    """
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.rglob("*.toml")):
                parts = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in parts):
                    continue
                found.append((candidate, False))
        else:
            found.append((path, True))
    return found


def _looks_like_meeting(path: Path) -> bool:
    """A cheap sniff for folder scans: skip TOML files that are clearly not meetings."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    return bool(re.search(r"(?m)^\s*(format\s*=|\[\[items\]\]|\[\[participants\]\])", head))


def actions_of(
    meeting: Meeting, path: Path, today: dt.date, include_done: bool = False
) -> list[OpenAction]:
    found = []
    for index, item in enumerate(meeting.items):
        for action in item.actions:
            if action.done and not include_done:
                continue
            found.append(
                OpenAction(
                    text=action.text,
                    owner=action.owner,
                    due=action.due,
                    done=action.done,
                    meeting_title=meeting.title,
                    meeting_date=meeting.date,
                    path=path,
                    item_number=meeting.item_number(index),
                    item_title=item.title,
                    overdue=(not action.done and action.due is not None and action.due < today),
                )
            )
    return found


def _same_action(found: OpenAction) -> tuple[str, str, dt.date | None]:
    return (" ".join(found.text.split()).casefold(), found.owner.casefold(), found.due)


def collect_actions(
    paths: Iterable[str | Path],
    *,
    today: dt.date | None = None,
    include_done: bool = False,
    on_error: Callable[[Path, Exception], None] | None = None,
) -> list[OpenAction]:
    """Open actions in the meeting files at ``paths`` (files or folders), overdue first.

    Then by due date, undated last. An action carried from one meeting into the next (same
    text, owner and due date) is listed once, as it stands in the latest meeting: marking it
    done there closes it. Files that fail to load are passed to ``on_error`` and skipped.
    """
    from .errors import MeetingFileError
    from .storage import load_meeting

    today = today or dt.date.today()
    latest: dict[tuple, tuple[tuple, OpenAction]] = {}
    for path, named in meeting_files(paths):
        if not named and not _looks_like_meeting(path):
            continue
        try:
            meeting = load_meeting(path)
        except (MeetingFileError, OSError, UnicodeDecodeError) as error:
            if on_error is not None:
                on_error(path, error)
            continue
        for order, found in enumerate(actions_of(meeting, path, today, include_done=True)):
            # an undated meeting is most likely the newest draft
            rank = (found.meeting_date or dt.date.max, str(path), order)
            key = _same_action(found)
            if key not in latest or latest[key][0] < rank:
                latest[key] = (rank, found)
    result = [found for _, found in latest.values() if include_done or not found.done]
    return sorted(result, key=OpenAction.sort_key)
