"""The recovery copy: where it goes, what it holds, when it is found, discarded, saved as."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tui_referat.domain.model import AgendaItem, Meeting
from tui_referat.safety import recovery
from tui_referat.safety.recovery_place import present
from tui_referat.storage.stamp import stamp

FILE_TEXT = 'format = 1\ntitle = "Board"\n\n[[items]]\ntitle = "Welcome"\n'
UNSAVED = FILE_TEXT + 'minutes = """\nTyped for an hour.\n"""\n'


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    path.write_text(FILE_TEXT, encoding="utf-8")
    return path


def test_copy_is_a_hidden_sibling_with_a_header_line(meeting_file: Path) -> None:
    place = recovery.write_recovery(None, meeting_file, text=UNSAVED, base=stamp(meeting_file))
    assert place == meeting_file.parent / ".board.toml.recovery"
    first, rest = place.read_text(encoding="utf-8").split("\n", 1)
    assert first.startswith("# referat-recovery: ")
    assert rest == UNSAVED
    assert meeting_file.read_text(encoding="utf-8") == FILE_TEXT  # the file is not touched


def test_found_with_time_and_how_much_differs(meeting_file: Path) -> None:
    when = dt.datetime(2025, 10, 7, 14, 2, tzinfo=dt.UTC)
    recovery.write_recovery(None, meeting_file, text=UNSAVED, base=stamp(meeting_file), now=when)
    info = recovery.find_recovery(meeting_file)
    assert info is not None
    assert info.text == UNSAVED
    assert info.meta.written_at == when
    assert info.meta.pid == os.getpid()
    assert info.summary.lines_added == 3 and info.summary.lines_removed == 0
    assert not info.file_changed


def test_not_reported_when_identical_to_the_file(meeting_file: Path) -> None:
    recovery.write_recovery(None, meeting_file, text=FILE_TEXT)
    assert recovery.find_recovery(meeting_file) is None


def test_file_changed_since_load_is_flagged(meeting_file: Path) -> None:
    base = stamp(meeting_file)
    recovery.write_recovery(None, meeting_file, text=UNSAVED, base=base)
    meeting_file.write_text(FILE_TEXT + "# pulled from git\n", encoding="utf-8")
    info = recovery.find_recovery(meeting_file)
    assert info is not None and info.file_changed


def test_found_when_the_file_is_gone(meeting_file: Path) -> None:
    recovery.write_recovery(None, meeting_file, text=UNSAVED, base=stamp(meeting_file))
    meeting_file.unlink()
    info = recovery.find_recovery(meeting_file)
    assert info is not None and info.file_text is None and info.file_changed


def test_falls_back_to_state_dir_when_folder_is_not_writable(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = recovery.write_file

    def refuse_sibling(path: Path, data: bytes, *, mode: int | None = None) -> Path:
        if Path(path).parent == meeting_file.parent:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, data, mode=mode)

    monkeypatch.setattr(recovery, "write_file", refuse_sibling)
    assert not present(meeting_file)
    place = recovery.write_recovery(None, meeting_file, text=UNSAVED)
    assert place == recovery.state_path(meeting_file)
    assert present(meeting_file)  # the start-up's look finds it in the state folder too
    assert "tui-referat" in str(place) and str(Path.home()) in str(place)
    assert not recovery.sibling_path(meeting_file).exists()
    info = recovery.find_recovery(meeting_file)
    assert info is not None and info.path == place and info.text == UNSAVED


def test_nowhere_to_write_raises_recovery_error(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes, *, mode: int | None = None) -> Path:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(recovery, "write_file", refuse)
    with pytest.raises(recovery.RecoveryError):
        recovery.write_recovery(None, meeting_file, text=UNSAVED)


def test_newest_copy_wins_and_stale_other_place_is_removed(meeting_file: Path) -> None:
    fallback = recovery.state_path(meeting_file)
    fallback.parent.mkdir(parents=True)
    old = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    fallback.write_text(
        recovery.RecoveryMeta(str(meeting_file), old).header() + "old text\n", encoding="utf-8"
    )
    recovery.write_recovery(None, meeting_file, text=UNSAVED)
    assert not fallback.exists()
    info = recovery.find_recovery(meeting_file)
    assert info is not None and info.text == UNSAVED


def test_a_copy_without_header_is_not_offered_but_kept(meeting_file: Path) -> None:
    place = recovery.sibling_path(meeting_file)
    place.write_text(UNSAVED, encoding="utf-8")
    assert recovery.find_recovery(meeting_file) is None  # it proves neither file nor user
    [aside] = recovery.scan_recovery(meeting_file).set_aside
    assert aside.path.read_text(encoding="utf-8") == UNSAVED and not place.exists()


def test_the_quick_look_sees_a_copy_in_either_place_and_only_then(
    meeting_file: Path, tmp_path: Path
) -> None:
    """``present`` (the start-up's look, before ``scan_recovery`` is loaded) is true whenever
    a scan could find something: a copy, trusted or not, next to the file or in the state
    folder; not for another file's copy there."""
    assert not present(meeting_file)
    other = tmp_path / "other.toml"
    other.write_text(FILE_TEXT, encoding="utf-8")
    fallback = recovery.state_path(other)
    fallback.parent.mkdir(parents=True)
    fallback.write_text("not even a header\n", encoding="utf-8")
    assert not present(meeting_file) and present(other)
    recovery.sibling_path(meeting_file).write_text("junk", encoding="utf-8")
    assert present(meeting_file)
    recovery.sibling_path(meeting_file).unlink()
    recovery.state_path(meeting_file).write_text("junk", encoding="utf-8")
    assert present(meeting_file)


def test_discard_removes_every_copy(meeting_file: Path) -> None:
    recovery.write_recovery(None, meeting_file, text=UNSAVED)
    assert present(meeting_file)
    assert recovery.discard_recovery(meeting_file)
    assert not present(meeting_file)
    assert recovery.find_recovery(meeting_file) is None
    assert not recovery.discard_recovery(meeting_file)


def test_save_as_writes_the_meeting_without_header_and_keeps_the_copy(meeting_file: Path) -> None:
    recovery.write_recovery(None, meeting_file, text=UNSAVED)
    target = recovery.suggest_target(meeting_file, dt.datetime(2025, 10, 7, 14, 2))
    assert target.name == "board.recovered-20251007-1402.toml"
    recovery.save_recovery_as(meeting_file, target)
    assert target.read_text(encoding="utf-8") == UNSAVED
    assert meeting_file.read_text(encoding="utf-8") == FILE_TEXT
    assert recovery.find_recovery(meeting_file) is not None
    with pytest.raises(FileExistsError):
        recovery.save_recovery_as(meeting_file, target)
    assert recovery.suggest_target(meeting_file, dt.datetime(2025, 10, 7, 14, 2)) != target


def test_copy_keeps_the_owners_permissions_and_is_private(meeting_file: Path) -> None:
    """The owner's bits of the file, none for group and others: an unsaved draft is not for
    the colleagues who may read the meeting file (issue: no draft leak on a shared server)."""
    meeting_file.chmod(0o640)
    place = recovery.write_recovery(None, meeting_file, text=UNSAVED)
    assert place.stat().st_mode & 0o777 == 0o600


def test_diff_summary_counts_changed_items() -> None:
    old = Meeting(title="A", items=[AgendaItem("One"), AgendaItem("Two")])
    new = Meeting(title="A", items=[AgendaItem("One", minutes="x"), AgendaItem("Two")])
    new.items.append(AgendaItem("Three"))
    summary = recovery.diff_summary("a\nb\n", "a\nc\nd\n", old, new)
    assert (summary.lines_added, summary.lines_removed) == (2, 1)
    assert summary.changed_items == 2 and summary.other_changes is False
    renamed = Meeting(title="B", items=list(old.items))
    assert recovery.diff_summary("", "", old, renamed).other_changes is True
    assert recovery.diff_summary("x\n", "x\n").identical
