"""Storage under failure, and recovery copies of real meetings: the user's file never suffers."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.safety import recovery
from tui_referat.storage import load_meeting, save_meeting
from tui_referat.storage.stamp import stamp

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    shutil.copy(SAMPLES / "board-meeting.toml", path)
    return path


def _extra_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "board.toml")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
    ],
)
@pytest.mark.parametrize("step", ["replace", "write", "fsync"])
def test_failed_save_is_a_clear_error_and_nothing_half_written(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, words: str
) -> None:
    before = meeting_file.read_bytes()
    meeting = load_meeting(meeting_file)
    meeting.items[0].minutes = "Typed for an hour.\n" * 200

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(MeetingFileError) as caught:
        save_meeting(meeting, meeting_file)
    monkeypatch.undo()
    assert words in str(caught.value)
    assert meeting_file.read_bytes() == before
    assert _extra_files(meeting_file.parent) == []
    # the meeting is still in memory, and can go to the recovery copy
    recovery.write_recovery(meeting, meeting_file, base=stamp(meeting_file))
    info = recovery.find_recovery(meeting_file)
    assert info is not None and "Typed for an hour." in info.text


def test_save_into_a_vanished_folder_is_a_clear_error(meeting_file: Path) -> None:
    meeting = load_meeting(meeting_file)
    shutil.rmtree(meeting_file.parent)
    with pytest.raises(MeetingFileError) as caught:
        save_meeting(meeting, meeting_file)
    assert "does not exist" in str(caught.value) or "no such file" in str(caught.value)
    assert not meeting_file.parent.exists()


def test_recovery_copy_of_a_real_meeting_loads_as_that_meeting(meeting_file: Path) -> None:
    meeting = load_meeting(meeting_file)
    meeting.items[1].minutes = "Decided after a long debate.\n"
    place = recovery.write_recovery(meeting, meeting_file, base=stamp(meeting_file))
    restored = load_meeting(place)  # the header is a TOML comment
    assert restored == meeting
    info = recovery.find_recovery(meeting_file)
    assert info is not None
    summary = recovery.diff_summary(
        info.file_text or "", info.text, load_meeting(meeting_file), restored
    )
    assert summary.changed_items == 1 and summary.other_changes is False
    assert summary.lines_added >= 1
    # the user's comments survive into the copy
    assert "# a custom header field" in info.text
