"""Failed writes (disk full, permission denied, vanished folder) leave nothing half-written."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from tui_referat.safety import recovery
from tui_referat.storage import atomic as _atomic

ORIGINAL = "format = 1\ntitle = 'kept'\n"
FAILURES = [
    (errno.ENOSPC, "No space left on device"),
    (errno.EACCES, "Permission denied"),
    (errno.EROFS, "Read-only file system"),
]


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    path.write_text(ORIGINAL)
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "m.toml")


@pytest.mark.parametrize(("code", "message"), FAILURES)
@pytest.mark.parametrize("step", ["replace", "fsync", "write"])
def test_failure_at_any_step_keeps_the_original_and_no_temp(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, message: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, message)

    if step == "replace":
        monkeypatch.setattr(_atomic.os, "replace", fail)
    elif step == "fsync":
        monkeypatch.setattr(_atomic.os, "fsync", fail)
    else:
        real_write = os.write

        def full(fd: int, data: bytes) -> int:
            real_write(fd, bytes(data[: len(data) // 2]))  # half of it, then the disk is full
            raise OSError(code, message)

        monkeypatch.setattr(_atomic.os, "write", full)
    with pytest.raises(OSError) as caught:
        _atomic.write_file(target, b"format = 1\ntitle = 'new and longer'\n" * 100)
    assert caught.value.errno == code
    assert target.read_text() == ORIGINAL
    assert _leftovers(target.parent) == []


def test_vanished_folder_raises_enoent_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "m.toml"
    path.write_text(ORIGINAL)
    shutil.rmtree(folder)
    with pytest.raises(FileNotFoundError):
        _atomic.write_file(path, b"new")
    assert not folder.exists()


def test_recovery_copy_goes_to_state_dir_when_the_folder_vanished(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "m.toml"
    path.write_text(ORIGINAL)
    shutil.rmtree(folder)
    place = recovery.write_recovery(None, path, text="format = 1\nminutes = 'typed'\n")
    assert place == recovery.state_path(path)
    info = recovery.find_recovery(path)
    assert info is not None and "typed" in info.text


def test_failed_recovery_write_keeps_the_previous_copy(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery.write_recovery(None, target, text="format = 1\nminutes = 'first'\n")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_atomic.os, "replace", fail)
    with pytest.raises(recovery.RecoveryError):
        recovery.write_recovery(None, target, text="format = 1\nminutes = 'second'\n")
    monkeypatch.undo()
    info = recovery.find_recovery(target)
    assert info is not None and "first" in info.text
    assert target.read_text() == ORIGINAL
