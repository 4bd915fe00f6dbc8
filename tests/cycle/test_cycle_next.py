"""A new meeting from the previous one, title numbers, status changes and agenda timing."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_referat.domain import cycle
from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Status,
)
from tui_referat.domain.next_meeting import new_meeting, next_meeting_from, next_title

TODAY = dt.date(2025, 11, 3)


def previous_meeting() -> Meeting:
    return Meeting(
        title="Møde 2 i styregruppen for fælles lokaler",
        lang="da",
        status=Status.APPROVED,
        approved=dt.date(2025, 10, 30),
        date=dt.date(2025, 10, 7),
        start=dt.time(13, 0),
        end=dt.time(15, 30),
        location="Rådhuset, lokale 2",
        chair="Anne Holm",
        secretary="Bo Berg",
        remarks_deadline=dt.datetime(2025, 10, 14, 16, 0),
        header=[
            CaseField("doc_date", "09-10-2025"),
            CaseField("case_no", "2501039"),
            CaseField("journal", "2025-114", label="J.nr."),
        ],
        participants=[
            Participant("Anne Holm", "kontorchef", "Teknik", "anne@example.org"),
            Participant("Bo Berg", attendance=Attendance.ONLINE),
            Participant("Carl Dahl", attendance=Attendance.PARTIAL, note="fra kl. 14, pkt. 3-4"),
        ],
        items=[
            AgendaItem(
                "Velkomst",
                duration=10,
                presenters=["Anne Holm"],
                standing=True,
                minutes="Anne bød velkommen.",
            ),
            AgendaItem(
                "Lokaler",
                kind=Kind.DISCUSSION,
                duration=60,
                minutes="Drøftet.",
                actions=[
                    Action("Sende oversigten", owner="Bo Berg", due=dt.date(2025, 10, 21)),
                    Action("Booke lokale", owner="Carl Dahl", done=True),
                    Action("Undersøge priser", owner="Anne Holm"),
                ],
            ),
            AgendaItem(
                "Evt.",
                kind=None,
                time=dt.time(15, 15),
                duration=15,
                standing=True,
                minutes="Intet.",
            ),
        ],
        next_meeting=NextMeeting(dt.date(2025, 12, 2), dt.time(14, 30), dt.time(16, 0), "virtuelt"),
    )


def test_participants_carry_over_with_attendance_reset():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    assert [p.name for p in new.participants] == ["Anne Holm", "Bo Berg", "Carl Dahl"]
    assert all(p.attendance is Attendance.PRESENT for p in new.participants)
    assert all(p.note == "" for p in new.participants)
    assert new.participants[0].title == "kontorchef"
    assert new.participants[0].email == "anne@example.org"
    assert (new.chair, new.secretary) == ("Anne Holm", "Bo Berg")


def test_date_time_and_place_come_from_next_meeting():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    assert new.date == dt.date(2025, 12, 2)
    assert (new.start, new.end) == (dt.time(14, 30), dt.time(16, 0))
    assert new.location == "virtuelt"
    assert new.next_meeting is None


def test_the_next_meeting_text_is_not_carried_into_the_place():
    previous = previous_meeting()
    previous.next_meeting = NextMeeting(text="maj 2027, dato følger")
    previous.handled_order = [1, 2]
    new = next_meeting_from(previous, today=TODAY)
    assert new.date is None
    assert new.location == previous.location  # the meeting's own place, not the text
    assert "2027" not in new.location and "2027" not in new.title
    assert new.handled_order == []


def test_status_and_cycle_fields_start_fresh():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    assert new.status is Status.DRAFT
    assert new.approved is None
    assert new.remarks_deadline is None


def test_header_kept_with_doc_date_set_to_today_in_the_same_format():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    assert [(f.key, f.value, f.label) for f in new.header] == [
        ("doc_date", "03-11-2025", ""),
        ("case_no", "2501039", ""),
        ("journal", "2025-114", "J.nr."),
    ]


def test_doc_no_cleared_while_case_no_and_handler_carry():
    old = previous_meeting()
    old.header[1:1] = [CaseField("handler", "BOB.FML"), CaseField("doc_no", "4102853")]
    new = next_meeting_from(old, today=TODAY)
    assert [(f.key, f.value) for f in new.header] == [
        ("doc_date", "03-11-2025"),
        ("handler", "BOB.FML"),
        ("doc_no", ""),  # a new document gets a new number; the field keeps its place
        ("case_no", "2501039"),
        ("journal", "2025-114"),
    ]


@pytest.mark.parametrize(
    ("lang", "previous_value", "expected"),
    [
        ("da", "09-10-2025", "03-11-2025"),
        ("en", "2025-10-09", "2025-11-03"),
        ("en", "09.10.2025", "03.11.2025"),  # the previous format is kept
        ("da", "9. oktober 2025", "3. november 2025"),
        ("en", "9 October 2025", "3 November 2025"),
        ("da", "efterår", "03-11-2025"),  # not a date: the language's own format
        ("en", "autumn", "2025-11-03"),
        ("en", "", "2025-11-03"),
    ],
)
def test_doc_date_today_in_the_previous_format_else_the_languages(lang, previous_value, expected):
    old = previous_meeting()
    old.lang = lang
    old.header[0].value = previous_value
    assert next_meeting_from(old, today=TODAY).header[0].value == expected


def test_template_doc_date_in_the_languages_format():
    assert new_meeting("da", today=TODAY).header[0].value == "03-11-2025"
    assert new_meeting("en", today=TODAY).header[0].value == "2025-11-03"


def test_agenda_approval_first_then_welcome_then_follow_up_then_standing_items():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    titles = [item.title for item in new.items]
    assert titles == [
        "Godkendelse af referat fra sidste møde",
        "Velkomst",
        "Opfølgning på handlinger",
        "Evt.",
    ]
    approval, welcome, _follow_up, aob = new.items
    assert welcome.standing and aob.standing and not approval.standing
    assert welcome.presenters == ["Anne Holm"] and welcome.duration == 10
    assert welcome.minutes == "" and aob.minutes == ""
    assert aob.duration == 15 and aob.time is None


def test_open_actions_carried_with_owner_and_due():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    follow_up = new.items[2]
    assert [(a.text, a.owner, a.due, a.done) for a in follow_up.actions] == [
        ("Sende oversigten", "Bo Berg", dt.date(2025, 10, 21), False),
        ("Undersøge priser", "Anne Holm", None, False),
    ]


def test_no_follow_up_item_without_open_actions_and_approval_first_without_welcome():
    old = previous_meeting()
    old.items = old.items[1:]
    for action in old.items[0].actions:
        action.done = True
    new = next_meeting_from(old, today=TODAY)
    assert [item.title for item in new.items] == [
        "Godkendelse af referat fra sidste møde",
        "Evt.",
    ]


def test_from_the_template_approval_first_and_any_other_business_last():
    first = new_meeting("da", "Møde 1 i klubben", today=TODAY)
    second = next_meeting_from(first, today=TODAY)
    assert second.title == "Møde 2 i klubben"
    assert [item.title for item in second.items] == [
        "Godkendelse af referat fra sidste møde",
        "Velkomst",
        "Evt.",
    ]
    third = next_meeting_from(second, today=TODAY)
    assert [item.title for item in third.items] == [item.title for item in second.items]


def test_the_agenda_keeps_its_shape_from_meeting_to_meeting():
    second = next_meeting_from(previous_meeting(), today=TODAY)
    third = next_meeting_from(second, today=TODAY)  # the actions are still open
    assert [item.title for item in third.items] == [item.title for item in second.items]
    assert [a.text for a in third.items[2].actions] == [a.text for a in second.items[2].actions]


def test_english_labels_and_generated_items_not_duplicated():
    first = next_meeting_from(previous_meeting(), lang="en", today=TODAY)
    assert first.lang == "en"
    assert first.items[0].title == "Approval of the minutes of the last meeting"
    assert first.items[2].title == "Follow-up on actions"
    first.items[0].standing = True  # even if someone marked it standing
    second = next_meeting_from(first, today=TODAY)
    titles = [item.title for item in second.items]
    assert titles.count("Approval of the minutes of the last meeting") == 1
    assert titles[0] == "Approval of the minutes of the last meeting"


@pytest.mark.parametrize(
    "title",
    [
        "Minutes of the previous meeting and open actions",
        "Approval of the minutes",
        "Godkendelse af referat og dagsorden",
        "Referat fra sidste møde",
        "Godkendelse af referat fra sidste møde",
    ],
)
def test_a_standing_approval_item_is_reused_first_and_holds_the_open_actions(title):
    old = previous_meeting()
    old.items.insert(1, AgendaItem(title, kind=Kind.DECISION, duration=10, standing=True))
    new = next_meeting_from(old, today=TODAY)
    assert [item.title for item in new.items] == [title, "Velkomst", "Evt."]
    first = new.items[0]
    assert first.standing and first.kind is Kind.DECISION and first.duration == 10
    assert [a.text for a in first.actions] == ["Sende oversigten", "Undersøge priser"]


def test_a_standing_follow_up_item_is_reused_for_the_actions():
    old = previous_meeting()
    old.items.insert(1, AgendaItem("Opfølgning fra sidste møde", duration=20, standing=True))
    new = next_meeting_from(old, today=TODAY)
    assert [item.title for item in new.items] == [
        "Godkendelse af referat fra sidste møde",
        "Velkomst",
        "Opfølgning fra sidste møde",
        "Evt.",
    ]
    assert [a.text for a in new.items[2].actions] == ["Sende oversigten", "Undersøge priser"]
    assert new.items[0].actions == [] and new.items[2].duration == 20


def test_an_ordinary_item_about_minutes_is_not_taken_for_the_approval():
    old = previous_meeting()
    old.items.insert(1, AgendaItem("Skabelon for referater", standing=True))
    new = next_meeting_from(old, today=TODAY)
    assert new.items[0].title == "Godkendelse af referat fra sidste møde"
    assert "Skabelon for referater" in [item.title for item in new.items]


def test_added_items_get_durations_when_the_previous_meeting_planned_with_them():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    approval, _welcome, follow_up, _aob = new.items
    assert (approval.duration, follow_up.duration) == (5, 10)
    # every item keeps a planned time: 14.30 + 5 + 10 + 10
    assert new.planned_times() == [
        dt.time(14, 30),
        dt.time(14, 35),
        dt.time(14, 45),
        dt.time(14, 55),
    ]
    assert new.planned_end() == dt.time(15, 10)


def test_no_durations_added_when_the_previous_meeting_had_none():
    old = previous_meeting()
    for item in old.items:
        item.duration = None
    new = next_meeting_from(old, today=TODAY)
    assert all(item.duration is None for item in new.items)


def test_follow_up_actions_are_copies():
    old = previous_meeting()
    new = next_meeting_from(old, today=TODAY)
    new.items[2].actions[0].done = True
    assert old.items[1].actions[0].done is False


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Møde 2 i den tekniske arbejdsgruppe", "Møde 3 i den tekniske arbejdsgruppe"),
        ("Board meeting 4", "Board meeting 5"),
        ("4. møde i styregruppen", "5. møde i styregruppen"),
        ("Styregruppemøde nr. 9", "Styregruppemøde nr. 10"),
        ("Generalforsamling", "Generalforsamling"),
    ],
)
def test_title_number_increment(title, expected):
    assert next_title(title) == expected


def test_explicit_title_wins():
    new = next_meeting_from(previous_meeting(), title="Ekstraordinært møde", today=TODAY)
    assert new.title == "Ekstraordinært møde"
    assert next_meeting_from(previous_meeting(), today=TODAY).title == (
        "Møde 3 i styregruppen for fælles lokaler"
    )


def test_template_meeting():
    meeting = new_meeting("en", None, today=TODAY)
    assert meeting.status is Status.DRAFT and meeting.lang == "en"
    assert meeting.title == "New meeting"
    assert [item.title for item in meeting.items] == ["Welcome", "Any other business"]
    assert all(item.standing for item in meeting.items)
    assert new_meeting("da", "Møde 1").items[0].title == "Velkomst"


# -- status ------------------------------------------------------------------------------


def draft() -> Meeting:
    return Meeting(title="Møde", date=dt.date(2025, 10, 7))


def test_draft_to_review_to_approved():
    meeting = draft()
    cycle.send_for_review(meeting, dt.datetime(2025, 10, 14, 16, 0))
    assert meeting.status is Status.REVIEW
    assert meeting.remarks_deadline == dt.datetime(2025, 10, 14, 16, 0)
    cycle.approve(meeting, dt.date(2025, 11, 4))
    assert meeting.status is Status.APPROVED and meeting.approved == dt.date(2025, 11, 4)


def test_review_needs_a_deadline_not_before_the_meeting():
    meeting = draft()
    with pytest.raises(cycle.CycleError, match="deadline"):
        cycle.send_for_review(meeting, None)
    with pytest.raises(cycle.CycleError, match="before the meeting"):
        cycle.send_for_review(meeting, dt.date(2025, 10, 1))
    assert meeting.status is Status.DRAFT
    cycle.send_for_review(meeting, dt.date(2025, 10, 14))
    assert meeting.remarks_deadline == dt.datetime(2025, 10, 14, 23, 59)


def test_approve_needs_a_day_and_cannot_repeat():
    meeting = draft()
    with pytest.raises(cycle.CycleError, match="day of approval"):
        cycle.approve(meeting, None)
    with pytest.raises(cycle.CycleError, match="before the meeting"):
        cycle.approve(meeting, dt.date(2025, 10, 6))
    cycle.approve(meeting, dt.date(2025, 10, 7))
    with pytest.raises(cycle.CycleError, match="already approved"):
        cycle.approve(meeting, dt.date(2025, 10, 8))
    with pytest.raises(cycle.CycleError, match="reopen"):
        cycle.send_for_review(meeting, dt.date(2025, 10, 20))
    cycle.reopen(meeting)
    assert meeting.status is Status.DRAFT and meeting.approved is None


# -- timing ------------------------------------------------------------------------------


def timed(end: dt.time | None, *durations: int | None) -> Meeting:
    return Meeting(
        start=dt.time(13, 0),
        end=end,
        items=[AgendaItem(f"Punkt {n}", duration=d) for n, d in enumerate(durations)],
    )


def test_plan_overrun_in_minutes():
    assert cycle.plan_overrun(timed(dt.time(14, 0), 30, 30)) is None
    assert cycle.plan_overrun(timed(dt.time(14, 0), 30, 45)) == 15
    assert cycle.plan_overrun(timed(None, 30, 45)) is None


def test_plan_overrun_counts_an_explicit_late_item_time():
    meeting = timed(dt.time(14, 0), 30, None, 10)
    meeting.items[2].time = dt.time(14, 20)
    assert cycle.plan_overrun(meeting) == 30


def test_new_meeting_keeps_durations_for_the_plan():
    new = next_meeting_from(previous_meeting(), today=TODAY)
    new.items[2].duration = 20
    # 14.30 + 5 + 10 + 20 = 15.05; + 15 = 15.20, inside 16.00
    assert new.planned_times()[3] == dt.time(15, 5)
    assert cycle.plan_overrun(new) is None
    new.items[2].duration = 80
    assert cycle.plan_overrun(new) == 20  # 16.20
