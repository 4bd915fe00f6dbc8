"""Writing never changes what the target is (issue 12, item 8).

A device or FIFO is written as it is, a symlink is written through (it stays a link), a new
file gets the mode the umask gives and an existing file keeps its mode. The rules hold for
every writer: ``referat export -o``, saving a meeting, recovery copies.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui_referat.cli import main
from tui_referat.safety import recovery
from tui_referat.storage import atomic as _atomic
from tui_referat.storage import load_meeting, save_meeting
from tui_referat.storage.stamp import stamp

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "arbejdsgruppe.toml"


@pytest.fixture
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    shutil.copy(SAMPLE, path)
    return path


def _expected_export(tmp_path: Path) -> bytes:
    plain = tmp_path / "plain.md"
    assert main(["export", str(SAMPLE), "-f", "md", "-o", str(plain)]) == 0
    return plain.read_bytes()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _read_in_thread(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            got.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def test_export_to_a_fifo_writes_into_the_pipe(tmp_path: Path) -> None:
    expected = _expected_export(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = _read_in_thread(fifo)
    assert main(["export", str(SAMPLE), "-f", "md", "-o", str(fifo)]) == 0
    thread.join(10)
    assert got == [expected]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe", "plain.md"]


def test_export_to_dev_null_leaves_the_device(monkeypatch: pytest.MonkeyPatch) -> None:
    null = Path(os.devnull)
    if not stat.S_ISCHR(os.stat(null).st_mode) or not os.access(null, os.W_OK):
        pytest.skip("no writable /dev/null")
    real_replace = os.replace

    def never_onto_a_device(src: str, dst: str) -> None:  # a regression must not break /dev/null
        if Path(dst).parent == null.parent:
            raise AssertionError(f"os.replace onto {dst}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", never_onto_a_device)
    assert main(["export", str(SAMPLE), "-f", "md", "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(null).st_mode)


def test_save_into_a_fifo_writes_into_the_pipe(tmp_path: Path, meeting_file: Path) -> None:
    meeting = load_meeting(meeting_file)
    meeting.title = "Through the pipe"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, got = _read_in_thread(fifo)
    save_meeting(meeting, fifo)
    thread.join(10)
    assert len(got) == 1 and b'"Through the pipe"' in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_through_a_symlink_writes_the_target(tmp_path: Path) -> None:
    expected = _expected_export(tmp_path)
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    real = real_folder / "minutes.md"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert main(["export", str(SAMPLE), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == expected
    assert _mode(real) == 0o640
    assert sorted(p.name for p in real_folder.iterdir()) == ["minutes.md"]  # no temp left


def test_export_through_a_dangling_symlink_creates_the_target(tmp_path: Path) -> None:
    real = tmp_path / "new.md"
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert main(["export", str(SAMPLE), "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_bytes() == _expected_export(tmp_path)


def test_save_through_a_relative_symlink_in_another_folder(
    tmp_path: Path, meeting_file: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "m.toml"
    link.symlink_to(Path("..") / meeting_file.name)
    meeting = load_meeting(link)
    meeting.title = "Via the link"
    save_meeting(meeting, link)
    assert link.is_symlink() and load_meeting(meeting_file).title == "Via the link"
    assert list(elsewhere.iterdir()) == [link]


@pytest.mark.usefixtures("umask_077")
def test_new_export_follows_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "new.md"
    assert main(["export", str(SAMPLE), "-o", str(out)]) == 0
    assert _mode(out) == 0o600


@pytest.mark.usefixtures("umask_077")
def test_new_meeting_file_follows_the_umask(tmp_path: Path, meeting_file: Path) -> None:
    target = tmp_path / "copy.toml"
    save_meeting(load_meeting(meeting_file), target)
    assert _mode(target) == 0o600


def test_new_file_follows_a_loose_umask_too(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        _atomic.write_file(tmp_path / "shared.md", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "shared.md") == 0o664


def test_existing_file_keeps_its_mode_on_save_and_export(
    tmp_path: Path, meeting_file: Path
) -> None:
    meeting_file.chmod(0o640)
    meeting = load_meeting(meeting_file)
    meeting.title = "Edited"
    save_meeting(meeting, meeting_file)
    assert _mode(meeting_file) == 0o640
    out = tmp_path / "out.md"
    out.write_text("old\n")
    out.chmod(0o640)
    assert main(["export", str(meeting_file), "-o", str(out)]) == 0
    assert _mode(out) == 0o640 and "Edited" in out.read_text()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_existing_file_keeps_its_owner(meeting_file: Path) -> None:
    os.chown(meeting_file, 4321, 4321)
    save_meeting(load_meeting(meeting_file), meeting_file)
    info = meeting_file.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4321)


def test_recovered_meeting_saved_as_a_new_file_follows_the_umask(
    tmp_path: Path, meeting_file: Path
) -> None:
    meeting = load_meeting(meeting_file)
    meeting.title = "Typed before the crash"
    recovery.write_recovery(meeting, meeting_file, base=stamp(meeting_file))
    old = os.umask(0o022)
    try:
        target = recovery.save_recovery_as(meeting_file, tmp_path / "rescued.toml")
    finally:
        os.umask(old)
    assert _mode(target) == 0o644  # a meeting file like any other, not a private 0600 temp
    assert load_meeting(target).title == "Typed before the crash"


def test_umask_is_read_without_proc_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_proc(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("/proc/self/status")

    old = os.umask(0o027)
    try:
        assert _atomic.default_mode() == 0o640
        monkeypatch.setattr(_atomic, "open", no_proc, raising=False)
        assert _atomic.default_mode() == 0o640
        assert os.umask(0o027) == 0o027  # and it was put back
    finally:
        os.umask(old)
