"""During the meeting: "came/went now" records the selected participant's arrival, departure
or return at the item last selected in the agenda, as one undoable edit."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_referat.domain.model import Presence
from tui_referat.storage import load_meeting
from tui_referat.tui.forms import ParticipantsTable
from tui_referat.tui.forms import participants as participants_form

from .conftest import run_from_palette


@pytest.fixture
def at_20_25(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(participants_form, "now_to_the_minute", lambda: dt.time(20, 25))


async def test_came_went_now_records_at_the_item_selected_in_the_agenda(
    meeting_file, make_app, at_20_25
):
    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down")  # item 3 selected in the agenda
        await pilot.pause(0.3)
        await run_from_palette(pilot, "kom/gik nu")
        await pilot.pause()
        first, second = app.session.meeting.participants[:2]
        assert first.presence == [Presence("left", dt.time(20, 25), 3)]
        table = app.screen.query_one(ParticipantsTable)
        assert app.screen.focused is table
        await pilot.press("t")  # the same participant again: back
        await pilot.press("down", "t")  # the next one leaves
        await pilot.pause()
        assert [e.event for e in first.presence] == ["left", "returned"]
        assert second.presence == [Presence("left", dt.time(20, 25), 3)]
        await pilot.press("ctrl+z")  # one key, one undo
        await pilot.pause()
        assert second.presence == []
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_meeting(meeting_file).participants[0].presence
    assert saved == [
        Presence("left", dt.time(20, 25), 3),
        Presence("returned", dt.time(20, 25), 3),
    ]
    assert '[[participants.presence]]\nevent = "left"\ntime = "20.25"\nitem = 3\n' in (
        meeting_file.read_text(encoding="utf-8")
    )


def test_the_key_is_in_the_f1_help_of_the_participants() -> None:
    from tui_referat.tui.keys import declared_bindings
    from tui_referat.tui.screens.help_screen import binding_rows

    rows = binding_rows(declared_bindings(ParticipantsTable))
    key, _, tip = next(row for row in rows if row[1] == "Kom/gik nu")
    assert key == "t"
    assert "punktet valgt senest i dagsordenen" in tip


def test_the_preview_says_who_was_away_for_the_item() -> None:
    from tui_referat.domain.model import AgendaItem, Meeting, Participant
    from tui_referat.tui.widgets import preview

    anne = Participant("Anne", presence=[Presence("left", dt.time(20, 25), 2)])
    meeting = Meeting(lang="da", participants=[anne], items=[AgendaItem("A"), AgendaItem("B")])
    assert "Ikke til stede under punktet: Anne" not in preview.item_markdown(meeting, 0)
    assert "Ikke til stede under punktet: Anne" in preview.item_markdown(meeting, 1)
