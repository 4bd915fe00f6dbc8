"""The editor's side of #14 items 6 and 7: a protocol remark from the source toggle, an
attachment's late toggle, the next meeting's text and the handled order, each one undoable
edit."""

from __future__ import annotations

import asyncio

from textual.widgets import Input, OptionList, Static

from tui_referat.domain.model import RemarkSource
from tui_referat.tui.forms import AttachmentsEditor, NextMeetingForm, RemarksEditor
from tui_referat.tui.forms.meeting_details import MeetingDetailsForm

SIZE = (80, 24)


def lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    listing = app.widget.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def test_a_protocol_remark_is_chosen_with_p_and_listed_apart(meeting, host) -> None:
    item = meeting.items[1]
    app = host(RemarksEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("tab", "p", "tab", "tab", *"Ida Holm", "tab")
            await pilot.press(*"Til protokol.")
            await pilot.pause()
            new = next(r for r in item.remarks if r.text == "Til protokol.")
            assert new.source is RemarkSource.PROTOCOL
            assert new.author == "Ida Holm"
            assert new.received is None
            shown = lines(app)
            assert "Protokolbemærkninger" in shown
            assert shown.index("Protokolbemærkninger") < next(
                i for i, line in enumerate(shown) if "Til protokol." in line
            )

    asyncio.run(flow())


def test_space_marks_an_attachment_late_and_again_not(meeting, host) -> None:
    item = next(i for i in meeting.items if len(i.attachments) == 3)
    app = host(AttachmentsEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "space")
            await pilot.pause()
            assert [a.late for a in item.attachments] == [False, True, False]
            assert "(eftersendt)" in lines(app)[1]
            assert "[x] eftersendt" in str(app.widget.query_one("#late", Static).render())
            assert len(app.edits) == 1
            app.history.undo()
            assert item.attachments[1].late is False
            await pilot.press("space")
            await pilot.pause()
            assert item.attachments[1].late is True

    asyncio.run(flow())


def test_the_next_meeting_text_field(meeting, host) -> None:
    app = host(NextMeetingForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            app.widget.query_one("#text", Input).focus()
            await pilot.press(*"maj 2027, dato følger", "enter")
            await pilot.pause()
            assert meeting.next_meeting is not None
            assert meeting.next_meeting.text == "maj 2027, dato følger"
            assert meeting.next_meeting.location == ""

    asyncio.run(flow())


def test_the_handled_order_field(meeting, host) -> None:
    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=(80, 40)) as pilot:
            field = app.widget.query_one("#handled_order", Input)
            field.focus()
            await pilot.press(*"2, x", "enter")
            await pilot.pause()
            assert meeting.handled_order == []
            assert "komma" in str(app.widget.query_one(".form-error", Static).render())
            await pilot.press("ctrl+a", "ctrl+k", *"2, 1", "enter")
            await pilot.pause()
            assert meeting.handled_order == [2, 1]
            assert len(app.edits) == 1
            app.history.undo()
            assert meeting.handled_order == []

    asyncio.run(flow())
