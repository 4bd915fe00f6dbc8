"""The meeting cycle in the editor: new meeting from this one, send for review, approve."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from tui_referat.domain.model import Meeting, Remark, RemarkSource, Status
from tui_referat.domain.next_meeting import new_meeting, next_meeting_from
from tui_referat.storage import load_meeting, save_meeting
from tui_referat.tui.dialogs.confirm import ConfirmDialog
from tui_referat.tui.dialogs.form_dialogs import FieldsDialog
from tui_referat.tui.flows.cycle_flow import suggest_next_path
from tui_referat.tui.palette import palette_commands
from tui_referat.tui.screens.help_screen import help_rows
from tui_referat.tui.widgets.status import HeaderLine

from .conftest import run_from_palette


def header_state(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(HeaderLine).state_text


def test_suggested_path_follows_the_date_or_the_number(tmp_path: Path) -> None:
    before = Meeting(date=dt.date(2025, 10, 21))
    after = Meeting(date=dt.date(2025, 12, 9))
    assert suggest_next_path(tmp_path / "ag-2025-10-21.toml", before, after).name == (
        "ag-2025-12-09.toml"
    )
    assert suggest_next_path(tmp_path / "møde-07.toml", before, after).name == "møde-08.toml"
    assert suggest_next_path(tmp_path / "ag.toml", before, after).name == "ag-2025-12-09.toml"
    assert suggest_next_path(tmp_path / "ag-2025.toml", before, Meeting()).name == (
        "ag-2025-next.toml"
    )
    (tmp_path / "møde-08.toml").write_text("taken")
    assert suggest_next_path(tmp_path / "møde-07.toml", before, after).name == "møde-08-2.toml"


async def test_keys_are_in_the_palette_and_the_help(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [title for title, _, _ in palette_commands(app.screen)]
        for expected in (
            "Nyt møde ud fra dette  (^N)",
            "Send til kommentering  (F8)",
            "Godkend referatet  (F9)",
            "Fast punkt til/fra  (^T)",
        ):
            assert expected in titles, (expected, titles)
        rows = {description: keys for keys, description, _ in help_rows(app.screen)}
        assert rows["Nyt møde ud fra dette"] == "^N"
        assert rows["Send til kommentering"] == "F8"
        assert rows["Godkend referatet"] == "F9"


async def test_new_meeting_from_this_one_writes_the_next_draft_and_opens_it(meeting_file, make_app):
    expected = next_meeting_from(load_meeting(meeting_file))
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_from_palette(pilot, "nyt møde ud")
        assert isinstance(app.screen, FieldsDialog)
        field = app.screen.query_one("#path", Input)
        assert field.value == "meeting-2025-12-09.toml"  # next to it, with the next date
        await pilot.press("enter")
        await pilot.pause()
        target = meeting_file.with_name("meeting-2025-12-09.toml")
        assert target.exists()
        assert load_meeting(target) == expected
        assert isinstance(app.screen, ConfirmDialog)
        assert str(target) in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert app.session.path == target
        assert app.session.meeting.title == expected.title
        assert "Møde 3" in app.screen.query_one(HeaderLine).title_text
        assert not app.session.dirty
        assert app.guard.lock is not None and app.guard.path == target


async def test_new_meeting_never_overwrites_a_file(meeting_file, make_app):
    other = meeting_file.with_name("taken.toml")
    other.write_text("# someone's file\n", encoding="utf-8")
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        field.value = "taken.toml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)  # still asking
        assert "overskrives ikke" in str(app.screen.query_one(".form-error").render())
        assert other.read_text(encoding="utf-8") == "# someone's file\n"
        field.value = "fresh.toml"
        await pilot.press("enter")
        await pilot.pause()
        assert meeting_file.with_name("fresh.toml").exists()
        await pilot.press("n")  # stay here
        await pilot.pause()
        assert app.session.path == meeting_file


async def test_send_for_review_then_approve_show_in_the_header_and_the_file(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = app.session.meeting
        assert header_state(app).startswith("UDKAST")
        await run_from_palette(pilot, "send til komm")
        assert isinstance(app.screen, FieldsDialog)
        app.screen.query_one("#deadline_date", Input).value = "4.11.2025"
        app.screen.query_one("#deadline_time", Input).value = "12.00"
        await pilot.press("enter")
        await pilot.pause()
        assert meeting.status is Status.REVIEW
        assert meeting.remarks_deadline == dt.datetime(2025, 11, 4, 12, 0)
        assert header_state(app).startswith("TIL KOMMENTERING · frist 4.11 12.00")
        assert app.session.dirty
        await pilot.press("ctrl+z")  # one step undoes status and deadline
        await pilot.pause()
        assert meeting.status is Status.DRAFT and header_state(app).startswith("UDKAST")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert meeting.status is Status.REVIEW
        await pilot.press("f9")
        await pilot.pause()
        field = app.screen.query_one("#approve_date", Input)
        today = dt.date.today()
        assert field.value == f"{today.day}.{today.month}.{today.year}"
        field.value = "9.12.2025"
        await pilot.press("enter")
        await pilot.pause()
        assert meeting.status is Status.APPROVED
        assert header_state(app).startswith("GODKENDT 9.12.2025")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_meeting(meeting_file)
    assert saved.status is Status.APPROVED
    assert saved.approved == dt.date(2025, 12, 9)
    assert saved.remarks_deadline == dt.datetime(2025, 11, 4, 12, 0)
    text = meeting_file.read_text(encoding="utf-8")
    assert 'status = "approved"' in text


async def test_review_and_approval_refuse_dates_before_the_meeting(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        app.screen.query_one("#approve_date", Input).value = "1.1.2020"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)
        assert "før mødet" in str(app.screen.query_one(".form-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.meeting.status is Status.DRAFT
        assert not app.session.dirty


async def test_a_written_remark_after_the_deadline_is_flagged(tmp_path, make_app):
    meeting = new_meeting("da")
    meeting.date = dt.date(2025, 3, 4)
    meeting.remarks_deadline = dt.datetime(2025, 3, 11, 23, 59)
    meeting.items[0].remarks = [
        Remark("I tide", RemarkSource.WRITTEN, author="A", received=dt.date(2025, 3, 11)),
        Remark("For sent", RemarkSource.WRITTEN, author="B", received=dt.date(2025, 3, 12)),
    ]
    path = tmp_path / "late.toml"
    save_meeting(meeting, path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        app.screen.item_editor.open_section("remarks")
        await pilot.pause()
        listing = app.screen.query_one(".entry-list")
        lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        late = [line for line in lines if "efter fristen" in line]
        assert len(late) == 1 and "For sent" in late[0]
        title = app.screen.item_editor.tab_title("remarks")
        assert title == "Bem 2 !1"  # short at 80 columns; seen without opening the tab
