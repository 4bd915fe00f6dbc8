"""Meaning checks on a meeting; they report ``Problem``s (``problems.py``, re-exported here)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ..text.addresses import split_addresses
from .cycle import plan_finish
from .handled_order import problem as order_problem
from .model import HEADER_KEYS, PRESENCE_EVENTS, Kind, Meeting, RemarkSource, Status
from .problems import ERROR as ERROR
from .problems import WARNING as WARNING
from .problems import Problem as Problem
from .problems import with_item_number as with_item_number
from .section_checks import check_sections

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^/\\]*@)")

Locate = Callable[[str], "tuple[int, int] | None"]


class _Findings:
    def __init__(self, path: str, locate: Locate | None) -> None:
        self.path = path
        self.locate = locate
        self.found: list[Problem] = []

    def add(self, level: str, field: str, message: str) -> None:
        line = col = None
        if self.locate is not None:
            # a field the file does not have is reported at the table that lacks it, else at
            # the top of the file
            found = self.locate(field)
            parent = field
            while found is None and "." in parent:
                parent = parent.rpartition(".")[0]
                found = self.locate(parent)
            line, col = found or (1, 1)
        message = with_item_number(field, message)
        self.found.append(Problem(self.path, line, col, level, message, field))


def check_meeting(
    meeting: Meeting,
    path: str | Path,
    locate: Locate | None = None,
    *,
    today: dt.date | None = None,
) -> list[Problem]:
    """Problems with what a meeting says (its file already read), errors and warnings.

    ``locate`` maps a field path to (line, col): ``storage.locator_for(meeting)`` for the text
    the meeting was loaded from; without it the problems have no line and column.
    ``today`` (default: the real day) tells a meeting not yet held.
    The rules are documented in docs/FORMAT.md ("Errors and referat check").
    """
    findings = _Findings(str(path), locate)
    _check_people(meeting, findings)
    _check_presence(meeting, findings)
    _check_times(meeting, findings)
    _check_items(meeting, Path(path), findings, today or dt.date.today())
    _check_status(meeting, findings)
    for level, field, message in check_sections(meeting):
        findings.add(level, field, message)
    wrong = order_problem(meeting.handled_order, len(meeting.items))
    if wrong:
        findings.add(
            ERROR,
            "handled_order",
            f"handled_order must list every item number once ({wrong})",
        )
    findings.found.sort(key=lambda problem: (problem.line or 0, problem.col or 0))
    return findings.found


def _check_people(meeting: Meeting, findings: _Findings) -> None:
    seen: dict[str, int] = {}
    for index, person in enumerate(meeting.participants):
        name = person.name.strip()
        if not name:
            findings.add(ERROR, f"participants[{index}].name", "a participant has no name")
            continue
        if name in seen:
            findings.add(
                ERROR,
                f"participants[{index}].name",
                f'"{name}" is listed twice (also participants[{seen[name]}])',
            )
        else:
            seen[name] = index
        found, unusable = split_addresses(person.email)  # "Name <a@b.dk>; c@d.dk" is fine
        if unusable and not found:  # nothing usable: the field as written
            unusable = [person.email.strip()]
        for wrong in unusable:
            findings.add(
                WARNING,
                f"participants[{index}].email",
                f'"{wrong}" is not an email address: the minutes cannot be mailed to it',
            )
    for role in ("chair", "secretary"):
        name = getattr(meeting, role).strip()
        if name and name not in seen:
            findings.add(ERROR, role, f'"{name}" is not among the participants')
    for index, case_field in enumerate(meeting.header):
        if case_field.key not in HEADER_KEYS and not case_field.label.strip():
            findings.add(
                WARNING,
                f"header[{index}].label",
                f'the custom header field "{case_field.key}" has no label to show',
            )


def _check_presence(meeting: Meeting, findings: _Findings) -> None:
    """Presence events that cannot be right, a substitute for nobody, a vote by more people
    than were present for the item."""
    names = {person.name.strip() for person in meeting.participants}
    for index, person in enumerate(meeting.participants):
        where = f"participants[{index}]"
        stand_in = person.substitute_for.strip()
        if stand_in and stand_in not in names:
            findings.add(
                WARNING,
                f"{where}.substitute_for",
                f'"{stand_in}", whom {person.name.strip() or "the participant"} substitutes for, '
                "is not among the participants",
            )
        away = False
        for number, event in enumerate(person.presence):
            at = f"{where}.presence[{number}]"
            if event.event not in PRESENCE_EVENTS:
                findings.add(
                    WARNING,
                    f"{at}.event",
                    f'unknown presence event "{event.event}" (expected arrived, left or returned)',
                )
            elif event.event == "returned" and not away:
                findings.add(WARNING, f"{at}.event", '"returned" without an earlier "left"')
            away = event.event == "left" if event.event in PRESENCE_EVENTS else away
            if event.item is not None and not 1 <= event.item <= len(meeting.items):
                findings.add(
                    WARNING,
                    f"{at}.item",
                    f"there is no item {event.item} (the agenda has {len(meeting.items)})",
                )
    if not meeting.participants:
        return
    for index, item in enumerate(meeting.items):
        if item.vote is None:
            continue
        votes = item.vote.for_ + item.vote.against + item.vote.abstain
        present = len(meeting.present_at(meeting.item_number(index)))
        if votes > present:
            findings.add(
                WARNING,
                f"items[{index}].vote",
                f"{votes} votes, but only {present} of the participants were present for the item",
            )


def _minutes_of_day(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _check_times(meeting: Meeting, findings: _Findings) -> None:
    if meeting.start and meeting.end and meeting.end < meeting.start:
        findings.add(ERROR, "end", "the meeting ends before it starts")
    nxt = meeting.next_meeting
    if nxt and nxt.start and nxt.end and nxt.end < nxt.start:
        findings.add(ERROR, "next_meeting.end", "the next meeting ends before it starts")
    if nxt and nxt.date and meeting.date and nxt.date <= meeting.date:
        findings.add(WARNING, "next_meeting.date", "the next meeting is not after this one")
    planned = meeting.planned_times()
    previous: dt.time | None = None
    for index, (item, moment) in enumerate(zip(meeting.items, planned, strict=True)):
        if item.time is not None and previous is not None and item.time < previous:
            findings.add(
                WARNING, f"items[{index}].time", "the item is planned before the item above"
            )
        if moment is not None:
            previous = moment
    if meeting.end and not (meeting.start and meeting.end < meeting.start):
        _check_plan_end(meeting, meeting.end, planned, findings)
    first = meeting.items[0].time if meeting.items else None
    if meeting.start and first and first < meeting.start:
        findings.add(WARNING, "items[0].time", "the first item is planned before the start")


def _check_plan_end(
    meeting: Meeting, end: dt.time, planned: list[dt.time | None], findings: _Findings
) -> None:
    """The agenda past the end time: an item starting at or after it, or running past it.

    The same plan as the editor's overrun notice (``cycle.plan_overrun``): ``cycle.plan_finish``,
    the latest moment an item's planned start plus its duration reaches; an item starting late
    is reported as such, and only a start exactly at the end is new here.
    """
    limit = _minutes_of_day(end)
    late = next(
        (
            i
            for i, moment in enumerate(planned)
            if moment is not None and _minutes_of_day(moment) >= limit
        ),
        None,
    )
    if late is not None:
        item = meeting.items[late]
        findings.add(
            WARNING,
            f"items[{late}].time" if item.time is not None else f"items[{late}]",
            f"the item is planned at {planned[late]:%H.%M}, at or after the end time {end:%H.%M}",
        )
    finish = plan_finish(meeting, planned, starting_before=end)
    if finish is not None and finish[1] > limit:
        # past the end, so that item has a duration: the field the warning is about
        which, latest = finish
        until = dt.time(latest // 60 % 24, latest % 60)
        findings.add(
            WARNING,
            f"items[{which}].duration",
            f"the plan runs until {until:%H.%M}, past the end time {end:%H.%M}",
        )


def _check_items(meeting: Meeting, folder_of: Path, findings: _Findings, today: dt.date) -> None:
    folder = folder_of.parent
    deadline = meeting.remarks_deadline
    decided = meeting.status != Status.DRAFT
    # the agenda of a meeting not yet held has no minutes to miss
    held = meeting.date is None or meeting.date <= today
    for index, item in enumerate(meeting.items):
        where = f"items[{index}]"
        if not item.title.strip():
            findings.add(ERROR, f"{where}.title", "the item has no title")
        if item.public_title.strip() and not item.closed:
            findings.add(
                WARNING,
                f"{where}.public_title",
                "the item has a public title but is not closed (closed = true); "
                "only closed items show it",
            )
        if item.kind == Kind.DECISION and not item.decision.strip() and (decided or held):
            findings.add(
                ERROR if decided else WARNING,
                f"{where}.decision",
                "a decision item (B) has no decision"
                + ("" if decided else " yet, which is an error once the status is not draft"),
            )
        vote = item.vote
        if vote is not None:
            for key, count in (
                ("for", vote.for_),
                ("against", vote.against),
                ("abstain", vote.abstain),
            ):
                if count < 0:
                    findings.add(
                        ERROR, f"{where}.vote.{key}", f"a vote count cannot be negative ({count})"
                    )
        for number, attachment in enumerate(item.attachments):
            target = attachment.path.strip()
            if not target or _URL.match(target):
                continue
            if not (folder / target).exists():
                findings.add(
                    ERROR,
                    f"{where}.attachments[{number}].path",
                    f'attachment {meeting.attachment_number(index, number)} "{target}" '
                    "does not exist (relative to the meeting file)",
                )
        item_deadline = item.remarks_deadline or deadline
        for number, remark in enumerate(item.remarks):
            field = f"{where}.remarks[{number}].received"
            written = remark.source == RemarkSource.WRITTEN
            if remark.source == RemarkSource.PROTOCOL and not remark.author.strip():
                findings.add(
                    ERROR,
                    f"{where}.remarks[{number}].author",
                    'a protocol remark needs an author (author = "…"): it is put on record '
                    "in a member's name",
                )
            if (
                written
                and remark.received
                and item_deadline
                and remark.received > item_deadline.date()
            ):
                findings.add(
                    WARNING,
                    field,
                    f"the written remark arrived {remark.received.isoformat()}, after the "
                    f"deadline {deadline.date().isoformat()}",
                )
            if remark.source == RemarkSource.MEETING and remark.received:
                findings.add(WARNING, field, 'a remark given at the meeting has a "received" date')
            if not remark.text.strip():
                findings.add(WARNING, f"{where}.remarks[{number}].text", "the remark is empty")
        for number, action in enumerate(item.actions):
            if not action.text.strip():
                findings.add(ERROR, f"{where}.actions[{number}].text", "the action has no text")


def _check_status(meeting: Meeting, findings: _Findings) -> None:
    if meeting.status == Status.APPROVED and meeting.approved is None:
        findings.add(WARNING, "status", 'the minutes are approved but "approved" has no date')
    if meeting.approved is not None and meeting.status != Status.APPROVED:
        findings.add(
            WARNING, "approved", f'an approval date is set but the status is "{meeting.status}"'
        )
    if meeting.remarks_deadline and meeting.date and meeting.remarks_deadline.date() < meeting.date:
        findings.add(WARNING, "remarks_deadline", "the deadline for remarks is before the meeting")
    if not meeting.title.strip():
        findings.add(WARNING, "title", "the meeting has no title")
