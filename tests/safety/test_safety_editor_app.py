"""The safety steps inside the editor (Pilot at 80x24): copy on item switch and timer, gone
after save or discard-quit, recovery and lock dialogs on open, hostile text inert on screen."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tui_referat.safety import lock as locking
from tui_referat.safety import recovery
from tui_referat.storage import load_meeting
from tui_referat.storage.config import Config
from tui_referat.storage.stamp import stamp
from tui_referat.tui.dialogs.confirm import QuitDialog
from tui_referat.tui.dialogs.safety import LockDialog, RecoveryDialog

from ..conftest import notifications, screen_lines

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    return path


def run(path: Path, steps: Callable[[Any, Any], Awaitable[None]], **kwargs: Any) -> Any:
    from tui_referat.tui.app import ReferatApp

    app = ReferatApp(path, lang="en", config=Config(), **kwargs)

    async def go() -> None:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(go())
    return app


def _screen_text(app: Any) -> str:
    return "\n".join(screen_lines(app))


def test_copy_written_on_item_switch_and_removed_by_save(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Typed", "escape", "down")
        await pilot.pause()
        info = recovery.find_recovery(meeting_file)
        assert info is not None and "Typed" in info.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert recovery.find_recovery(meeting_file) is None
        assert not recovery.sibling_path(meeting_file).exists()

    run(meeting_file, steps)
    assert "Typed" in load_meeting(meeting_file).items[0].minutes
    assert not locking.lock_path(meeting_file).exists()


def test_copy_written_by_the_timer_after_typing_stops(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        clock = [100.0]
        app.guard.clock = lambda: clock[0]
        await pilot.press("enter", *"Quiet now")
        await pilot.pause(0.7)  # the editor applies typed text after 0.5 s
        assert recovery.find_recovery(meeting_file) is None
        clock[0] += 2.5
        await pilot.pause(0.6)  # the keeper's timer runs every 0.5 s
        info = recovery.find_recovery(meeting_file)
        assert info is not None and "Quiet now" in info.text

    run(meeting_file, steps)


def test_quit_without_saving_on_purpose_removes_the_copy(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Gone", "escape", "down")
        await pilot.pause()
        assert recovery.find_recovery(meeting_file) is not None
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#discard")
        await pilot.pause()

    run(meeting_file, steps)
    assert recovery.find_recovery(meeting_file) is None


def _leave_copy(path: Path, text: str) -> None:
    meeting = load_meeting(path)
    meeting.items[0].minutes = text
    recovery.write_recovery(meeting, path, base=stamp(path))


def test_enter_restores_and_the_meeting_stays_unsaved(meeting_file: Path) -> None:
    _leave_copy(meeting_file, "Recovered words\n")
    before = meeting_file.read_bytes()

    async def steps(app: Any, pilot: Any) -> None:
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.dirty
        assert app.session.meeting.items[0].minutes == "Recovered words\n"
        assert meeting_file.read_bytes() == before
        assert recovery.find_recovery(meeting_file) is not None, "kept until saved"
        await pilot.press("ctrl+s")
        await pilot.pause()

    run(meeting_file, steps)
    assert load_meeting(meeting_file).items[0].minutes == "Recovered words\n"
    assert recovery.find_recovery(meeting_file) is None


def test_discard_and_save_as_copy(meeting_file: Path) -> None:
    _leave_copy(meeting_file, "Keep me elsewhere\n")

    async def save_as(app: Any, pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert not app.session.dirty

    run(meeting_file, save_as)
    copies = list(meeting_file.parent.glob("m.recovered-*.toml"))
    assert len(copies) == 1
    assert load_meeting(copies[0]).items[0].minutes == "Keep me elsewhere\n"
    assert recovery.find_recovery(meeting_file) is None

    _leave_copy(meeting_file, "Throw away\n")

    async def discard(app: Any, pilot: Any) -> None:
        await pilot.press("d")
        await pilot.pause()
        assert app.session.meeting.items[0].minutes != "Throw away\n"

    run(meeting_file, discard)
    assert recovery.find_recovery(meeting_file) is None


def test_locked_file_offers_read_only_and_take_over(meeting_file: Path) -> None:
    other = locking.LockInfo("anne", "elsewhere", 4242, "2025-10-07T13:55:00", id="theirs")
    locking.lock_path(meeting_file).write_text(other.to_text())

    async def read_only(app: Any, pilot: Any) -> None:
        assert isinstance(app.screen, LockDialog)
        assert "anne on elsewhere (process 4242)" in " ".join(_screen_text(app).split())
        await pilot.press("r")
        await pilot.pause()
        assert app.session.read_only

    run(meeting_file, read_only)
    assert locking.read_lock(meeting_file).id == "theirs", "a read-only viewer leaves the lock"

    async def take_over(app: Any, pilot: Any) -> None:
        await pilot.press("o")
        await pilot.pause()
        assert not app.session.read_only
        assert locking.read_lock(meeting_file).user != "anne"

    run(meeting_file, take_over)
    assert not locking.lock_path(meeting_file).exists()


def test_escape_sequences_in_the_file_are_inert_on_screen(meeting_file: Path) -> None:
    text = meeting_file.read_text(encoding="utf-8")
    title = load_meeting(meeting_file).items[0].title
    meeting_file.write_text(
        text.replace(title, title + "\\u001b]0;pwned\\u0007\\u001b[2J", 1), encoding="utf-8"
    )

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter")
        await pilot.pause()
        shown = _screen_text(app)
        assert "\x1b]0;pwned" not in shown and "\x1b[2J" not in shown
        assert "␛]0;pwned" in shown

    run(meeting_file, steps)


def test_a_change_on_disk_is_noticed_while_editing(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        with meeting_file.open("a", encoding="utf-8") as handle:
            handle.write("# changed by git pull\n")
        await pilot.pause(2.2)  # the disk is looked at every 2 s
        warnings = notifications(app, "warning")
        assert any("changed on disk" in message for message in warnings)

    run(meeting_file, steps)


def _changed_elsewhere(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# added by git pull\n")


async def _type_then_save_after_a_change_on_disk(pilot: Any, path: Path, answer: str) -> None:
    await pilot.press("enter", *"Mine")
    _changed_elsewhere(path)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.press(answer)
    await pilot.pause()


@pytest.mark.parametrize("key", ["enter", "escape"])
def test_save_after_a_change_on_disk_asks_and_cancel_writes_nothing(
    meeting_file: Path, key: str
) -> None:
    from tui_referat.tui.dialogs.safety import DiskChangedDialog

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Mine")
        _changed_elsewhere(meeting_file)
        before = meeting_file.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedDialog)
        await pilot.press(key)
        await pilot.pause()
        assert meeting_file.read_bytes() == before and app.session.dirty

    run(meeting_file, steps)


def test_overwrite_on_purpose(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await _type_then_save_after_a_change_on_disk(pilot, meeting_file, "o")
        assert not app.session.dirty

    run(meeting_file, steps)
    text = meeting_file.read_text(encoding="utf-8")
    assert "Mine" in text and "# added by git pull" not in text


def test_save_as_keeps_both_versions(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await _type_then_save_after_a_change_on_disk(pilot, meeting_file, "s")
        assert app.session.path.name.startswith("m.mine-") and not app.session.dirty

    run(meeting_file, steps)
    assert "# added by git pull" in meeting_file.read_text(encoding="utf-8")
    (mine,) = meeting_file.parent.glob("m.mine-*.toml")
    assert load_meeting(mine).items[0].minutes.startswith("Mine")
    assert not locking.lock_path(meeting_file).exists() and not locking.lock_path(mine).exists()


def test_reload_takes_the_file_from_disk(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await _type_then_save_after_a_change_on_disk(pilot, meeting_file, "r")
        assert not app.session.dirty
        assert not app.session.meeting.items[0].minutes.startswith("Mine")
        assert app.main_screen is not None and app.main_screen.session is app.session

    run(meeting_file, steps)
    assert recovery.find_recovery(meeting_file) is None


def test_failed_save_says_the_work_is_kept(meeting_file: Path, monkeypatch: Any) -> None:
    import tui_referat.storage.meeting_file

    def full(meeting: Any, path: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tui_referat.storage.meeting_file, "save_meeting", full)
    before = meeting_file.read_bytes()

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Kept", "ctrl+s")
        await pilot.pause()
        errors = notifications(app, "error")
        assert errors and "No space left" in errors[0] and "recovery copy" in errors[0]
        assert app.session.dirty

    run(meeting_file, steps)
    assert meeting_file.read_bytes() == before
    info = recovery.find_recovery(meeting_file)
    assert info is not None and "Kept" in info.text


def test_a_crash_in_the_editor_leaves_the_recovery_copy(
    meeting_file: Path, monkeypatch: Any
) -> None:
    from tui_referat.tui.screens.main_screen import MainScreen

    def boom(self: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(MainScreen, "action_toggle_preview", boom)

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Before the crash", "f2")
        await pilot.pause()

    with pytest.raises(RuntimeError, match="a bug"):
        run(meeting_file, steps)
    info = recovery.find_recovery(meeting_file)
    assert info is not None and "Before the crash" in info.text
    assert not locking.lock_path(meeting_file).exists()
