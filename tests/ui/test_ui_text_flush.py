"""Typed text reaches the model once per pause, unrecorded: the agenda's undo skips it."""

from __future__ import annotations


async def test_flushed_text_is_applied_once_and_not_recorded(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "x")
        applied = []
        app.session.listeners.append(lambda event, session: applied.append(event))
        app.screen.flush_pending()  # what the editor's debounce timer does
        app.screen.flush_pending()  # nothing new: nothing applied
        await pilot.pause()
        assert app.session.meeting.items[0].minutes.startswith("x")
        assert len(applied) == 1
        assert app.session.undo() is None  # typing has its own undo in the text area
