"""Every field of an agenda item is editable: duration (planned times follow), the standing
flag, and the note shown after the remarks; the agenda warns when the plan overruns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui_referat.domain.model import AgendaItem, Meeting
from tui_referat.storage import load_meeting, loads_meeting, save_meeting
from tui_referat.tui.widgets.item_editor import SectionArea, parse_duration

from .conftest import agenda_lines


@pytest.fixture
def timed_file(tmp_path: Path) -> Path:
    """12.00-13.00: A (20 min), B (20 min), C (no duration); no explicit item times."""
    meeting = Meeting(
        title="Planlægning",
        lang="da",
        date=dt.date(2025, 3, 4),
        start=dt.time(12, 0),
        end=dt.time(13, 0),
        items=[
            AgendaItem("Alfa", duration=20),
            AgendaItem("Beta", duration=20),
            AgendaItem("Gamma"),
        ],
    )
    path = tmp_path / "plan.toml"
    save_meeting(meeting, path)
    return path


def test_parse_duration() -> None:
    assert parse_duration(" 45 ") == 45
    assert parse_duration("") is None
    for bad in ("x", "-5", "1.5", "2000"):
        with pytest.raises(ValueError):
            parse_duration(bad)


async def test_duration_moves_the_planned_times_of_the_following_items(timed_file, make_app):
    app = make_app(timed_file)
    # 120 columns: the agenda is wide enough for the whole overrun warning (at 80 it is cut).
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        rows = agenda_lines(app)
        assert rows[3].endswith("12.20") and rows[4].endswith("12.40")
        assert "over tid" not in rows[0]
        field = app.screen.query_one("#item-duration")
        assert field.value == "20"
        field.focus()
        await pilot.press("end", "backspace", "backspace", "4", "5")
        await pilot.pause()
        assert app.session.meeting.items[0].duration == 45
        rows = agenda_lines(app)
        assert rows[3].endswith("12.45") and rows[4].endswith("13.05")
        # The plan now ends after the meeting's end: said in words in the agenda.
        assert "! 5 min over tid" in rows[0]
        assert app.session.dirty
        await pilot.press("ctrl+z")  # one undo step for the whole typed value
        await pilot.pause()
        assert app.session.meeting.items[0].duration == 20
        assert agenda_lines(app)[4].endswith("12.40")
        assert "over tid" not in agenda_lines(app)[0]


async def test_letters_never_reach_the_duration(timed_file, make_app):
    app = make_app(timed_file)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#item-duration")
        field.focus()
        await pilot.press("end", "backspace", "backspace", "x", "1", "5")
        await pilot.pause()
        assert field.value == "15"
        assert app.session.meeting.items[0].duration == 15
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert app.session.meeting.items[0].duration is None


async def test_standing_toggle_is_saved(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")  # item 3, not standing in the sample
        await pilot.pause()
        item = app.session.meeting.items[2]
        assert not item.standing
        toggle = app.screen.query_one("#item-standing")
        assert "[ ]" in str(toggle.render())
        toggle.focus()
        await pilot.press("space")
        await pilot.pause()
        assert item.standing
        assert "[x]" in str(toggle.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_meeting(meeting_file)
    assert saved.items[2].standing
    text = meeting_file.read_text(encoding="utf-8")
    table = text.split("[[items]]")[3]
    assert "standing = true" in table


async def test_remarks_note_is_edited_in_its_own_tab_and_saved(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        editor = app.screen.item_editor
        editor.open_section("remarks_note")
        await pilot.pause()
        area = app.screen.focused
        assert isinstance(area, SectionArea) and area.key == "remarks_note"
        await pilot.press(*"Frist: fredag.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.meeting.items[0].remarks_note == "Frist: fredag."
        assert not app.session.dirty
    assert load_meeting(meeting_file).items[0].remarks_note == "Frist: fredag."
    assert 'remarks_note = "Frist: fredag."' in meeting_file.read_text(encoding="utf-8")


async def test_remarks_note_tab_shows_the_items_note(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = app.session.meeting
        index = next(i for i, item in enumerate(meeting.items) if item.remarks_note)
        for _ in range(index):
            await pilot.press("down")
        await pilot.pause(0.2)
        await pilot.press("enter")
        app.screen.item_editor.open_section("remarks_note")
        await pilot.pause()
        assert app.screen.focused.text == meeting.items[index].remarks_note


async def test_emergency_flush_keeps_a_typed_remarks_note(meeting_file, make_app):
    """A signal before the debounce: the note typed so far still reaches the recovery copy."""
    from tui_referat.safety import recovery

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        app.screen.item_editor.open_section("remarks_note")
        await pilot.pause()
        await pilot.press(*"Sent")
        assert app.safety.handlers.save_now()  # what SIGHUP / SIGTERM do first
        copy = recovery.find_recovery(meeting_file)
        assert copy is not None and loads_meeting(copy.text).items[0].remarks_note == "Sent"


async def test_ctrl_t_toggles_standing_from_the_agenda_and_undoes(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "ctrl+t")  # straight away: before the editor follows
        await pilot.pause()
        item = app.session.meeting.items[1]
        assert item.standing
        assert "[x]" in str(app.screen.query_one("#item-standing").render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not item.standing


async def test_f6_and_f5_change_tab_from_inside_a_text_area(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f6")
        await pilot.pause()
        tabs = app.screen.query_one("#item-tabs")
        assert tabs.active == "recommendation"
        assert isinstance(app.screen.focused, SectionArea)
        # no decision tab: the sample has no decision item (B) and no decision
        await pilot.press("f6", "f6")  # remarks, then the note after the remarks
        await pilot.pause()
        assert tabs.active == "remarks_note"
        await pilot.press("f5", "f5", "f5")
        await pilot.pause()
        assert tabs.active == "minutes"
