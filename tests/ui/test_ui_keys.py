"""The key contract: start in the agenda on item 1, Up/Down, Enter to write, Escape, ctrl+s."""

from __future__ import annotations

from tui_referat.storage import load_meeting
from tui_referat.tui.widgets.item_editor import SectionArea
from tui_referat.tui.widgets.nav import NavPanel, Node
from tui_referat.tui.widgets.status import HeaderLine

from .conftest import agenda_lines


async def test_start_focus_is_the_agenda_on_the_first_item(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        nav = app.screen.query_one(NavPanel)
        assert app.screen.focused is nav
        assert nav.node == Node("item", 0)
        rows = agenda_lines(app)
        assert rows[2].startswith("▶1. ")  # the marker on the first item's row, only there
        assert [row for row in rows if "▶" in row] == [rows[2]]


async def test_up_down_enter_escape(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        nav = app.screen.query_one(NavPanel)
        await pilot.press("down", "down")
        assert nav.node == Node("item", 2)
        await pilot.press("up")
        assert nav.node == Node("item", 1)
        await pilot.press("enter")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, SectionArea) and focused.key == "minutes"
        assert app.screen.item_editor.item is app.session.meeting.items[1]
        assert focused.text == app.session.meeting.items[1].minutes
        await pilot.press("escape")
        assert app.screen.focused is nav
        assert nav.node == Node("item", 1)


async def test_typed_minutes_reach_the_file_only_on_save(meeting_file, make_app):
    before = meeting_file.read_bytes()
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"Ny linje. ")
        await pilot.pause()
        assert app.session.dirty
        assert "● ændret" in app.screen.query_one(HeaderLine).state_text
        await pilot.press("escape", "down")  # leaving the item applies the text to the model
        assert app.session.meeting.items[0].minutes.startswith("Ny linje. ")
        assert meeting_file.read_bytes() == before
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
    saved = load_meeting(meeting_file)
    assert saved.items[0].minutes.startswith("Ny linje. ")
    # Nothing else changed: only the minutes line differs from the original bytes.
    changed = [
        (a, b)
        for a, b in zip(
            before.decode().splitlines(), meeting_file.read_text().splitlines(), strict=True
        )
        if a != b
    ]
    assert len(changed) == 1


async def test_ctrl_s_and_ctrl_e_work_while_writing(meeting_file, make_app):
    from tui_referat.tui.screens.export_screen import ExportScreen

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "x", "ctrl+s")
        await pilot.pause()
        assert load_meeting(meeting_file).items[0].minutes.startswith("x")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)


async def test_enter_on_participants_focuses_the_table(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "enter")
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and focused is not app.screen.query_one(NavPanel)
        assert app.screen.switcher.current == "node-participants"
        await pilot.press("escape")
        assert app.screen.focused is app.screen.query_one(NavPanel)
