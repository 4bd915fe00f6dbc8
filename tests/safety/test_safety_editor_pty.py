"""The real editor in a pseudo-terminal at 80x24: hang up, reopen, restore, save; two editors.

Each test runs ``python -m tui_referat FILE`` under pexpect, as a secretary's SSH session would.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from tui_referat.safety import lock as locking
from tui_referat.safety import recovery

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"
TYPED = "Skrevet over SSH"

pytestmark = pytest.mark.slow


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    return path


def _editor(path: Path) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm-256color")
    return pexpect.spawn(
        sys.executable,
        ["-m", "tui_referat", str(path), "--lang", "da"],
        dimensions=(24, 80),
        env=env,
        timeout=30,
        encoding="utf-8",
    )


def _finish(child: pexpect.spawn) -> int | None:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def _wait_for_text(path: Path, text: str, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in path.read_text(encoding="utf-8"):
            return True
        time.sleep(0.05)
    return False


def _type_into_minutes(child: pexpect.spawn) -> None:
    child.expect("Dagsorden")
    child.send("\r")  # open the first item's minutes
    child.send(TYPED)
    child.expect("SSH")  # on screen: the editor has the text


def test_hangup_then_reopen_restore_and_save(meeting_file: Path) -> None:
    before = meeting_file.read_bytes()
    child = _editor(meeting_file)
    try:
        _type_into_minutes(child)
        os.kill(child.pid, signal.SIGHUP)  # the SSH connection drops
        assert _finish(child) == 128 + signal.SIGHUP
    finally:
        child.close(force=True)
    assert meeting_file.read_bytes() == before
    info = recovery.find_recovery(meeting_file)
    assert info is not None and TYPED in info.text

    child = _editor(meeting_file)
    try:
        child.expect("Ikke-gemt arbejde fundet")
        child.expect("overtaget")  # the dead editor's lock is stale: taken over with a notice
        child.send("\r")  # Enter restores
        child.expect("Gendannet")
        assert TYPED not in meeting_file.read_text(encoding="utf-8"), "unsaved until ctrl+s"
        child.send("\x13")  # ctrl+s
        assert _wait_for_text(meeting_file, TYPED)
        child.send("\x11")  # ctrl+q: saved, so it quits at once
        assert _finish(child) == 0
    finally:
        child.close(force=True)
    assert recovery.find_recovery(meeting_file) is None
    assert not locking.lock_path(meeting_file).exists()
    assert sorted(p.name for p in meeting_file.parent.iterdir()) == ["m.toml"]


def test_sigterm_keeps_the_work_and_exits_cleanly(meeting_file: Path) -> None:
    child = _editor(meeting_file)
    try:
        _type_into_minutes(child)
        os.kill(child.pid, signal.SIGTERM)
        assert _finish(child) == 128 + signal.SIGTERM
    finally:
        child.close(force=True)
    info = recovery.find_recovery(meeting_file)
    assert info is not None and TYPED in info.text
    assert not locking.lock_path(meeting_file).exists(), "a clean exit releases the lock"


def test_second_editor_sees_the_lock_and_a_killed_editor_is_stale(meeting_file: Path) -> None:
    first = _editor(meeting_file)
    try:
        first.expect("Dagsorden")
        second = _editor(meeting_file)
        try:
            second.expect("Filen er åben i en anden editor")
            second.expect(f"proces {first.pid}")
            second.send("q")
            assert _finish(second) == 0
        finally:
            second.close(force=True)
        assert locking.read_lock(meeting_file).pid == first.pid  # not removed by the second
        os.kill(first.pid, signal.SIGKILL)
        first.expect(pexpect.EOF)
    finally:
        first.close(force=True)
    third = _editor(meeting_file)
    try:
        third.expect("overtaget")
        third.send("\x11")
        assert _finish(third) == 0
    finally:
        third.close(force=True)
    assert not locking.lock_path(meeting_file).exists()
