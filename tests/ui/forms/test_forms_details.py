"""Meeting details and next meeting forms: edits reach the model, bad input never does."""

from __future__ import annotations

import asyncio
import datetime as dt

from textual.widgets import Input, Select, Static

from tui_referat.domain.model import CaseField, NextMeeting, Status
from tui_referat.tui.dialogs.form_dialogs import FieldsDialog
from tui_referat.tui.forms import MeetingDetailsForm, NextMeetingForm

SIZE = (80, 24)


def error_text(app) -> str:
    return str(app.widget.query_one(".form-error", Static).render())


def test_title_edit_changes_the_model_as_typed(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            assert app.focused is app.widget.query_one("#title", Input)
            await pilot.press("ctrl+a", "ctrl+k", *"Møde 4")
            await pilot.pause()
            assert meeting.title == "Møde 4"

    asyncio.run(flow())


def test_date_in_danish_or_iso_form_is_stored_as_a_date(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            app.widget.query_one("#date", Input).focus()
            await pilot.press("ctrl+a", "ctrl+k", *"3.11.2025", "enter")
            await pilot.pause()
            assert meeting.date == dt.date(2025, 11, 3)
            await pilot.press("ctrl+a", "ctrl+k", *"2025-12-01", "tab")
            await pilot.pause()
            assert meeting.date == dt.date(2025, 12, 1)
            assert app.focused is app.widget.query_one("#start", Input)
            await pilot.press("ctrl+a", "ctrl+k", *"14:05", "enter")
            await pilot.pause()
            assert meeting.start == dt.time(14, 5)
            assert app.widget.query_one("#date", Input).value == "1.12.2025"

    asyncio.run(flow())


def test_invalid_date_shows_an_error_and_leaves_the_model(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            field = app.widget.query_one("#date", Input)
            field.focus()
            await pilot.press("ctrl+a", "ctrl+k", *"31.2.2025", "enter")
            await pilot.pause()
            assert meeting.date == dt.date(2025, 10, 7)
            assert "31.2.2025" in error_text(app)
            assert field.has_class("error")
            assert app.edits == []
            await pilot.press("ctrl+a", "ctrl+k", *"28.2.2025", "enter")
            await pilot.pause()
            assert meeting.date == dt.date(2025, 2, 28)
            assert error_text(app) == ""

    asyncio.run(flow())


def test_a_date_or_time_shows_as_understood_once_left_and_bad_text_stays(meeting, host):
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            date = app.widget.query_one("#date", Input)
            date.focus()
            await pilot.press("ctrl+a", "ctrl+k", *"2. dec 25", "enter")
            await pilot.pause()
            assert meeting.date == dt.date(2025, 12, 2)
            assert date.value == "2. dec 25"  # the field being typed in is left alone
            await pilot.press("tab")
            await pilot.pause()
            assert date.value == "2.12.2025"
            await pilot.press("ctrl+a", "ctrl+k", *"1330", "tab")
            await pilot.pause()
            assert meeting.start == dt.time(13, 30)
            assert app.widget.query_one("#start", Input).value == "13.30"
            end = app.widget.query_one("#end", Input)
            end.focus()
            await pilot.press("ctrl+a", "ctrl+k", *"kl. 25", "tab")
            await pilot.pause()
            assert "kl. 25" in error_text(app) and "13.30" in error_text(app)
            assert end.value == "kl. 25" and end.has_class("error")
            assert meeting.end == dt.time(15, 30)

    asyncio.run(flow())


def test_a_bad_date_keeps_its_message_while_the_next_field_is_filled_in(meeting, host):
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            date = app.widget.query_one("#date", Input)
            date.focus()
            await pilot.press("ctrl+a", "ctrl+k", *"31.2.2025", "tab")
            await pilot.press("ctrl+a", "ctrl+k", *"1330", "tab")
            await pilot.pause()
            assert meeting.start == dt.time(13, 30)
            assert date.value == "31.2.2025" and date.has_class("error")
            assert "31.2.2025" in error_text(app)
            date.focus()
            await pilot.press("ctrl+a", "ctrl+k", *"28.2.2025", "tab")
            await pilot.pause()
            assert meeting.date == dt.date(2025, 2, 28)
            assert error_text(app) == "" and not date.has_class("error")

    asyncio.run(flow())


def test_invalid_time_is_refused(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            app.widget.query_one("#end", Input).focus()
            await pilot.press("ctrl+a", "ctrl+k", *"25.70", "enter")
            await pilot.pause()
            assert meeting.end == dt.time(15, 30)
            assert "25.70" in error_text(app)

    asyncio.run(flow())


def test_status_and_chair_are_chosen_from_lists(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            app.widget.query_one("#status", Select).focus()
            await pilot.press("enter", "down", "enter")
            await pilot.pause()
            assert meeting.status is Status.REVIEW
            app.widget.query_one("#chair", Select).focus()
            await pilot.press("enter", "down", "down", "enter")
            await pilot.pause()
            assert meeting.chair == "Carl Dahl"
            assert [type(e).__name__ for e in app.edits] == ["SetField", "SetField"]

    asyncio.run(flow())


def test_deadline_date_without_time_means_end_of_day(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            app.widget.query_one("#deadline_time", Input).focus()
            await pilot.press("ctrl+a", "ctrl+k", "enter")
            await pilot.pause()
            assert meeting.remarks_deadline == dt.datetime(2025, 10, 14, 23, 59)

    asyncio.run(flow())


def test_case_header_fields_add_known_and_custom_then_reorder(meeting, host) -> None:
    meeting.header = [CaseField("case_no", "2501039")]
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            app.widget.query_one("#header").focus()
            await pilot.press("a")
            assert isinstance(app.screen, FieldsDialog)
            # The first unused known key (doc_date) is proposed, the cursor in its value.
            await pilot.press(*"09-10-2025", "enter")
            await pilot.pause()
            assert meeting.header[-1] == CaseField("doc_date", "09-10-2025")
            await pilot.press("a")
            # Back to the key: "Other field …" (last option; Space opens the list), a value
            # and a label.
            await pilot.press("shift+tab", "space", "end", "enter", "tab", *"2025-114")
            await pilot.press("tab", *"J.nr.")
            await pilot.press("enter")
            await pilot.pause()
            assert meeting.header[-1].label == "J.nr."
            assert meeting.header[-1].value == "2025-114"
            await pilot.press("K")
            await pilot.pause()
            assert [f.key for f in meeting.header][1:] == ["j_nr", "doc_date"]

    asyncio.run(flow())


def test_next_meeting_is_created_by_the_first_value(meeting, host) -> None:
    app = host(NextMeetingForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            assert meeting.next_meeting is None
            await pilot.press(*"2.12.2025", "tab", *"14.30", "tab", *"16", "tab", *"virtuelt")
            await pilot.pause()
            assert meeting.next_meeting == NextMeeting(
                dt.date(2025, 12, 2), dt.time(14, 30), dt.time(16, 0), "virtuelt"
            )
            app.widget.query_one("#date", Input).focus()
            await pilot.press("ctrl+a", "ctrl+k", *"2.13.2025", "enter")
            await pilot.pause()
            assert meeting.next_meeting.date == dt.date(2025, 12, 2)
            assert "2.13.2025" in error_text(app)

    asyncio.run(flow())
