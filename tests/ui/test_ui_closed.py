"""Closed items (lukket punkt) in the editor: the agenda's marker, the key that closes and
opens an item (undoable), the public title field, the palette entry."""

from __future__ import annotations

from textual.widgets import Input

from tui_referat.storage import load_meeting

from ..conftest import notifications
from .conftest import agenda_lines, run_from_palette


def row(app, number: int) -> str:  # type: ignore[no-untyped-def]
    """The agenda row of item ``number`` as the screen shows it (details, participants first)."""
    return agenda_lines(app)[number + 1]


async def test_l_closes_the_selected_item_marks_it_and_undo_opens_it(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        item = app.session.meeting.items[1]
        await pilot.press("down")
        await pilot.pause()
        before = row(app, 2)
        assert before.startswith("▶2. ") and "[L]" not in before
        await pilot.press("l")
        await pilot.pause()
        assert item.closed and app.session.dirty
        assert row(app, 2).startswith("▶2. [L] ")
        assert row(app, 2)[-5:] == before[-5:]  # the planned time still shows
        assert any("Punkt 2 er lukket" in text for text in notifications(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not item.closed and row(app, 2) == before
        await pilot.press("l", "l")  # closed and open again
        await pilot.pause()
        assert not item.closed and row(app, 2) == before


async def test_the_marker_is_text_and_english_says_c(meeting_file, make_app):
    app = make_app(meeting_file, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert row(app, 1).startswith("▶1. [C] ")
        assert row(app, 1)[-5:] == "12:00"


async def test_the_public_title_field_shows_for_a_closed_item_and_is_saved(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#item-public-title", Input)
        assert not field.is_on_screen  # an open item has no public title
        await pilot.press("l")
        await pilot.pause()
        assert field.is_on_screen and field.placeholder == "Lukket punkt"
        field.focus()
        await pilot.press(*"Personale")
        await pilot.pause()
        assert app.session.meeting.items[0].public_title == "Personale"
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = meeting_file.read_text(encoding="utf-8")
    assert "closed = true" in text and 'public_title = "Personale"' in text
    saved = load_meeting(meeting_file).items[0]
    assert saved.closed and saved.public_title == "Personale"


async def test_the_palette_closes_the_item_by_its_danish_or_english_name(meeting_file, make_app):
    app = make_app(meeting_file, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await run_from_palette(pilot, "lukket punkt")
        await pilot.pause()
        assert app.session.meeting.items[0].closed
