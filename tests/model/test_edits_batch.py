"""Batch: several edits applied and undone as one step."""

from __future__ import annotations

import datetime as dt

from tui_referat.domain.edits import Batch, History, SetField
from tui_referat.domain.model import Meeting, Status


def test_batch_applies_in_order_and_undoes_as_one_step() -> None:
    meeting = Meeting(title="Møde 1")
    history = History()
    day = dt.date(2025, 11, 3)
    history.apply(
        Batch((SetField(meeting, "approved", day), SetField(meeting, "status", Status.APPROVED)))
    )
    assert (meeting.status, meeting.approved) == (Status.APPROVED, day)
    history.undo()
    assert (meeting.status, meeting.approved) == (Status.DRAFT, None)
    assert not history.can_undo
    history.redo()
    assert (meeting.status, meeting.approved) == (Status.APPROVED, day)


def test_batch_undo_runs_in_reverse_order() -> None:
    meeting = Meeting(title="a")
    history = History()
    history.apply(Batch((SetField(meeting, "title", "b"), SetField(meeting, "title", "c"))))
    assert meeting.title == "c"
    history.undo()
    assert meeting.title == "a"
