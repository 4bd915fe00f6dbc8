"""The meeting cycle: a new meeting from the last, review and approval, open actions, timing.

Pure Python on the model: no Textual, no TOML. Reading files for ``collect_actions`` goes
through ``storage``. The new meeting itself is built in ``cycle_next``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Meeting, Status

if TYPE_CHECKING:
    from .next_meeting import (
        is_approval_item,
        is_follow_up_item,
        new_meeting,
        next_meeting_from,
        next_title,
    )

#: Re-exported from ``cycle_next``, which is imported when one of them is first used (the
#: editor imports this module for ``plan_overrun`` at start-up and needs none of them).
_FROM_NEXT = {
    "is_approval_item",
    "is_follow_up_item",
    "new_meeting",
    "next_meeting_from",
    "next_title",
}


def __getattr__(name: str) -> Any:
    if name in _FROM_NEXT:
        from . import next_meeting as cycle_next

        return getattr(cycle_next, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CycleError",
    "OpenAction",
    "actions_of",
    "approve",
    "collect_actions",
    "is_approval_item",
    "is_follow_up_item",
    "meeting_files",
    "new_meeting",
    "next_meeting_from",
    "next_title",
    "plan_overrun",
    "reopen",
    "send_for_review",
]


class CycleError(ValueError):
    """A status change that the meeting's state does not allow."""


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
    from ..storage import load_meeting
    from .errors import MeetingFileError

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
