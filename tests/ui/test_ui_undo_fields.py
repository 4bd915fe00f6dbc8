"""Undo and redo never leave a field showing (or writing to) an object other than the one shown."""

from __future__ import annotations

from textual.widgets import Input

from tui_referat.tui.widgets.nav import NavPanel, Node


def title_field(app) -> Input:  # type: ignore[no-untyped-def]
    return app.screen.item_editor.query_one("#item-title", Input)


async def test_undo_after_adding_an_item_reloads_the_focused_title(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        items = app.session.meeting.items
        third = items[2]
        await pilot.press("down", "a")
        await pilot.pause()
        await pilot.press(*"QA punkt")
        await pilot.pause()
        assert items[2].title == "QA punkt"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert items[2].title == "Nyt punkt"
        assert title_field(app).value == "Nyt punkt"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert items[2] is third
        editor = app.screen.item_editor
        shown = editor.item
        assert title_field(app).value == shown.title
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert third.title == "Status fra BDF" or title_field(app).value == third.title
        assert all(item.title != "QA punkt!" for item in items)


async def test_undo_of_a_delete_selects_the_restored_item(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        items = app.session.meeting.items
        victim = items[1]
        await pilot.press("down", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("up", "u")
        await pilot.pause()
        nav = app.screen.query_one(NavPanel)
        assert items[1] is victim
        assert nav.node == Node("item", 1)
        assert app.screen.item_editor.item is victim


async def test_undo_reloads_a_focused_remark_field_in_place(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        index = next(i for i, item in enumerate(app.session.meeting.items) if item.remarks)
        screen.nav.select(Node("item", index))
        await pilot.pause()
        screen.show_node(screen.nav.node)
        screen.item_editor.open_section("remarks")
        await pilot.pause()
        author = screen.item_editor.query_one("#author", Input)
        author.focus()
        await pilot.pause()
        from tui_referat.tui.forms import RemarksEditor

        remark = screen.item_editor.query_one(RemarksEditor).selected
        before = remark.author
        await pilot.press("end", "X", "Y")
        await pilot.pause()
        assert remark.author == before + "XY"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert remark.author == before
        author = screen.item_editor.query_one("#author", Input)
        assert author.value == before
        assert author.has_focus  # the same remark: the cursor stays in its field


async def test_undo_reloads_the_focused_meeting_title(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = app.session.meeting
        before = meeting.title
        await pilot.press("home", "enter")
        await pilot.pause()
        field = app.screen.query_one("#title", Input)
        assert field.has_focus
        await pilot.press("end", "!")
        await pilot.pause()
        assert meeting.title == before + "!"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert meeting.title == before
        assert field.value == before


async def test_opening_another_tab_does_not_mark_the_meeting_changed(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter", "f6", "f6")
        await pilot.pause(0.3)
        assert not app.session.dirty
        await pilot.press("f5", "x")
        await pilot.pause(0.7)
        assert app.session.dirty


async def test_a_field_left_shows_the_start_of_its_text(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("home", "enter")  # meeting details: the title field has the focus
        await pilot.pause()
        field = app.screen.query_one("#title", Input)
        assert field.has_focus and field.cursor_position == len(field.value)
        await pilot.press("tab")
        await pilot.pause()
        assert field.cursor_position == 0 and field.scroll_offset.x == 0


async def test_an_edit_from_elsewhere_reloads_the_focused_field(meeting_file, make_app):
    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = app.session.meeting
        await pilot.press("home", "enter")
        await pilot.pause()
        field = app.screen.query_one("#approved", Input)
        field.focus()
        await pilot.pause()
        assert field.value == "" and meeting.approved is None
        await pilot.press("f9")  # approve: a dialog asks for the day
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert meeting.approved is not None
        assert field.value != ""  # shows the new date: leaving it must not clear it
        await pilot.press("tab")
        await pilot.pause()
        assert meeting.approved is not None
