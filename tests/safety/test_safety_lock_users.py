"""Locks between users, across hosts and across spellings of a path (issue 12, items 5 and 6).

- a second user on a shared server sees the first user's lock as held, with the owner's name,
  even when it cannot read it, and is never offered the first user's draft;
- a lock from another host is stale only when its heartbeat (the lock file's time, refreshed by
  the live editor) is older than ``STALE_AFTER``;
- the lock and the recovery copy belong to the real file: a symlink or another relative path
  finds the same lock.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui_referat.safety import lock as locking
from tui_referat.safety import recovery

SECOND_USER = "referat_t2"
ROOT = Path(__file__).resolve().parents[2]
SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"

#: Run as the second user: the editor's first steps (lock, then maybe the recovery copy) on
#: the same file, through the real ``prepare`` of the UI flow with a stand-in app.
SECOND_EDITOR = """
import json, sys, types
from pathlib import Path
from tui_referat.safety.lock import LockHeld
from tui_referat.tui.flows import safety_flow

path = Path(sys.argv[1])
session = types.SimpleNamespace(path=path, meeting=None, dirty=False, read_only=False,
                                listeners=[])
app = types.SimpleNamespace(session=session)
app.exit = lambda *a, **k: None
flow = safety_flow.SafetyFlow(app)
flow.prepare()
held = flow.lock
draft = Path(sys.argv[2])
try:
    draft.read_text()
    draft_readable = True
except OSError:
    draft_readable = False
