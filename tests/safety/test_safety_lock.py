"""The lock: one editor per file; a dead editor's lock is stale and taken over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_referat.safety import lock as locking
from tui_referat.safety.identity import host_name, process_alive, start_token

HOLDER = """
import sys, time
from tui_referat.safety.lock import acquire
result = acquire(sys.argv[1])
print(type(result).__name__, flush=True)
time.sleep(60)
"""


def _wait_for_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    path.write_text("format = 1\n")
    return path


def test_lock_file_says_who_holds_it(meeting_file: Path) -> None:
    result = locking.acquire(meeting_file)
    assert isinstance(result, locking.Lock) and result.enforced
    assert result.path == meeting_file.parent / ".m.toml.lock"
    data = json.loads(result.path.read_text())
    assert data["pid"] == os.getpid() and data["host"] == host_name()
    assert data["user"] and data["since"] and data["token"] == start_token(os.getpid())
    assert locking.still_held(result)
    assert locking.release(result)
    assert not result.path.exists()


def test_second_acquire_in_a_live_process_sees_it_held(meeting_file: Path) -> None:
    first = locking.acquire(meeting_file)
    second = locking.acquire(meeting_file)
    assert isinstance(second, locking.LockHeld)
    assert second.info.pid == os.getpid()
    assert isinstance(first, locking.Lock)
    taken = locking.take_over(meeting_file, second.info)
    assert isinstance(taken, locking.Lock)
    assert not locking.still_held(first)
    assert not locking.release(first), "a lock taken over is not ours to remove"
    assert locking.release(taken)


@pytest.mark.slow
def test_two_processes_then_kill_9_makes_the_lock_stale(meeting_file: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(meeting_file)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert _wait_for_line(holder) == "Lock"
        held = locking.acquire(meeting_file)
        assert isinstance(held, locking.LockHeld)
        assert held.info.pid == holder.pid
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        taken = locking.acquire(meeting_file)
        assert isinstance(taken, locking.Lock)
        assert taken.took_over is not None and taken.took_over.pid == holder.pid
        assert json.loads(taken.path.read_text())["pid"] == os.getpid()
    finally:
        holder.kill()
        holder.wait(timeout=10)


@pytest.mark.slow
def test_a_killed_but_unreaped_process_counts_as_gone(meeting_file: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        token = start_token(child.pid)
        assert process_alive(child.pid, token)
        os.kill(child.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while process_alive(child.pid, token) and time.monotonic() < deadline:
            time.sleep(0.01)  # the zombie shows up as soon as the kernel has killed it
        assert not process_alive(child.pid, token)
    finally:
        child.wait(timeout=10)


def test_reused_pid_is_not_mistaken_for_the_holder() -> None:
    assert process_alive(os.getpid(), start_token(os.getpid()))
    assert not process_alive(os.getpid(), "another-boot:12345")


def test_lock_from_another_host_is_held_not_stale(meeting_file: Path) -> None:
    other = locking.LockInfo(user="eve", host="elsewhere", pid=1, since="2025-10-07T14:00:00")
    locking.lock_path(meeting_file).write_text(other.to_text())
    held = locking.acquire(meeting_file)
    assert isinstance(held, locking.LockHeld) and held.info.host == "elsewhere"


def test_unreadable_fresh_lock_is_held_old_one_is_stale(meeting_file: Path) -> None:
    path = locking.lock_path(meeting_file)
    path.write_text("")
    held = locking.acquire(meeting_file)
    assert isinstance(held, locking.LockHeld) and not held.readable
    os.utime(path, (time.time() - 60, time.time() - 60))
    taken = locking.acquire(meeting_file)
    assert isinstance(taken, locking.Lock) and taken.took_over is not None


def test_unwritable_folder_gives_an_unenforced_lock(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locking.tempfile, "mkstemp", refuse)
    result = locking.acquire(meeting_file)
    assert isinstance(result, locking.Lock) and not result.enforced and result.error
    assert not locking.release(result)


@settings(max_examples=300, deadline=None)
@given(
    user=st.text(),
    host=st.text(),
    pid=st.integers(min_value=-(2**40), max_value=2**40),
    since=st.text(),
    token=st.text(),
    lock_id=st.text(),
)
def test_the_lock_file_is_json_whatever_the_names(
    user: str, host: str, pid: int, since: str, token: str, lock_id: str
) -> None:
    # Written without the json module when every value is plain: the text must be exactly
    # what json writes, so other editors (and older versions) read every lock file.
    info = locking.LockInfo(user, host, pid, since, token, lock_id)
    text = info.to_text()
    assert text == json.dumps(info.as_dict(), ensure_ascii=True) + "\n"
    assert locking.LockInfo.from_text(text) == info
