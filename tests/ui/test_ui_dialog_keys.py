"""Dialogs show their keys, and Left / Right / Tab move between the buttons."""

from __future__ import annotations

from textual.widgets import Button

from tui_referat.ui.dialogs import ConfirmDialog, QuitDialog
from tui_referat.ui.forms.dialogs import ConfirmDialog as FormConfirmDialog


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
        app.push_screen(FormConfirmDialog("Delete the remark?"))
        await pilot.pause()
        assert labels(app.screen) == ["Delete (Y)", "Cancel (N)"]
