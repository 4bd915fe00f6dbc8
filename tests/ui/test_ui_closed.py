"""Closed items (lukket punkt) in the editor: the agenda's marker, the key that closes and
opens an item (undoable), the public title field, the palette entry, the export dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Checkbox, Input, Select

from tui_referat.storage import load_meeting
from tui_referat.tui.screens.export_screen import ExportScreen

from ..conftest import notifications
from .conftest import agenda_lines, run_from_palette

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


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
        shown = [f for f in app.screen.query("#item-public-title") if f.is_on_screen]
        assert not shown  # an open item has no public title
        await pilot.press("l")
        await pilot.pause()
        field = app.screen.query_one("#item-public-title", Input)
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


async def test_the_export_dialog_offers_closed_items_off_by_default(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        secret = app.session.meeting.items[1].title
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert not app.screen.query_one("#export-include-closed").display  # none closed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "l", "ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        box = screen.query_one("#export-include-closed", Checkbox)
        assert box.display and not box.value
        assert "[ ]" in str(box.render()) and "1 lukket punkt" in str(box.label)
        screen.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert box.display  # every format
        out = meeting_file.with_suffix(".md")
        screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        public = out.read_text(encoding="utf-8")
        assert "## Pkt. 2 Lukket punkt\n" in public and secret not in public
        box.toggle()
        await pilot.pause()
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        full = out.read_text(encoding="utf-8")
        assert "**FORTROLIGT – indeholder lukkede punkter**" in full and secret in full


async def test_the_eml_attach_count_leaves_a_closed_items_files_out(meeting_file, make_app):
    shutil.copytree(SAMPLES / "bilag", meeting_file.parent / "bilag")
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "up", "up", "l", "ctrl+e")  # item 5: five attachment files
        await pilot.pause()
        assert app.session.meeting.items[4].closed
        screen = app.screen
        screen.query_one("#export-format", Select).value = "eml"
        await pilot.pause()
        attach = screen.query_one("#export-attach", Checkbox)
        assert "(1 fil)" in str(attach.label)  # item 4's only
        screen.query_one("#export-include-closed", Checkbox).toggle()
        await pilot.pause()
        assert "(6 filer)" in str(attach.label)
