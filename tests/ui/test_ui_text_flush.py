"""Typed text reaches the model once per pause, unrecorded: the agenda's undo skips it."""

from __future__ import annotations

from tui_referat.ui.messages import TextEdited


async def test_flushed_text_is_applied_once_and_not_recorded(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "x")
        editor = app.screen.item_editor
        applied = []
        app.session.listeners.append(lambda event, session: applied.append(event))
        for edit in editor.take_pending():  # what the editor's debounce timer does
            editor.post_message(TextEdited(edit))
        await pilot.pause()
        assert app.session.meeting.items[0].minutes.startswith("x")
        assert len(applied) == 1
        assert app.session.undo() is None  # typing has its own undo in the text area
