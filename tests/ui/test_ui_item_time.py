"""The item's time field reads times as every other field does ("13", "1330", "kl. 13.30"),
and a time it cannot read stays in the field, marked, until the user mends it."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input


async def _type_time(app, pilot, text: str) -> Input:  # type: ignore[no-untyped-def]
    field = app.screen.query_one("#item-time", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()
    return field


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("13", dt.time(13, 0)), ("1330", dt.time(13, 30)), ("kl. 9.5", dt.time(9, 5))],
)
async def test_the_item_time_takes_every_written_form(meeting_file, make_app, typed, expected):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await _type_time(app, pilot, typed)
        assert app.session.meeting.items[0].time == expected
        assert not field.has_class("-invalid")
        await pilot.press("tab")  # leaving the field shows the time as the editor writes it
        await pilot.pause()
        assert field.value == f"{expected.hour:02d}.{expected.minute:02d}"


async def test_a_bad_time_keeps_the_typed_text(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.session.meeting.items[0].time
        field = await _type_time(app, pilot, "25.00")
        assert field.has_class("-invalid")
        assert app.session.meeting.items[0].time == before
        await pilot.press("tab")
        await pilot.pause()
        # another field's edit refreshes the editor: the bad text is still there to mend
        title = app.screen.query_one("#item-title", Input)
        title.focus()
        await pilot.press("end", "!")
        await pilot.pause()
        assert app.session.meeting.items[0].title.endswith("!")
        assert field.value == "25.00"
        assert field.has_class("-invalid")
