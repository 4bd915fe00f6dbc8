"""The item's kind: its letter sets it, Enter opens the list, Delete clears it; all undoable."""

from __future__ import annotations

from tui_referat.domain.model import Kind
from tui_referat.tui.widgets.kind_menu import KindMenu
from tui_referat.tui.widgets.kind_select import KindSelect


async def test_letters_the_list_and_delete_set_the_kind(meeting_file, make_app) -> None:
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "enter")  # item 3 is "(O)"
        item = app.screen.item_editor.item
        assert item.kind is Kind.INFORMATION
        picker = app.screen.query_one("#item-kind", KindSelect)
        picker.focus()
        await pilot.press("b")
        await pilot.pause()
        assert item.kind is Kind.DECISION
        assert "B" in picker.render().plain
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, KindMenu)
        await pilot.press("up", "enter")  # the entry above "B …": "D …"
        await pilot.pause()
        assert not isinstance(app.screen, KindMenu)
        assert item.kind is Kind.DISCUSSION
        await pilot.press("delete")
        await pilot.pause()
        assert item.kind is None
        assert picker.render().plain.startswith("–")
        await pilot.press("ctrl+z")  # the changes of one field in a row undo as one step
        await pilot.pause()
        assert item.kind is Kind.INFORMATION
        assert picker.render().plain.startswith("O ")


async def test_escape_closes_the_list_without_a_change(meeting_file, make_app) -> None:
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        item = app.screen.item_editor.item
        before = item.kind
        app.screen.query_one("#item-kind", KindSelect).focus()
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("down", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, KindMenu)
        assert item.kind is before
