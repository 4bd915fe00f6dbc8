"""The meeting cycle: review and approval, the agenda plan's timing.

Pure Python on the model: no Textual, no TOML, no files. The next meeting itself is built in
``next_meeting``; the open actions across meetings are in ``open_actions``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .model import Meeting, Status

__all__ = [
    "CycleError",
    "approve",
    "plan_finish",
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


def plan_finish(
    meeting: Meeting,
    planned: Sequence[dt.time | None] | None = None,
    *,
    starting_before: dt.time | None = None,
) -> tuple[int, int] | None:
    """Where the agenda plan ends: (item index, minutes after midnight) of the latest moment
    an item's planned start plus its duration (no duration: its start) reaches; of equal
    finishes the later item. None when no item has a planned time.

    ``planned``: ``meeting.planned_times()``, when the caller has it already.
    ``starting_before``: only items planned to start before this time count.
    """
    if planned is None:
        planned = meeting.planned_times()
    limit = None if starting_before is None else _minutes(starting_before)
    found: tuple[int, int] | None = None
    for index, (item, start) in enumerate(zip(meeting.items, planned, strict=True)):
        if start is None or (limit is not None and _minutes(start) >= limit):
            continue
        finish = _minutes(start) + (item.duration or 0)
        if found is None or finish >= found[1]:
            found = (index, finish)
    return found


def plan_overrun(meeting: Meeting) -> int | None:
    """Minutes by which the agenda plan runs past the meeting's end; None when it does not.

    The plan's end is ``plan_finish``: the latest planned start plus duration of any item.
    """
    if meeting.end is None:
        return None
    finish = plan_finish(meeting)
    if finish is None:
        return None
    over = finish[1] - _minutes(meeting.end)
    return over if over > 0 else None
