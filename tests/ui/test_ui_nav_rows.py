"""Navigation rows: counts that agree with the participants view, rows cut to their width."""

from __future__ import annotations

from rich.cells import cell_len

from tui_referat.domain.model import AgendaItem, Attendance
from tui_referat.tui.forms.participants import attendance_summary
from tui_referat.tui.widgets.nav import NavPanel


async def test_participant_counts_agree_in_nav_and_table(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)):
        meeting = app.session.meeting
        counts = meeting.attendance_counts()
        nav = app.screen.query_one(NavPanel)
        total, away = len(meeting.participants), counts[Attendance.APOLOGIES]
        assert f"Deltagere {total} · {away} afbud" in nav._row_text(1, 40)
        summary = attendance_summary(meeting)
        assert summary.startswith(f"{total} deltagere · ")
        assert f"{away} afbud" in summary
        if counts[Attendance.ONLINE]:
            assert f"{counts[Attendance.ONLINE]} on-line" in summary


async def test_a_title_with_escape_codes_never_pushes_the_time_out(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)):
        meeting = app.session.meeting
        hostile = "\x1b[31m" * 20 + "Velkomst " * 20
        meeting.items[0] = AgendaItem(hostile, time=meeting.items[0].time)
        nav = app.screen.query_one(NavPanel)
        for width in (20, 26, 40):
            text = nav._row_text(2, width)
            assert cell_len(text) == width
            assert "\x1b" not in text
            assert text.endswith("12.00")


async def test_english_ui_shows_english_times_in_the_agenda(meeting_file, make_app):
    app = make_app(meeting_file, lang="en")
    async with app.run_test(size=(80, 24)):
        nav = app.screen.query_one(NavPanel)
        assert nav._row_text(2, 40).endswith("12:00")
