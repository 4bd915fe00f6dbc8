"""Dialogs show their keys, and Left / Right / Tab move between the buttons; every
confirmation is the same dialog with the same keys and No focused."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from tui_referat.tui.dialogs.confirm import ConfirmDialog, QuitDialog
from tui_referat.tui.palette import open_form, open_tab
from tui_referat.tui.widgets.nav import Node


def labels(screen) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(button.label) for button in screen.query(Button)]


async def test_delete_dialog_shows_its_keys_and_left_enter_answers_yes(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        count = len(app.session.meeting.items)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert labels(app.screen) == ["[J]a", "[N]ej"]
        await pilot.press("left", "enter")
        await pilot.pause()
        assert len(app.session.meeting.items) == count - 1
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("left", "right", "enter")  # back on Nej
        await pilot.pause()
        assert len(app.session.meeting.items) == count - 1


async def test_quit_dialog_shows_its_keys(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        assert labels(app.screen) == ["[G]em og afslut", "Afslut uden at gemme (D)", "[A]nnuller"]
        await pilot.press("right", "right", "enter")  # Annuller
        await pilot.pause()
        assert not isinstance(app.screen, QuitDialog)


async def test_english_labels_take_the_english_letters(meeting_file, make_app):
    app = make_app(meeting_file, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConfirmDialog("Delete?"))
        await pilot.pause()
        assert labels(app.screen) == ["[Y]es", "[N]o"]
        await pilot.press("escape")
        await pilot.pause()
        open_form(app.screen, "participants")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert labels(app.screen) == ["[Y]es", "[N]o"]


def _count(app, place: str) -> int:  # type: ignore[no-untyped-def]
    meeting = app.session.meeting
    if place == "agenda":
        return len(meeting.items)
    if place == "participants":
        return len(meeting.participants)
    if place == "header":
        return len(meeting.header)
    return len(meeting.items[app.screen.item_editor.index].remarks)


async def _focus_list(pilot, place: str) -> None:  # type: ignore[no-untyped-def]
    from tui_referat.tui.forms.meeting_details import HeaderList

    screen = pilot.app.screen
    if place == "participants":
        open_form(screen, "participants")
    elif place == "header":
        open_form(screen, "details")
        await pilot.pause()
        screen.query_one(HeaderList).focus()
    elif place == "remarks":
        items = pilot.app.session.meeting.items
        index = next(i for i, item in enumerate(items) if len(item.remarks) > 1)
        screen.nav.select(Node("item", index))
        open_tab(screen, "remarks")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("place", ["agenda", "participants", "header", "remarks"])
async def test_every_delete_asks_the_same_way(meeting_file, make_app, place):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await _focus_list(pilot, place)
        delete = "x"  # one meaning in every list
        before = _count(app, place)
        assert before > 0
        await pilot.press(delete)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert labels(app.screen) == ["[J]a", "[N]ej"]
        assert app.screen.focused is app.screen.query_one("#no", Button)
        await pilot.press("enter")  # Enter presses the focused button: No
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert _count(app, place) == before
        await pilot.press(delete)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert _count(app, place) == before
        await pilot.press(delete)
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert _count(app, place) == before - 1


async def test_enter_on_a_closed_dropdown_submits_the_dialog(meeting_file, make_app):
    from textual.widgets import Select

    from tui_referat.domain.model import Attendance
    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        people = app.session.meeting.participants
        count = len(people)
        open_form(app.screen, "participants")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press(*"Ny Person", "tab", "tab", "tab", "tab")
        await pilot.pause()
        attendance = app.screen.query_one("#attendance", Select)
        assert app.screen.focused is attendance
        await pilot.press("space")  # Space (or Down) opens the list
        await pilot.pause()
        assert attendance.expanded
        await pilot.press("down", "enter")  # Enter in the open list chooses
        await pilot.pause()
        assert not attendance.expanded
        assert isinstance(app.screen, FieldsDialog)
        assert attendance.value is Attendance.ONLINE
        await pilot.press("enter")  # Enter on the closed list: OK
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        assert len(people) == count + 1
        assert people[-1].name == "Ny Person"
        assert people[-1].attendance is Attendance.ONLINE


async def test_enter_on_the_export_format_exports(meeting_file, make_app):
    from tui_referat.tui.screens.export_screen import ExportScreen

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # on the format (the first focus): export as shown
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.written == meeting_file.with_suffix(".html").resolve()
        assert app.screen.written.read_text("utf-8").startswith("<!")
