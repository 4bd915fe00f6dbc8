"""Snapshots of the participants table and the remarks editor at 80x24 (Danish UI)."""

from __future__ import annotations

from tui_referat.tui.forms import ParticipantsTable, RemarksEditor


def test_participants_table_snapshot(snap_compare, meeting, host) -> None:
    app = host(ParticipantsTable(meeting))
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "down"])


def test_remarks_editor_snapshot(snap_compare, meeting, host) -> None:
    app = host(RemarksEditor(meeting, meeting.items[1]))
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "down", "down"])
