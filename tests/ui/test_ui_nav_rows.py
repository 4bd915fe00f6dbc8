"""Navigation rows: counts that agree with the participants view, rows cut to their width."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui_referat.domain.model import Attendance
from tui_referat.storage import load_meeting, save_meeting
from tui_referat.tui.forms.participants import attendance_summary
from tui_referat.tui.widgets.nav import NavPanel

from .conftest import agenda_lines


async def test_participant_counts_agree_in_nav_and_table(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(120, 24)):
        meeting = app.session.meeting
        counts = meeting.attendance_counts()
        total, away = len(meeting.participants), counts[Attendance.APOLOGIES]
        assert f"Deltagere {total} · {away} afbud" in agenda_lines(app)[1]
        summary = attendance_summary(meeting)
        assert summary.startswith(f"{total} deltagere · ")
        assert f"{away} afbud" in summary
        if counts[Attendance.ONLINE]:
            assert f"{counts[Attendance.ONLINE]} on-line" in summary


@pytest.mark.parametrize("columns", [80, 120], ids=["narrow", "wide"])
async def test_a_title_with_escape_codes_never_pushes_the_time_out(meeting_file, make_app, columns):
    meeting = load_meeting(meeting_file)
    meeting.items[0].title = "\x1b[31m" * 20 + "Velkomst " * 20
    save_meeting(meeting, meeting_file)
    app = make_app(meeting_file)
    async with app.run_test(size=(columns, 24)):
        width = app.screen.query_one(NavPanel).scrollable_content_region.width
        row = agenda_lines(app)[2]  # the first item, under the cursor
        assert row.startswith("▶1. ␛[31m")  # the codes are shown, not obeyed
        assert "\x1b" not in row
        # The title is cut; the time stays, at the panel's right edge.
        assert row.endswith("… 12.00") and cell_len(row) == width


async def test_english_ui_shows_english_times_in_the_agenda(meeting_file, make_app):
    app = make_app(meeting_file, lang="en")
    async with app.run_test(size=(80, 24)):
        assert agenda_lines(app)[2].endswith("12:00")
