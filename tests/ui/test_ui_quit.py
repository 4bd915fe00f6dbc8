"""ctrl+q: quits at once when saved; asks Save and quit / Quit without saving / Cancel."""

from __future__ import annotations

from tui_referat.storage import load_meeting
from tui_referat.tui.dialogs.confirm import QuitDialog

from ..conftest import notifications


async def test_clean_meeting_quits_at_once(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_dirty_meeting_asks_and_cancel_keeps_editing(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, QuitDialog)
        assert app.session.dirty


async def test_text_typed_and_taken_out_again_quits_at_once(meeting_file, make_app):
    # The header said "changed" since the first key, but the meeting is again what the file
    # holds: there is nothing to save, so ctrl+q does not ask.
    before = meeting_file.read_bytes()
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"abc", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert app.session.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not isinstance(app.screen, QuitDialog)
        assert not app.is_running
    assert meeting_file.read_bytes() == before


async def test_quit_without_saving_leaves_the_file(meeting_file, make_app):
    before = meeting_file.read_bytes()
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"abc", "ctrl+q")  # typed text counts as unsaved at once
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#discard")
        await pilot.pause()
        assert not app.is_running
    assert meeting_file.read_bytes() == before


async def test_save_and_quit_writes_the_text(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"abc", "ctrl+q")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert load_meeting(meeting_file).items[0].minutes.startswith("abc")


async def test_failed_save_is_shown_and_the_meeting_stays_unsaved(
    meeting_file, make_app, monkeypatch
):
    import tui_referat.storage.meeting_file

    def refuse(meeting, path):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tui_referat.storage.meeting_file, "save_meeting", refuse)
    before = meeting_file.read_bytes()
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert app.session.dirty
        errors = notifications(app, "error")
        assert errors and "No space left" in errors[0]
        await pilot.press("ctrl+q")  # still guarded
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
    assert meeting_file.read_bytes() == before
