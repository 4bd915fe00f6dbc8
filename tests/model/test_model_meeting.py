"""The model's derived facts: numbers, planned times, attendance, open actions, groups."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    Meeting,
    Participant,
    Remark,
    RemarkSource,
)


def _agenda() -> Meeting:
    return Meeting(
        start=dt.time(12, 0),
        items=[
            AgendaItem("Welcome", duration=45),
            AgendaItem("Tour", duration=45),
            AgendaItem("Status", time=dt.time(13, 30), duration=10),
            AgendaItem("Strategy", duration=10),
            AgendaItem("Any other business"),
        ],
    )


def test_planned_times_run_from_the_start_and_reset_at_explicit_times() -> None:
    assert _agenda().planned_times() == [
        dt.time(12, 0),
        dt.time(12, 45),
        dt.time(13, 30),
        dt.time(13, 40),
        dt.time(13, 50),
    ]


def test_planned_times_unknown_after_an_item_without_duration() -> None:
    meeting = Meeting(
        start=dt.time(9, 0),
        items=[AgendaItem("A"), AgendaItem("B", duration=5), AgendaItem("C", time=dt.time(10, 0))],
    )
    assert meeting.planned_times() == [dt.time(9, 0), None, dt.time(10, 0)]


def test_planned_end_needs_every_duration() -> None:
    meeting = _agenda()
    assert meeting.planned_end() is None
    meeting.items[-1].duration = 15
    assert meeting.planned_end() == dt.time(14, 5)
    assert Meeting().planned_end() is None


def test_item_and_attachment_numbers_follow_the_order() -> None:
    meeting = Meeting(
        items=[AgendaItem("A"), AgendaItem("B", attachments=[Attachment("x"), Attachment("y")])]
    )
    assert [Meeting.item_number(i) for i in range(2)] == [1, 2]
    assert meeting.attachment_number(1, 1) == "2.2"
    meeting.items.reverse()
    assert meeting.attachment_number(0, 0) == "1.1"


def test_participant_lookup_and_attendance_counts() -> None:
    meeting = Meeting(
        participants=[
            Participant("Ann"),
            Participant("Bo", attendance=Attendance.ONLINE),
            Participant("Cy", attendance=Attendance.ONLINE),
            Participant("Di", attendance=Attendance.APOLOGIES),
        ]
    )
    assert meeting.participant("Bo") is meeting.participants[1]
    assert meeting.participant("Zed") is None
    counts = meeting.attendance_counts()
    assert counts[Attendance.ONLINE] == 2 and counts[Attendance.PARTIAL] == 0
    assert sum(counts.values()) == 4


def test_open_actions_in_agenda_order() -> None:
    done = Action("Old", done=True)
    first, second = Action("Call"), Action("Write")
    meeting = Meeting(
        items=[AgendaItem("A", actions=[done, first]), AgendaItem("B", actions=[second])]
    )
    assert [(i, a.text) for i, _, a in meeting.open_actions()] == [(0, "Call"), (1, "Write")]


def test_remark_groups_keep_first_appearance_and_split_sources() -> None:
    said = Remark("s1", topic=["Infra", "Storage"])
    written = Remark("w1", RemarkSource.WRITTEN, topic=["Infra", "Storage"])
    other = Remark("s2", topic=["Data"])
    late = Remark("s3", topic=["Infra", "Storage"])
    item = AgendaItem("Talk", remarks=[said, other, written, late])
    assert item.remark_groups() == [
        (("Infra", "Storage"), [said, late], [written]),
        (("Data",), [other], []),
    ]


def test_sections_by_key() -> None:
    item = AgendaItem("A")
    item.set_section("next_steps", "Later.")
    assert item.section("next_steps") == "Later." and item.next_steps == "Later."
    with pytest.raises(KeyError):
        item.section("title")
    with pytest.raises(KeyError):
        item.set_section("origin", "x")


def test_origin_takes_no_part_in_equality() -> None:
    assert AgendaItem("A", origin=object()) == AgendaItem("A", origin=object())
    assert "origin" not in repr(AgendaItem("A"))
