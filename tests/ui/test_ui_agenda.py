"""Agenda operations from the navigation panel: add, duplicate, move, delete, undo."""

from __future__ import annotations

from tui_referat.tui.dialogs.confirm import ConfirmDialog
from tui_referat.tui.widgets.nav import NavPanel, Node

from .conftest import agenda_lines


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.title for item in app.session.meeting.items]


def nav_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.strip() for row in agenda_lines(app)]


async def test_add_item_after_the_selected_one_and_numbers_follow(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        first, second = titles(app)[:2]
        await pilot.press("a")
        await pilot.pause()
        assert titles(app)[:3] == [first, "Nyt punkt", second]
        assert app.screen.query_one(NavPanel).node == Node("item", 1)
        assert any(row.startswith("▶2. Nyt punkt") for row in nav_rows(app))
        assert any(row.startswith(f"3. {second[:10]}") for row in nav_rows(app))
        assert app.session.dirty


async def test_move_down_and_up_with_keys(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        first, second, third = titles(app)[:3]
        await pilot.press("J")
        assert titles(app)[:3] == [second, first, third]
        assert app.screen.query_one(NavPanel).node == Node("item", 1)  # follows the item
        await pilot.press("ctrl+down")
        assert titles(app)[:3] == [second, third, first]
        await pilot.press("K", "ctrl+up")
        assert titles(app)[:3] == [first, second, third]


async def test_delete_asks_and_undo_brings_the_item_back(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        before = titles(app)
        await pilot.press("down", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert titles(app) == before
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert titles(app) == before[:1] + before[2:]
        assert app.screen.item_editor.header().startswith("Pkt. 2 · " + before[2])
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert titles(app) == before
        await pilot.press("ctrl+y")
        assert titles(app) == before[:1] + before[2:]


async def test_duplicate_copies_the_text_and_attachment_numbers_follow(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = app.session.meeting
        index = next(i for i, item in enumerate(meeting.items) if item.attachments)
        for _ in range(index):
            await pilot.press("down")
        original = meeting.items[index]
        await pilot.press("d")
        await pilot.pause()
        copy = meeting.items[index + 1]
        assert copy is not original and copy.minutes == original.minutes
        assert copy.attachments[0] is not original.attachments[0]
        line = str(app.screen.item_editor.render()).splitlines()[-1]
        assert f"Bilag {index + 2}.1 {copy.attachments[0].title[:20]}" in line  # cut with …
        await pilot.press("K")  # move the copy above the original: numbers follow
        await pilot.pause()
        line = str(app.screen.item_editor.render()).splitlines()[-1]
        assert f"Bilag {index + 1}.1" in line


async def test_item_title_field_edits_the_model_and_the_agenda(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *["shift+tab"] * 7)
        await pilot.pause()
        focused = app.screen.focused
        assert focused is not None and focused.id == "item-title"
        await pilot.press("end", *" X")
        await pilot.pause()
        assert app.session.meeting.items[0].title.endswith(" X")
        await pilot.press("escape", "ctrl+z")  # field typing undoes as one step
        assert not app.session.meeting.items[0].title.endswith("X")


async def test_added_item_puts_the_cursor_in_its_title(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.focused.id == "item-title"
        await pilot.press(*"Budget")  # replaces the selected placeholder title
        await pilot.pause()
        assert app.session.meeting.items[1].title == "Budget"
