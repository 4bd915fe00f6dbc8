"""The "● ændret" marker shows exactly while the meeting differs from its file: undo back to
the saved state hides it, redo shows it again, and text typed in a section keeps it."""

from __future__ import annotations

from textual.widgets import Input

from tui_referat.tui.widgets.status import HeaderLine

MARK = "● ændret"


def marker_shown(app) -> bool:  # type: ignore[no-untyped-def]
    return MARK in app.screen.query_one(HeaderLine).state_text


async def test_undo_to_the_loaded_state_hides_the_marker_and_redo_shows_it(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not marker_shown(app)
        title = app.screen.item_editor.query_one("#item-title", Input)
        title.focus()
        await pilot.press("end", *"abc")  # three keys in one field: one undo step
        await pilot.pause()
        assert marker_shown(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not marker_shown(app)
        assert not app.session.dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert marker_shown(app)
        assert app.session.meeting.items[0].title.endswith("abc")


async def test_undo_and_redo_around_a_save(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")  # the first item's standing flag
        await pilot.pause()
        assert marker_shown(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not marker_shown(app)
        await pilot.press("ctrl+z")  # back to before the save: differs from the file
        await pilot.pause()
        assert marker_shown(app)
        await pilot.press("ctrl+y")  # the saved state again
        await pilot.pause()
        assert not marker_shown(app)


async def test_text_typed_in_a_section_keeps_the_marker_after_undo(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("enter", *"Ny linje. ", "escape")  # minutes of the first item
        await pilot.pause()
        assert app.session.meeting.items[0].minutes.startswith("Ny linje. ")
        await pilot.press("ctrl+z")  # undoes the standing flag, not the typing
        await pilot.pause()
        assert app.session.meeting.items[0].minutes.startswith("Ny linje. ")
        assert marker_shown(app)
        assert app.session.dirty


async def test_quit_after_undoing_everything_does_not_ask(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