print(json.dumps({
    "result": type(held).__name__,
    "owner": getattr(held, "owner", None),
    "user": held.info.user if isinstance(held, LockHeld) else None,
    "recovery_offered": flow.recovery is not None,
    "draft_readable": draft_readable,
}))
"""


def _python_for(user: str) -> list[str]:
    """A Python the second user can run (ours may live under /root, closed to others)."""
    for candidate in (sys.executable, "/usr/bin/python3.11", "/usr/bin/python3"):
        try:
            probe = subprocess.run(
                [candidate, "-c", "import sys; print(sys.version_info[:2])"],
                user=user,
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError:  # not executable for that user
            continue
        if probe.returncode == 0 and probe.stdout.strip() == str(sys.version_info[:2]):
            return [candidate]
    pytest.skip(f"no Python {sys.version_info[:2]} that {user} can run")


@pytest.fixture
def second_user() -> Iterator[str]:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to create a second user (useradd)")
    if shutil.which("useradd") is None or shutil.which("userdel") is None:
        pytest.skip("useradd/userdel not available")
    made = subprocess.run(["useradd", "-M", SECOND_USER], capture_output=True, check=False)
    if made.returncode not in (0, 9):  # 9: the user exists (a previous run died)
        pytest.skip(f"useradd failed: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield SECOND_USER
    finally:
        subprocess.run(["userdel", SECOND_USER], capture_output=True, check=False)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder both users can write (pytest's tmp_path is closed to other users)."""
    folder = Path(tempfile.mkdtemp(prefix="referat-shared-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    path.write_text("format = 1\n")
    return path


# -- locks between users -----------------------------------------------------------------------


def test_lock_file_is_readable_by_others(meeting_file: Path) -> None:
    """It holds no secret (user, host, pid, time); others must see who has the file."""
    lock = locking.acquire(meeting_file)
    assert isinstance(lock, locking.Lock)
    assert stat.S_IMODE(lock.path.stat().st_mode) == 0o644


def test_an_unreadable_lock_of_another_user_is_never_stale(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = locking.lock_path(meeting_file)
    path.write_text("")
    old = time.time() - 3600
    os.utime(path, (old, old))
    monkeypatch.setattr(locking, "_my_uid", lambda: os.stat(path).st_uid + 4242)
    held = locking.acquire(meeting_file)
    assert isinstance(held, locking.LockHeld) and not held.readable
    assert held.owner == locking.owner_name(path)
    assert held.info.user == held.owner
    assert path.read_text() == "", "not taken over"


def test_a_readable_lock_of_another_user_is_held_even_if_its_process_is_gone(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = locking.LockInfo(user="eve", host=locking.host_name(), pid=999_999_999, since="")
    path = locking.lock_path(meeting_file)
    path.write_text(info.to_text())
    monkeypatch.setattr(locking, "_my_uid", lambda: os.stat(path).st_uid + 4242)
    held = locking.acquire(meeting_file)
    assert isinstance(held, locking.LockHeld) and held.info.user == "eve"


def test_the_dialog_names_the_owner_of_an_unreadable_lock(meeting_file: Path) -> None:
    from tui_referat.tui.dialogs.safety import describe_lock

    unknown = locking.LockInfo(user="?", host="?", pid=0, since="")
    held = locking.LockHeld(locking.lock_path(meeting_file), unknown, readable=False, owner="ann")
    assert "ann" in describe_lock("m.toml", held)


@pytest.mark.slow
def test_second_user_sees_the_lock_held_by_root_and_no_draft(
    second_user: str, shared_dir: Path
) -> None:
    meeting = shared_dir / "board.toml"
    meeting.write_text('format = 1\ntitle = "Board"\n')
    meeting.chmod(0o666)
    mine = locking.acquire(meeting)
    assert isinstance(mine, locking.Lock) and mine.enforced
    draft = recovery.write_recovery(None, meeting, text='format = 1\ntitle = "Secret draft"\n')
    draft.chmod(0o600)
    before = mine.path.read_bytes()
    old = time.time() - 3600  # long past any grace period
    os.utime(mine.path, (old, old))
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(SITE / "site-packages")]),
        "HOME": str(shared_dir),
    }
    for mode in (0o644, 0o600):  # readable by others, and not (as locks used to be made)
        mine.path.chmod(mode)
        done = subprocess.run(
            [*_python_for(second_user), "-c", SECOND_EDITOR, str(meeting), str(draft)],
            user=second_user,
            env=env,
            cwd=shared_dir,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        assert seen["result"] == "LockHeld", (oct(mode), seen)
        assert seen["owner"] == "root" and seen["user"] == "root", (oct(mode), seen)
        assert not seen["recovery_offered"] and not seen["draft_readable"], (oct(mode), seen)
        assert mine.path.read_bytes() == before, "the second user took the lock over"
    assert locking.still_held(mine)
    assert locking.release(mine)


# -- the heartbeat -----------------------------------------------------------------------------


def _other_host_lock(meeting_file: Path, age: float) -> Path:
    info = locking.LockInfo(user=locking.user_name(), host="elsewhere", pid=1, since="")
    path = locking.lock_path(meeting_file)
    path.write_text(info.to_text())
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_another_hosts_lock_with_a_fresh_heartbeat_is_held(meeting_file: Path) -> None:
    _other_host_lock(meeting_file, age=locking.HEARTBEAT)
    held = locking.acquire(meeting_file)
    assert isinstance(held, locking.LockHeld) and held.info.host == "elsewhere"


def test_another_hosts_lock_with_an_old_heartbeat_is_stale(meeting_file: Path) -> None:
    _other_host_lock(meeting_file, age=locking.STALE_AFTER + 5)
    taken = locking.acquire(meeting_file)
    assert isinstance(taken, locking.Lock)
    assert taken.took_over is not None and taken.took_over.host == "elsewhere"


def test_the_live_editor_refreshes_its_heartbeat(meeting_file: Path) -> None:
    lock = locking.acquire(meeting_file)
    assert isinstance(lock, locking.Lock)
    old = time.time() - locking.STALE_AFTER * 2
    os.utime(lock.path, (old, old))
    assert locking.heartbeat(lock)
    assert time.time() - lock.path.stat().st_mtime < locking.HEARTBEAT
    assert locking.still_held(lock)


def test_the_guard_beats_the_heart_on_its_timer(meeting_file: Path) -> None:
    from types import SimpleNamespace

    from tui_referat.safety.guard import SafetyGuard

    now = [1000.0]
    session = SimpleNamespace(
        path=meeting_file, meeting=None, dirty=False, read_only=False, listeners=[]
    )
    guard = SafetyGuard(session, clock=lambda: now[0])
    lock = guard.acquire_lock()
    assert isinstance(lock, locking.Lock)
    old = time.time() - locking.STALE_AFTER * 2
    os.utime(lock.path, (old, old))
    now[0] += locking.HEARTBEAT + 1
    guard.tick()
    assert time.time() - lock.path.stat().st_mtime < locking.HEARTBEAT
    guard.close()


# -- one lock per real file --------------------------------------------------------------------


def test_a_symlink_finds_the_same_lock(meeting_file: Path, tmp_path: Path) -> None:
    other_dir = tmp_path / "elsewhere"
    other_dir.mkdir()
    link = other_dir / "link.toml"
    link.symlink_to(meeting_file)
    first = locking.acquire(meeting_file)
    assert isinstance(first, locking.Lock)
    second = locking.acquire(link)
    assert isinstance(second, locking.LockHeld)
    assert second.info.id == first.info.id
    assert locking.lock_path(link) == locking.lock_path(meeting_file)


def test_a_symlinked_folder_and_a_relative_path_find_the_same_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "m.toml").write_text("format = 1\n")
    folder_link = tmp_path / "via"
    folder_link.symlink_to(real, target_is_directory=True)
    first = locking.acquire(folder_link / "m.toml")
    assert isinstance(first, locking.Lock)
    assert first.path == real / ".m.toml.lock"
    monkeypatch.chdir(folder_link)
    for spelling in (Path("m.toml"), Path("..") / "via" / "." / "m.toml", real / "m.toml"):
        second = locking.acquire(spelling)
        assert isinstance(second, locking.LockHeld), spelling
        assert second.info.id == first.info.id


def test_recovery_copy_belongs_to_the_real_file(meeting_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(meeting_file)
    written = recovery.write_recovery(None, link, text='format = 1\ntitle = "Draft"\n')
    assert written == recovery.sibling_path(meeting_file)
    found = recovery.find_recovery(meeting_file)
    assert found is not None and found.path == written
    assert recovery.state_path(link) == recovery.state_path(meeting_file)


def test_the_recovery_copy_of_a_shared_file_is_readable_by_its_writer_only(tmp_path: Path) -> None:
    from tui_referat.safety.recovery import write_recovery

    path = tmp_path / "m.toml"
    path.write_text('format = 1\ntitle = "x"\n', encoding="utf-8")
    path.chmod(0o666)
    copy = write_recovery(None, path, text='format = 1\ntitle = "y"\n')
    assert copy.stat().st_mode & 0o077 == 0
