"""Editing the same meeting across several saves: a value set on a new object, saved and then
cleared (or cleared and set again) is written every time, and a save never writes stale text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.domain.model import Action, AgendaItem, CaseField, NextMeeting, Participant, Remark
from tui_referat.storage import dumps_meeting, load_meeting, loads_meeting, save_meeting
from tui_referat.storage import writer as storage_writer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "board-meeting.toml"
DUE = dt.date(2025, 11, 1)


def test_clearing_the_due_date_of_a_new_action_after_a_save(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    meeting = load_meeting(path)
    meeting.items[0].actions.append(Action("Send the plan", owner="Bo", due=DUE))
    save_meeting(meeting, path)
    assert "due = 2025-11-01" in path.read_text(encoding="utf-8")
    meeting.items[0].actions[-1].due = None
    save_meeting(meeting, path)
    text = path.read_text(encoding="utf-8")
    assert "due = 2025-11-01" not in text
    assert load_meeting(path) == meeting
    meeting.items[0].actions[-1].due = DUE
    save_meeting(meeting, path)
    assert load_meeting(path) == meeting


def test_a_key_set_after_a_save_can_be_cleared_on_every_kind_of_object() -> None:
    meeting = loads_meeting(SAMPLE.read_text(encoding="utf-8"))
    item = AgendaItem("New item")
    item.remarks.append(Remark("said", received=DUE))
    item.actions.append(Action("do"))
    meeting.items.append(item)
    meeting.participants.append(Participant("Ny Person"))
    dumps_meeting(meeting)
    item.kind = None
    item.time = dt.time(15, 0)
    item.duration = 10
    item.actions[0].due = DUE
    meeting.participants[-1].note = "late"
    dumps_meeting(meeting)
    item.time = None
    item.duration = None
    item.remarks[0].received = None
    item.actions[0].due = None
    meeting.participants[-1].note = ""
    text = dumps_meeting(meeting)
    assert loads_meeting(text) == meeting
    assert "due = " not in text.split('title = "New item"')[1]


def test_the_first_remark_of_a_new_item_can_be_deleted_after_a_save() -> None:
    meeting = loads_meeting(SAMPLE.read_text(encoding="utf-8"))
    meeting.items.append(AgendaItem("Fresh"))
    dumps_meeting(meeting)
    meeting.items[-1].remarks.append(Remark("first"))
    dumps_meeting(meeting)
    meeting.items[-1].remarks.clear()
    assert loads_meeting(dumps_meeting(meeting)) == meeting


def test_inline_next_meeting_key_set_then_cleared() -> None:
    text = 'format = 1\nnext_meeting = {date = 2025-05-01}\n[[items]]\ntitle = "A"\n'
    meeting = loads_meeting(text)
    assert meeting.next_meeting is not None
    meeting.next_meeting.start = dt.time(14, 0)
    dumps_meeting(meeting)
    meeting.next_meeting.start = None
    meeting.next_meeting.date = None
    assert loads_meeting(dumps_meeting(meeting)) == meeting
    meeting.next_meeting = NextMeeting(location="Hall")
    dumps_meeting(meeting)
    meeting.next_meeting.location = ""
    assert loads_meeting(dumps_meeting(meeting)) == meeting


def test_a_failed_merge_never_leaves_the_next_save_writing_stale_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.toml"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    meeting = load_meeting(path)
    meeting.title = "A new title"

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    # the meeting's own keys are merged first; a failure after them leaves the document
    # half merged
    with monkeypatch.context() as patch:
        patch.setattr(storage_writer.Writer, "merge_next", broken)
        with pytest.raises(MeetingFileError):
            save_meeting(meeting, path)
    save_meeting(meeting, path)
    assert load_meeting(path).title == "A new title"
    assert dumps_meeting(meeting) == path.read_text(encoding="utf-8")


def test_a_new_table_goes_after_inline_lists_not_before_them() -> None:
    text = (
        'format = 1\nparticipants = [{name = "A"}]\nnext_meeting = {location = "Hall"}\n\n'
        '[[items]]\ntitle = "One"\nactions = [{text = "do", done = false}]\n'
    )
    meeting = loads_meeting(text)
    meeting.header.append(CaseField("doc_no", "7"))
    meeting.items[0].remarks.append(Remark("said"))
    out = dumps_meeting(meeting)
    assert loads_meeting(out) == meeting
    assert out.index("next_meeting = ") < out.index("[[header]]")
    assert out.index("actions = [") < out.index("[[items.remarks]]")
