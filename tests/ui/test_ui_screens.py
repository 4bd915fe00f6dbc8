"""Export screen, F1 help, command palette and preview."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Markdown, Select

from tui_referat.tui.palette import palette_commands
from tui_referat.tui.screens.export_screen import ExportScreen
from tui_referat.tui.screens.help_screen import HelpScreen, help_rows, help_sections

from ..conftest import notifications


async def test_export_from_the_ui_writes_next_to_the_meeting(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-format", Select).value = "eml"
        await pilot.pause()
        expected = meeting_file.with_suffix(".eml")
        assert screen.query_one("#export-path").value == str(expected)
        await pilot.press("ctrl+e")  # runs the export
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert expected.is_file() and b"X-Unsent: 1" in expected.read_bytes()
        assert str(expected) in str(screen.query_one("#export-result").render())
    assert meeting_file.read_text("utf-8").startswith("#")  # the meeting file is untouched


async def test_export_failure_is_shown_not_raised(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(meeting_file.parent / "no" / "x.html")
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "-error" in app.screen.query_one("#export-result").classes


async def test_f1_lists_the_keys_of_the_focused_context(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = help_rows(app.screen)
        keys = {keys: text for keys, text, _ in rows}
        assert keys["a/Ins"] == "Tilføj" and keys["^S"] == "Gem" and keys["^Q"] == "Afslut"
        assert keys["^PgUp/F5"] == "Forrige fane"
        assert help_sections(app.screen)[0][0] == "Dagsorden"  # where the focus is, first
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("enter")  # in the minutes editor the item's keys come first
        await pilot.pause()
        sections = help_sections(app.screen)
        assert sections[0][0] == "Punkt"
        headings = [heading for heading, _ in sections]
        assert headings[-1] == "Tekstfelter" and "Deltagere" in headings
        texts = [text for _, text, _ in help_rows(app.screen)]
        assert "Dagsorden" in texts


async def test_f1_lists_no_english_and_no_key_twice(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in ([], ["enter"], ["escape", "home", "enter"], ["escape", "down", "enter"]):
            await pilot.press(*keys)
            await pilot.pause()
            for heading, rows in help_sections(app.screen):
                for keys_text, text, _ in rows:
                    for english in ("Focus", "Copy", "Cursor", "Page", "Move cursor", "Super"):
                        assert english not in f"{keys_text} {text}", (heading, keys_text, text)
                    parts = keys_text.split("/")
                    assert len(parts) == len(set(parts)), keys_text


async def test_palette_lists_every_action_with_its_key_and_runs_it(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [title for title, _, _ in palette_commands(app.screen)]
        for expected in (
            "Gem  (^S)",
            "Eksport  (^E)",
            "Dagsorden: tilføj punkt  (a/Ins)",
            "Dagsorden: flyt punkt op  (^↑/K)",
        ):
            assert any(title.startswith(expected) for title in titles), (expected, titles)
        assert not any(title.startswith("Tema:") for title in titles)  # no Textual themes
        assert "Skift tema (nu: referat)" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"tilføj")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.meeting.items[1].title == "Nyt punkt"


async def test_f2_preview_renders_the_item(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause(0.2)
        markdown = app.screen.query_one(Markdown)
        title = app.session.meeting.items[0].title
        assert markdown.source.startswith(f"## 1. {title}")
        assert not app.screen.query_one("#item-tabs").display  # narrow: preview in its place
        await pilot.press("f2")
        assert app.screen.query_one("#item-tabs").display


async def test_palette_speaks_danish_and_reaches_every_place(meeting_file, make_app):
    from textual.command import CommandInput

    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog
    from tui_referat.tui.forms import ParticipantsTable, RemarksEditor

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [title for title, _, _ in palette_commands(app.screen)]
        for expected in (
            "Deltagere: tilføj deltager",
            "Bemærkninger: tilføj bemærkning til punktet",
            "Bilag: tilføj bilag til punktet",
            "Opfølgning: tilføj handling til punktet",
            "Mødet: tilføj sagsfelt",
            "Næste møde: dato, tid og sted",
            "Punkt: gå til Bemærkninger",
        ):
            assert expected in titles, expected
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Søg efter kommandoer …"
        await pilot.press(*"tilføj deltager")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)  # the add dialog is open
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ParticipantsTable)
        item = app.session.meeting.items[0]
        count = len(item.remarks)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tilføj bemærkning")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert len(item.remarks) == count + 1
        assert app.screen.item_editor.query(RemarksEditor)


async def test_change_theme_cycles_the_editors_own_themes(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        from tui_referat.tui.palette import cycle_theme

        seen = {app.theme}
        for _ in range(len(app.own_themes)):
            cycle_theme(app)
            await pilot.pause()
            seen.add(app.theme)
        assert seen == set(app.own_themes)


async def test_read_only_save_says_read_only_and_hides_the_save_key(meeting_file, make_app):
    from tui_referat.tui.widgets.status import StatusLine

    app = make_app(meeting_file, read_only=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        keys = app.screen.query_one(StatusLine).keys_text
        assert "^S" not in keys and "^E" in keys
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = notifications(app)
        assert any("kun til læsning" in m for m in messages), messages
        assert not any("gendannelse" in m.lower() for m in messages), messages


async def test_garbage_collection_is_back_on_once_the_first_screen_is_drawn(
    meeting_file, make_app
) -> None:
    import gc

    gc.disable()  # as `referat FILE` does for the start-up
    try:
        app = make_app(meeting_file)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
