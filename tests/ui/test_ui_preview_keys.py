"""F2 preview: read a long item to its end with the keys, and get back to the text.

At 80x24 the preview takes the place of the item's text, so it takes the focus the text had
(the keys scroll it at once) and F2 gives the focus back. At 120x40 it sits beside the text
and the secretary keeps writing; the preview is one Tab stop away.
"""

from __future__ import annotations

from tui_referat.tui.screens.help_screen import help_sections
from tui_referat.tui.widgets.item_editor import SectionArea
from tui_referat.tui.widgets.nav import NavPanel
from tui_referat.tui.widgets.preview import ItemPreview

LONG_ITEM = ("down", "down", "down", "down")  # item 5 of the sample: far longer than a screen


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def test_f2_while_writing_gives_the_preview_the_keys_and_f2_gives_them_back(
    meeting_file, make_app
):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*LONG_ITEM, "enter")
        await pilot.pause()
        text = app.screen.focused
        assert isinstance(text, SectionArea)
        await pilot.press("f2")
        await pilot.pause(0.2)
        preview = app.screen.query_one(ItemPreview)
        assert app.screen.focused is preview
        assert preview.max_scroll_y > 10
        await pilot.press("end")
        await settle(pilot)
        assert preview.scroll_y == preview.max_scroll_y
        await pilot.press("home")
        await settle(pilot)
        assert preview.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        page = preview.scroll_y
        assert page > 5
        await pilot.press("down", "down")
        await settle(pilot)
        assert preview.scroll_y == page + 2
        await pilot.press("up", "up", "pageup")
        await settle(pilot)
        assert preview.scroll_y == 0
        await pilot.press(*"xyz")  # no key of the preview writes anywhere
        await pilot.pause()
        assert not app.session.dirty
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.focused is text and text.display


async def test_enter_in_the_agenda_while_the_preview_shows_focuses_the_preview(
    meeting_file, make_app
):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*LONG_ITEM, "f2")
        await pilot.pause(0.2)
        assert isinstance(app.screen.focused, NavPanel)  # F2 in the agenda: it stays there
        await pilot.press("enter", *"abc")
        await pilot.pause()
        preview = app.screen.query_one(ItemPreview)
        assert app.screen.focused is preview  # not the hidden text behind it
        assert not app.session.dirty
        await pilot.press("end")
        await settle(pilot)
        assert preview.scroll_y == preview.max_scroll_y > 0
        await pilot.press("escape")
        assert isinstance(app.screen.focused, NavPanel)


async def test_wide_preview_leaves_the_focus_in_the_text_and_is_reachable(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*LONG_ITEM, "enter")
        await pilot.pause()
        text = app.screen.focused
        assert isinstance(text, SectionArea)
        await pilot.press("f2")
        await pilot.pause(0.2)
        assert app.screen.focused is text  # writing goes on beside the preview
        preview = app.screen.query_one(ItemPreview)
        assert preview in app.screen.focus_chain  # one Tab stop of the item editor
        preview.focus()
        await pilot.press("end")
        await settle(pilot)
        assert preview.scroll_y == preview.max_scroll_y > 0
        await pilot.press("f2")  # the preview goes: back to the text
        await pilot.pause()
        assert app.screen.focused is text


async def test_f1_lists_the_preview_keys_first_while_it_has_the_focus(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*LONG_ITEM, "enter", "f2")
        await pilot.pause(0.2)
        assert isinstance(app.screen.focused, ItemPreview)
        heading, rows = help_sections(app.screen)[0]
        assert heading == "Visning (F2)"
        keys = {keys: text for keys, text, _ in rows}
        assert set(keys) == {"↑", "↓", "PgUp", "PgDn", "Home", "End"}
        assert keys["PgDn"] == "Rul en side ned"
        assert keys["End"] == "Til slutningen"
