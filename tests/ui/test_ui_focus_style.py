"""The focus is easy to see in every theme: reverse video or a heavy border, never one shade.

Colour alone is not enough (16 colours, NO_COLOR): these tests look at what is drawn on the
screen where the widget is, focused and not, in each bundled theme.
"""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.color import Color
from textual.widget import Widget
from textual.widgets import Select

from tui_referat.tui.dialogs.form_dialogs import FieldsDialog
from tui_referat.tui.forms import ParticipantsTable
from tui_referat.tui.forms.meeting_details import HeaderList
from tui_referat.tui.widgets.nav import NavPanel

from ..conftest import screen_cells

THEMES = ("referat", "referat-16", "referat-light")
#: (theme, NO_COLOR set)
LOOKS = [(theme, False) for theme in THEMES] + [("referat", True), ("referat-16", True)]


def drawn_at(widget: Widget) -> Style:
    """The style drawn on the screen in the first cell of ``widget``'s text (after the app's
    line filters: NO_COLOR takes the colours out there)."""
    region = widget.content_region
    return widget.screen.get_style_at(region.x, region.y)


def stands_out(focused: Style, unfocused: Style) -> bool:
    """Bold, and reversed where the other is not or on a background far from the other's
    (more than a shade: a tenth of the brightness scale at least)."""
    if not focused.bold:
        return False
    if bool(focused.reverse) != bool(unfocused.reverse):
        return True
    on, off = focused.bgcolor, unfocused.bgcolor
    if on is None or off is None or on == off or on.is_default:
        return False
    if not (on.is_system_defined or off.is_system_defined):
        on_color, off_color = Color.from_rich_color(on), Color.from_rich_color(off)
        return abs(on_color.brightness - off_color.brightness) > 0.1
    return True  # two different colours of the terminal's own palette


def border_char(widget: Widget) -> str:
    """The character drawn at the widget's top-left corner."""
    region = widget.region
    return screen_cells(widget.app)[region.y][region.x]


@pytest.fixture(params=LOOKS, ids=[f"{t}{'-NO_COLOR' if n else ''}" for t, n in LOOKS])
def looking_app(request, meeting_file, make_app, monkeypatch):  # type: ignore[no-untyped-def]
    """The editor in one bundled theme, with or without NO_COLOR."""
    theme, no_color = request.param
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    return make_app(meeting_file, theme=theme)


async def open_details(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("up", "up", "enter")  # the agenda's first row: the meeting details
    await pilot.pause()


async def test_focused_select_in_the_case_header_dialog_stands_out(looking_app):
    app = looking_app
    async with app.run_test(size=(80, 24)) as pilot:
        await open_details(pilot)
        app.screen.query_one(HeaderList).focus()
        await pilot.press("enter")  # edit the first case header field
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FieldsDialog)
        select = dialog.query_one("#key", Select)
        assert dialog.focused is select
        focused = drawn_at(select.query_one("SelectCurrent"))
        await pilot.press("tab")
        await pilot.pause()
        assert dialog.focused is not select
        unfocused = drawn_at(select.query_one("SelectCurrent"))
        assert stands_out(focused, unfocused), (focused, unfocused)


async def test_focused_select_in_the_meeting_form_stands_out(looking_app):
    app = looking_app
    async with app.run_test(size=(80, 24)) as pilot:
        await open_details(pilot)
        chair = app.screen.query_one("#chair", Select)
        unfocused = drawn_at(chair.query_one("SelectCurrent"))
        chair.focus()
        await pilot.pause()
        focused = drawn_at(chair.query_one("SelectCurrent"))
        assert stands_out(focused, unfocused), (focused, unfocused)


@pytest.mark.parametrize("theme", THEMES)
async def test_focused_participants_table_has_the_heavy_border_of_a_focused_panel(
    meeting_file, make_app, theme
):
    app = make_app(meeting_file, theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        nav = app.screen.query_one(NavPanel)
        assert border_char(nav) == "┏"  # the agenda has the focus: heavy
        await pilot.press("up", "enter")
        await pilot.pause()
        table = app.screen.query_one(ParticipantsTable)
        assert app.screen.focused is table
        assert border_char(table) == "┏"
        assert border_char(nav) == "╭"
        await pilot.press("escape")
        await pilot.pause()
        assert border_char(table) == "╭"


async def test_no_color_with_the_16_colour_theme_keeps_the_text_readable(
    meeting_file, make_app, monkeypatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(meeting_file, theme="referat-16")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn = drawn_at(app.screen.query_one(NavPanel))
        color, background = drawn.color, drawn.bgcolor
        assert color is None or color.is_default or color != background, drawn
