"""One way to replace the open meeting: ``ReferatApp.show_session`` (a restored recovery copy, the
file read again, the next meeting), which has the main screen ``load`` the new session."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui_referat.storage.session import Session
from tui_referat.tui.screens.main_screen import MainScreen
from tui_referat.tui.widgets.item_editor import ItemEditor
from tui_referat.tui.widgets.nav import NavPanel, Node
from tui_referat.tui.widgets.status import HeaderLine, StatusLine

BOARD = Path(__file__).resolve().parents[2] / "samples" / "board-meeting.toml"


def _board(meeting_file: Path) -> Path:
    target = meeting_file.with_name("board.toml")
    shutil.copyfile(BOARD, target)
    return target


async def test_load_shows_the_new_meeting_on_the_same_screen(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("down", "f2")  # the second item, the preview on
        await pilot.pause()
        other = Session.open(_board(meeting_file))
        main.load(other)
        await pilot.pause()
        assert app.screen is main and main.session is other and main.meeting is other.meeting
        assert main.query_one(HeaderLine).title_text.startswith("Board meeting 5/2025")
        assert "board.toml" in main.query_one(StatusLine).right
        nav = main.query_one(NavPanel)
        assert len(nav.rows) == len(other.meeting.items) + 3
        assert nav.node == Node("item", 0) and main.focused is nav
        editor = main.query_one(ItemEditor)
        assert editor.item is other.meeting.items[0] and not editor.has_class("-preview")
        assert len(main.query(ItemEditor)) == 1  # the old panels are gone


async def test_an_edit_after_load_goes_to_the_new_meeting(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        other = Session.open(_board(meeting_file))
        app.show_session(other)  # as the safety steps and the meeting cycle do
        await pilot.pause()
        assert app.session is other and app.main_screen.session is other
        await pilot.press("a", *"Budget")
        await pilot.pause()
        assert other.dirty and other.meeting.items[1].title == "Budget"
        assert all(item.title != "Budget" for item in Session.open(meeting_file).meeting.items)
