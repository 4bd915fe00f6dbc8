"""Saving keeps the file's own bytes: a UTF-8 BOM and the file's line ending (issue 12, 9)."""

from __future__ import annotations

from pathlib import Path

from tui_referat.domain.model import AgendaItem
from tui_referat.safety import recovery
from tui_referat.storage import load_meeting, save_meeting
from tui_referat.storage.stamp import stamp

DATA = Path(__file__).parent / "data"
BOM = b"\xef\xbb\xbf"


def _file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "m.toml"
    path.write_bytes(data)
    return path


def _commented() -> bytes:
    return (DATA / "commented.toml").read_bytes()


def test_bom_file_saved_untouched_is_byte_identical(tmp_path: Path) -> None:
    before = BOM + _commented()
    path = _file(tmp_path, before)
    save_meeting(load_meeting(path), path)
    assert path.read_bytes() == before


def test_bom_file_edited_keeps_the_bom(tmp_path: Path) -> None:
    path = _file(tmp_path, BOM + _commented())
    meeting = load_meeting(path)
    meeting.title = "Edited title"
    save_meeting(meeting, path)
    data = path.read_bytes()
    assert data.startswith(BOM) and not data.startswith(BOM + BOM)
    assert load_meeting(path) == meeting


def test_crlf_file_edited_has_only_crlf_endings(tmp_path: Path) -> None:
    path = _file(tmp_path, _commented().replace(b"\n", b"\r\n"))
    meeting = load_meeting(path)
    meeting.title = "Edited title"
    meeting.items[0].minutes = "First line.\nSecond line.\n"
    meeting.items.append(AgendaItem("A new item", minutes="New text.\nMore.\n"))
    save_meeting(meeting, path)
    data = path.read_bytes()
    assert data.replace(b"\r\n", b"").count(b"\n") == 0  # no lone LF
    assert b"\r\r" not in data
    assert b'"Edited title"' in data and b"A new item" in data and b"Second line." in data
    again = load_meeting(path)
    assert again.title == "Edited title"
    assert [item.title for item in again.items] == [item.title for item in meeting.items]
    # an untouched save after the edit writes the same bytes again
    save_meeting(again, path)
    assert path.read_bytes() == data


def test_crlf_file_with_bom_keeps_both(tmp_path: Path) -> None:
    path = _file(tmp_path, BOM + _commented().replace(b"\n", b"\r\n"))
    meeting = load_meeting(path)
    meeting.items[0].minutes = "Changed.\n"
    save_meeting(meeting, path)
    data = path.read_bytes()
    assert data.startswith(BOM) and data.replace(b"\r\n", b"").count(b"\n") == 0


def test_lf_file_edited_stays_lf(tmp_path: Path) -> None:
    path = _file(tmp_path, _commented())
    meeting = load_meeting(path)
    meeting.items[0].minutes = "Changed.\nTwice.\n"
    save_meeting(meeting, path)
    data = path.read_bytes()
    assert b"\r" not in data and not data.startswith(BOM)


def test_recovery_copy_of_a_bom_file_loads_and_gives_the_bom_back(tmp_path: Path) -> None:
    path = _file(tmp_path, BOM + _commented())
    meeting = load_meeting(path)
    meeting.title = "Typed before the crash"
    place = recovery.write_recovery(meeting, path, base=stamp(path))
    assert place.read_bytes().startswith(BOM + b"# referat-recovery: ")
    assert load_meeting(place).title == "Typed before the crash"  # the header is a comment
    info = recovery.find_recovery(path)
    assert info is not None and info.meta.base is not None
    rescued = recovery.save_recovery_as(path, tmp_path / "rescued.toml")
    data = rescued.read_bytes()
    assert data.startswith(BOM) and b"referat-recovery" not in data
    assert load_meeting(rescued).title == "Typed before the crash"
