"""Home, End, PgUp and PgDn move the highlighted row in every list of the editor: the agenda,
the participants, the case header, remarks, attachments, actions, the kind list and the
dropdowns of the dialogs and the export screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList, Select

from tui_referat.domain.model import Action, AgendaItem, Attachment, CaseField, Participant, Remark
from tui_referat.storage import load_meeting, save_meeting
from tui_referat.tui.palette import open_form, open_tab
from tui_referat.tui.widgets.nav import Node

#: Rows in each list: more than a page at 80x24.
MANY = 40


@pytest.fixture
def long_file(meeting_file: Path) -> Path:
    """The sample with every list longer than a page (the first item holds the long lists)."""
    meeting = load_meeting(meeting_file)
    meeting.items += [AgendaItem(f"Punkt {n}") for n in range(MANY)]
    meeting.participants += [Participant(f"Deltager {n}") for n in range(MANY)]
    meeting.header += [CaseField(f"felt_{n}", str(n), label=f"Felt {n}") for n in range(MANY)]
    first = meeting.items[0]
    first.remarks += [Remark(f"Bemærkning {n}") for n in range(MANY)]
    first.attachments += [Attachment(f"Bilag {n}") for n in range(MANY)]
    first.actions += [Action(f"Handling {n}") for n in range(MANY)]
    save_meeting(meeting, meeting_file)
    return meeting_file


async def _open(pilot, place: str) -> Callable[[], int | None]:  # type: ignore[no-untyped-def]
    """Put the focus in the list ``place``; returns how to read its highlighted row."""
    from tui_referat.tui.forms.meeting_details import HeaderList
    from tui_referat.tui.forms.participants import ParticipantsTable

    app = pilot.app
    screen = app.screen
    if place == "agenda":
        return lambda: screen.nav.cursor
    if place == "participants":
        open_form(screen, "participants")
        await pilot.pause()
        table = screen.query_one(ParticipantsTable)
        return lambda: table.cursor_row
    if place == "header":
        open_form(screen, "details")
        await pilot.pause()
        header = screen.query_one(HeaderList)
        header.focus()
        return lambda: header.highlighted
    if place in ("remarks", "attachments", "actions"):
        screen.nav.select(Node("item", 0))
        open_tab(screen, place)
        await pilot.pause()
        await pilot.pause()
        focused = app.focused
        assert isinstance(focused, OptionList), focused
        return lambda: focused.highlighted
    if place == "kind":
        screen.item_editor.query_one("#item-kind").focus()
        await pilot.press("enter")
    elif place == "attendance":
        open_form(screen, "participants")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#attendance", Select).focus()
        await pilot.press("space")
    elif place in ("export-format", "export-theme"):
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one(f"#{place}", Select).focus()
        await pilot.press("space")
    await pilot.pause()
    menu = app.focused
    assert isinstance(menu, OptionList), menu
    return lambda: menu.highlighted


PLACES = [
    "agenda",
    "participants",
    "header",
    "remarks",
    "attachments",
    "actions",
    "kind",
    "attendance",
    "export-format",
    "export-theme",
]


@pytest.mark.parametrize("place", PLACES)
async def test_home_end_page_up_page_down_move_the_highlight(long_file, make_app, place):
    app = make_app(long_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row = await _open(pilot, place)
        await pilot.press("end")
        last = row()
        await pilot.press("home")
        first = row()
        assert first is not None and last is not None
        assert first < last, (place, first, last)
        await pilot.press("pagedown")
        down = row()
        assert down is not None and down > first, (place, first, down)
        await pilot.press("pageup")
        up = row()
        assert up is not None and up < down, (place, down, up)
