"""The guard an open meeting gets: copy while unsaved, gone after save, disk changes noticed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tui_referat.domain.model import Meeting
from tui_referat.safety import lock as locking
from tui_referat.safety import recovery
from tui_referat.safety.guard import SafetyGuard
from tui_referat.storage import load_meeting, save_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@dataclass
class FakeSession:
    """What the guard needs from ``ui.session.Session``."""

    path: Path
    meeting: Meeting
    dirty: bool = False
    read_only: bool = False
    listeners: list[Any] = field(default_factory=list)

    def edit_minutes(self, text: str) -> None:
        self.meeting.items[0].minutes = text
        self.dirty = True
        for listener in list(self.listeners):
            listener("changed", self)

    def save(self) -> None:
        save_meeting(self.meeting, self.path)
        self.dirty = False
        for listener in list(self.listeners):
            listener("saved", self)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def session(tmp_path: Path) -> FakeSession:
    path = tmp_path / "board.toml"
    shutil.copy(SAMPLES / "board-meeting.toml", path)
    return FakeSession(path, load_meeting(path))


def test_copy_written_after_typing_stops_and_removed_by_save(session: FakeSession) -> None:
    clock = Clock()
    guard = SafetyGuard(session, clock=clock)
    session.edit_minutes("Typed for an hour.\n")
    assert not guard.tick()
    clock.now = 2.5
    assert guard.tick()
    info = recovery.find_recovery(session.path)
    assert info is not None and "Typed for an hour." in info.text and not info.file_changed
    session.save()
    assert recovery.find_recovery(session.path) is None
    assert not recovery.sibling_path(session.path).exists()
    assert not guard.changed_on_disk()


def test_pending_text_is_flushed_into_the_copy(session: FakeSession) -> None:
    held = ["still in the text box"]

    def flush() -> None:
        if held:
            session.meeting.items[0].minutes = held.pop()

    guard = SafetyGuard(session, flush=flush)
    session.dirty = True
    guard.emergency_save()
    info = recovery.find_recovery(session.path)
    assert info is not None and "still in the text box" in info.text


def test_item_switch_writes_and_discard_removes(session: FakeSession) -> None:
    guard = SafetyGuard(session, clock=Clock())
    assert not guard.item_switched()
    session.edit_minutes("x\n")
    assert guard.item_switched()
    assert recovery.find_recovery(session.path) is not None
    guard.discard()
    assert recovery.find_recovery(session.path) is None


def test_nothing_written_when_clean_or_read_only(session: FakeSession) -> None:
    guard = SafetyGuard(session)
    guard.emergency_save()
    assert recovery.find_recovery(session.path) is None
    session.read_only = True
    session.dirty = True
    guard.emergency_save()
    assert recovery.find_recovery(session.path) is None


def test_the_guards_scan_is_the_full_scan_when_a_copy_is_there(session: FakeSession) -> None:
    """No copy: none offered, none kept aside (the module that reads copies not asked);
    a copy: exactly what ``recovery.scan_recovery`` says."""
    guard = SafetyGuard(session)
    assert guard.scan_recovery() == (None, [])
    session.edit_minutes("Typed for an hour.\n")
    assert guard.write_now()
    offer, aside = guard.scan_recovery()
    assert offer is not None and "Typed for an hour." in offer.text and aside == []
    assert (offer, aside) == recovery.scan_recovery(session.path)


def test_failed_copy_is_reported_and_retried(
    session: FakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    guard = SafetyGuard(session, clock=clock)

    def full(*args: object, **kwargs: object) -> Path:
        raise recovery.RecoveryError(28, "cannot write a recovery copy: disk full")

    monkeypatch.setattr(recovery, "write_recovery", full)
    session.edit_minutes("x\n")
    clock.now = 3.0
    assert not guard.tick()
    assert guard.last_error and "disk full" in guard.last_error
    monkeypatch.undo()
    clock.now = 4.0
    assert not guard.tick()  # waits before retrying
    clock.now = 8.5
    assert guard.tick() and guard.last_error is None


def test_changed_on_disk_noticed_until_accepted(session: FakeSession) -> None:
    guard = SafetyGuard(session)
    assert not guard.changed_on_disk()
    with session.path.open("a", encoding="utf-8") as handle:
        handle.write("# added by git pull\n")
    assert guard.changed_on_disk()
    guard.accept_disk()
    assert not guard.changed_on_disk()


def test_lock_acquired_lost_and_released(session: FakeSession) -> None:
    guard = SafetyGuard(session)
    assert isinstance(guard.acquire_lock(), locking.Lock)
    other = locking.acquire(session.path)
    assert isinstance(other, locking.LockHeld)
    assert not guard.lock_lost()
    stolen = locking.take_over(session.path, other.info)
    assert guard.lock_lost()
    guard.close()
    assert locking.lock_path(session.path).exists(), "close never removes a lock not ours"
    assert isinstance(stolen, locking.Lock) and locking.release(stolen)
    assert session.listeners == []


def test_rebind_and_switch_path_follow_the_meeting(session: FakeSession, tmp_path: Path) -> None:
    clock = Clock()
    guard = SafetyGuard(session, clock=clock)
    guard.acquire_lock()
    restored = FakeSession(session.path, load_meeting(session.path), dirty=True)
    restored.meeting.items[0].minutes = "Restored text.\n"
    guard.rebind(restored)
    assert session.listeners == [] and restored.listeners
    assert guard.item_switched()
    assert recovery.find_recovery(session.path) is not None
    target = tmp_path / "mine.toml"
    guard.switch_path(target)
    assert recovery.find_recovery(session.path) is None
    assert not locking.lock_path(session.path).exists()
    assert locking.lock_path(target).exists() and restored.path == target
    restored.save()
    assert target.exists() and not guard.changed_on_disk()
    guard.close()
    assert not locking.lock_path(target).exists()


def _real_session(tmp_path: Path) -> tuple[Path, Any, Clock, SafetyGuard]:
    """A copy of the board sample opened as the editor opens it, with its guard and clock."""
    from tui_referat.storage.session import Session

    path = tmp_path / "board.toml"
    shutil.copy(SAMPLES / "board-meeting.toml", path)
    real = Session.open(path)
    clock = Clock()
    return path, real, clock, SafetyGuard(real, clock=clock)


def test_undo_back_to_the_file_removes_the_copy(tmp_path: Path) -> None:
    from tui_referat.domain.edits import SetField

    path, real, clock, guard = _real_session(tmp_path)
    real.apply(SetField(real.meeting.items[0], "minutes", "Typed, then undone.\n"))
    clock.now = 2.5
    assert guard.tick()
    assert recovery.find_recovery(path) is not None
    real.undo()
    assert not real.dirty
    assert recovery.find_recovery(path) is None
    clock.now = 10.0
    assert not guard.tick()  # nothing to keep: the meeting is what the file holds
    real.redo()
    assert real.dirty
    clock.now = 13.0
    assert guard.tick()


def test_typed_text_still_on_the_screen_is_flushed_into_the_copy(session: FakeSession) -> None:
    """A key starts the clock; 1.5 s later the screen is applied (``flush``) and copied."""
    clock = Clock()
    screen = {"text": ""}

    def flush() -> None:
        if screen["text"]:
            session.edit_minutes(screen["text"])

    guard = SafetyGuard(session, clock=clock, flush=flush)
    screen["text"] = "Typed without a pause"
    guard.typed()
    clock.now = 1.0
    guard.typed()
    assert not guard.tick()
    clock.now = 1.5
    assert guard.tick()
    info = recovery.find_recovery(session.path)
    assert info is not None and "Typed without a pause" in info.text


def test_keys_that_changed_nothing_write_no_copy(session: FakeSession) -> None:
    clock = Clock()
    guard = SafetyGuard(session, clock=clock, flush=lambda: None)
    guard.typed()  # an arrow key
    clock.now = 1.5
    assert not guard.tick()
    assert not guard.keeper.pending
    assert recovery.find_recovery(session.path) is None


def test_moving_in_the_agenda_with_nothing_changed_writes_no_copy(session: FakeSession) -> None:
    # The arrow keys that move in the agenda go through the editor (the copy's clock starts),
    # but change nothing: a move writes no copy, and the next move finds nothing pending.
    writes: list[str] = []
    guard = SafetyGuard(session, clock=Clock(), flush=lambda: writes.append("flush"))
    for _ in range(3):
        guard.typed()  # Down
        assert not guard.item_switched()
    assert writes == ["flush"] * 3
    assert not guard.keeper.pending
    assert recovery.find_recovery(session.path) is None


def test_moving_on_with_text_still_on_the_screen_writes_the_copy(session: FakeSession) -> None:
    screen = {"text": ""}

    def flush() -> None:
        if screen["text"]:
            session.edit_minutes(screen["text"])

    guard = SafetyGuard(session, clock=Clock(), flush=flush)
    screen["text"] = "Typed, then straight to the next item"
    guard.typed()
    assert guard.item_switched()
    info = recovery.find_recovery(session.path)
    assert info is not None and "straight to the next item" in info.text


def test_a_meeting_typed_back_to_its_file_is_clean_when_asked(tmp_path: Path) -> None:
    from tui_referat.domain.edits import SetField

    path, real, clock, guard = _real_session(tmp_path)
    item = real.meeting.items[0]
    saved = item.minutes
    real.apply(SetField(item, "minutes", "Typed, then taken out.\n"))
    clock.now = 2.5
    assert guard.tick()
    real.apply(SetField(item, "minutes", saved))  # typed back as it was
    assert real.dirty  # not compared after every edit: only when asked (quitting)
    assert real.revert_if_unchanged()
    assert not real.dirty
    assert recovery.find_recovery(path) is None  # "reverted": nothing left to keep
    real.apply(SetField(item, "minutes", "A real change.\n"))
    assert not real.revert_if_unchanged() and real.dirty


def test_a_new_meeting_stays_unsaved_until_saved(tmp_path: Path) -> None:
    from tui_referat.storage.session import Session

    new = Session.new(tmp_path / "new.toml", "da")
    assert new.dirty and not new.revert_if_unchanged()
