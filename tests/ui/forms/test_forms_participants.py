"""Participants table flows: add, edit, delete, reorder, attendance, chair and secretary."""

from __future__ import annotations

import asyncio

from tui_referat.domain.model import Attendance, Meeting
from tui_referat.tui.dialogs.confirm import ConfirmDialog
from tui_referat.tui.dialogs.form_dialogs import FieldsDialog
from tui_referat.tui.forms import ParticipantsTable

SIZE = (80, 24)


def names(meeting: Meeting) -> list[str]:
    return [person.name for person in meeting.participants]


def test_add_participant_through_the_dialog(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            assert isinstance(app.screen, FieldsDialog)
            await pilot.press(*"Eva Friis", "tab", *"konsulent", "tab", *"Kultur", "enter")
            await pilot.pause()
            assert names(meeting)[-1] == "Eva Friis"
            assert meeting.participants[-1].title == "konsulent"
            assert meeting.participants[-1].organisation == "Kultur"
            table = app.widget
            assert table.cursor_row == 4
            assert "Eva Friis" in str(table.get_row_at(4)[0])

    asyncio.run(flow())


def test_add_without_a_name_is_refused_in_the_dialog(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a", "tab", *"konsulent", "enter")
            assert isinstance(app.screen, FieldsDialog)
            assert "Navn skal udfyldes" in str(app.screen.query_one(".form-error").render())
            await pilot.press("escape")
            assert len(meeting.participants) == 4
            assert app.edits == []

    asyncio.run(flow())


def test_edit_renames_and_keeps_the_chair(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")  # cursor on Anne Holm, the chair
            await pilot.press("ctrl+a", "ctrl+k", *"Anne Holm-Berg", "enter")
            await pilot.pause()
            assert meeting.participants[0].name == "Anne Holm-Berg"
            assert meeting.chair == "Anne Holm-Berg"
            assert "Anne Holm-Berg" in str(app.widget.get_row_at(0)[0])

    asyncio.run(flow())


def test_delete_asks_first_then_removes(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "down", "x")
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("escape")
            assert len(meeting.participants) == 4
            await pilot.press("delete")
            await pilot.press("y")
            await pilot.pause()
            assert names(meeting) == ["Anne Holm", "Bo Berg", "Dorte Eskildsen"]
            assert app.widget.row_count == 3

    asyncio.run(flow())


def test_move_down_and_up_reorders_and_the_cursor_follows(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("J")
            await pilot.pause()
            assert names(meeting)[:2] == ["Bo Berg", "Anne Holm"]
            assert app.widget.cursor_row == 1
            await pilot.press("shift+down")
            await pilot.pause()
            assert names(meeting)[2] == "Anne Holm"
            await pilot.press("K", "shift+up")
            await pilot.pause()
            assert names(meeting)[0] == "Anne Holm"
            assert app.widget.cursor_row == 0

    asyncio.run(flow())


def test_attendance_cycles_with_one_key(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            person = meeting.participants[0]
            seen = []
            for key in ("space", "f", "space", "f", "space"):
                await pilot.press(key)
                await pilot.pause()
                seen.append(person.attendance)
            assert seen == [
                Attendance.ONLINE,
                Attendance.APOLOGIES,
                Attendance.ABSENT,
                Attendance.PARTIAL,
                Attendance.PRESENT,
            ]
            await pilot.press("space", "space")
            await pilot.pause()
            assert "afbud" in str(app.widget.get_row_at(0)[3])
            assert "2 afbud" in app.widget.border_title

    asyncio.run(flow())


def test_make_chair_and_secretary(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "down", "c")
            await pilot.pause()
            assert meeting.chair == "Carl Dahl"
            await pilot.press("down", "s")
            await pilot.pause()
            assert meeting.secretary == "Dorte Eskildsen"
            assert str(app.widget.get_row_at(2)[0]).startswith("★")
            assert "Carl Dahl" in app.widget.border_subtitle
            await pilot.press("s")  # again: no longer secretary
            await pilot.pause()
            assert meeting.secretary == ""

    asyncio.run(flow())


def test_footer_keys_have_ids_and_translated_descriptions(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE):
            active = [b.binding for b in app.screen.active_bindings.values()]
            ours = [b for b in active if b.id and b.id.startswith("participants.")]
            assert {b.id for b in ours} == {
                "participants.add",
                "participants.open",
                "participants.edit",
                "participants.duplicate",
                "participants.delete",
                "participants.attendance",
                "participants.chair",
                "participants.secretary",
                "participants.presence_now",
                "participants.up",
                "participants.down",
            }
            assert "Tilføj" in [b.description for b in ours]
            assert all(b.description and not b.description.startswith("forms.") for b in ours)
            assert not any(b.key.startswith("alt+") for b in ours)

    asyncio.run(flow())


def test_english_ui_shows_english_headers_and_attendance(meeting, host) -> None:
    from tui_referat.text.words import set_lang

    set_lang("en")
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=SIZE):
            labels = [str(column.label) for column in app.widget.columns.values()]
            assert labels == ["Name", "Title", "Organisation", "Attendance"]
            assert str(app.widget.get_row_at(2)[3]) == "online"  # the short label of the table
            assert "Add" in [b.binding.description for b in app.screen.active_bindings.values()]

    asyncio.run(flow())
