"""The command palette finds every command by its Danish and its English name, whatever the
UI language; it shows the entry in the UI language."""

from __future__ import annotations

import pytest

from tui_referat.tui.palette import ReferatCommands, palette_entries
from tui_referat.tui.screens.export_screen import ExportScreen
from tui_referat.tui.widgets.status import HeaderLine

from .conftest import run_from_palette


async def test_english_ui_saves_on_the_danish_word(meeting_file, make_app):
    app = make_app(meeting_file, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t")  # a change to save
        await pilot.pause()
        assert "modified" in app.screen.query_one(HeaderLine).state_text
        await run_from_palette(pilot, "gem")
        await pilot.pause()
        assert not app.session.dirty
        assert "modified" not in app.screen.query_one(HeaderLine).state_text
    assert "standing = true" in meeting_file.read_text()


async def test_danish_ui_exports_on_the_english_word(meeting_file, make_app):
    app = make_app(meeting_file, lang="da")
    async with app.run_test(size=(80, 24)) as pilot:
        await run_from_palette(pilot, "export")
        assert isinstance(app.screen, ExportScreen)


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_every_command_is_found_by_both_its_names(meeting_file, make_app, lang):
    app = make_app(meeting_file, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        provider = ReferatCommands(app.screen)
        entries = list(palette_entries(app.screen))
        assert len(entries) > 20
        for entry in entries:
            danish, english = entry.names
            assert entry.title.startswith(danish if lang == "da" else english)
            for name in (danish, english):
                found = [hit.text async for hit in provider.search(name)]
                assert entry.title in found, (name, entry.title)
                if entry.key:  # the name with the key finds it too
                    found = [hit.text async for hit in provider.search(entry.label(name))]
                    assert entry.title in found, (name, entry.title)
