"""Participants table flows: add, edit, delete, reorder, attendance, chair and secretary."""

from __future__ import annotations

import asyncio

from tui_referat.model import Meeting
from tui_referat.ui.forms import ParticipantsTable

SIZE = (80, 24)


def names(meeting: Meeting) -> list[str]:
    return [person.name for person in meeting.participants]


def test_add_participant_through_the_dialog(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))
    asyncio.run(_add(app, meeting))


async def _add(app, meeting) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.press(*"Eva Friis", "tab", *"konsulent", "tab", *"Kultur", "enter")
        await pilot.pause()
        assert names(meeting)[-1] == "Eva Friis"
        assert meeting.participants[-1].title == "konsulent"
        assert meeting.participants[-1].organisation == "Kultur"
        table = app.widget
        assert table.cursor_row == 4
        assert "Eva Friis" in str(table.get_row_at(4)[0])
