"""Bad input never gives a traceback or touches the file: one MeetingFileError, one line."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.domain.model import AgendaItem, Meeting
from tui_referat.storage import (
    load_meeting,
    loads_meeting,
    save_meeting,
    validate_file,
    validate_text,
)

DATA = Path(__file__).parent / "data"
GOOD = 'format = 1\ntitle = "T"\n'


def _error_for(tmp_path: Path, content: bytes | str, name: str = "m.toml") -> str:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    message = str(caught.value)
    assert "\n" not in message
    assert path.read_bytes() == content
    return message.replace(str(tmp_path), "DIR")


def test_toml_syntax_error_has_file_line_col(tmp_path: Path) -> None:
    text = 'format = 1\ntitle = "T"\nstart = "13.00\n'
    assert _error_for(tmp_path, text).startswith("DIR/m.toml:3:15: ")


def test_missing_value_is_explained(tmp_path: Path) -> None:
    assert _error_for(tmp_path, "format = 1\ntitle = \n") == (
        "DIR/m.toml:2:9: title: unexpected end of line (is a value or a closing quote missing?)"
    )


def test_unknown_kind_names_the_field_and_the_choices(tmp_path: Path) -> None:
    items = "".join(f'\n[[items]]\ntitle = "I{n}"\nkind = "O"\n' for n in range(3))
    text = GOOD + items + '\n[[items]]\ntitle = "I3"\nkind    =   "Q"\n'
    line = text.splitlines().index('kind    =   "Q"') + 1
    assert _error_for(tmp_path, text) == (
        f'DIR/m.toml:{line}:13: items[3].kind: expected O, D or B, got "Q" (item 4)'
    )


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    text = GOOD + '\n[[participants]]\nname = "A"\n\n[[participants]]\nname = 42\n'
    assert _error_for(tmp_path, text) == (
        "DIR/m.toml:8:8: participants[1].name: expected a string, got 42"
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('status = "done"', 'status: expected draft, review or approved, got "done"'),
        ('lang = "de"', 'lang: expected da or en, got "de"'),
        ('start = "25.00"', 'start: expected a time like "13.30", got "25.00"'),
        ("date = 7", "date: expected a date like 2025-10-07, got 7"),
        ("items = 3", "items: expected [[items]] tables, got 3"),
        ("next_meeting = [1]", "next_meeting: expected a table, got a list"),
        ("items = [1]", "items[0]: expected a table, got 1 (item 1)"),
    ],
)
def test_field_messages(tmp_path: Path, line: str, message: str) -> None:
    assert _error_for(tmp_path, f"format = 1\n{line}\n").endswith(message)


def test_malformed_attendance_source_and_minutes(tmp_path: Path) -> None:
    _, problems = validate_text(
        "format = 1\n[[participants]]\nname = 'A'\nattendance = 'maybe'\n"
        "[[items]]\ntitle = 'I'\nduration = -5\n[[items.remarks]]\ntext = 't'\n"
        "source = 'email'\n",
        "m.toml",
    )
    assert [str(p) for p in problems] == [
        "m.toml:4:14: error: participants[0].attendance: expected present, online, "
        'apologies, absent or partial, got "maybe"',
        "m.toml:7:12: error: items[0].duration: expected a whole number of minutes, "
        "got -5 (item 1)",
        "m.toml:10:10: error: items[0].remarks[0].source: expected meeting, written or protocol, "
        'got "email" (item 1)',
    ]


def test_required_key_missing_points_at_the_table(tmp_path: Path) -> None:
    text = GOOD + "\n[[items]]\nkind = 'O'\n"
    assert _error_for(tmp_path, text) == (
        "DIR/m.toml:4:1: items[0].title: required key is missing (item 1)"
    )


def test_non_utf8_bytes(tmp_path: Path) -> None:
    assert _error_for(tmp_path, b'format = 1\ntitle = "\xe6\xf8"\n') == (
        "DIR/m.toml:2:10: not UTF-8 text: byte 0xe6 cannot be read; save the file as UTF-8"
    )


def test_empty_file(tmp_path: Path) -> None:
    assert _error_for(tmp_path, "") == "DIR/m.toml: the file is empty"
    assert _error_for(tmp_path, "  \n\n") == "DIR/m.toml: the file is empty"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(tmp_path / "nope.toml")
    assert str(caught.value) == f"{tmp_path}/nope.toml: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a folder, not a meeting file"


def test_format_missing(tmp_path: Path) -> None:
    assert _error_for(tmp_path, 'title = "T"\n[[items]]\nkind = 9\n') == (
        "DIR/m.toml:1:1: format: not a meeting file: the key 'format = 1' is missing"
    )


def test_format_newer(tmp_path: Path) -> None:
    assert _error_for(tmp_path, "format = 2\n") == (
        "DIR/m.toml:1:10: format: format 2 is newer than this referat can read (up to 1); "
        "update referat"
    )


def test_format_not_a_number(tmp_path: Path) -> None:
    assert _error_for(tmp_path, 'format = "1"\n').endswith(
        'format: expected a format version number, got "1"'
    )


def test_validate_reports_every_problem_in_file_order() -> None:
    text = (
        'format = 1\nstatus = "x"\n[[items]]\ntitle = 1\nkind = "Q"\n'
        '[[items]]\ntitle = "ok"\ntime = "noon"\n'
    )
    meeting, problems = validate_text(text, "m.toml")
    assert meeting is not None
    assert [(p.line, p.field) for p in problems] == [
        (2, "status"),
        (4, "items[0].title"),
        (5, "items[0].kind"),
        (8, "items[1].time"),
    ]
    assert all(p.level == "error" for p in problems)


def test_validate_file_reports_read_problems(tmp_path: Path) -> None:
    meeting, problems = validate_file(tmp_path / "gone.toml")
    assert meeting is None and [p.message for p in problems] == ["no such file"]


# -- saving ------------------------------------------------------------------------------


def _saved_file(tmp_path: Path) -> tuple[Path, Meeting, bytes]:
    path = tmp_path / "m.toml"
    path.write_text(GOOD, encoding="utf-8")
    meeting = load_meeting(path)
    meeting.items.append(AgendaItem("New", minutes="Long text.\n" * 100))
    return path, meeting, path.read_bytes()


def test_disk_full_on_replace_leaves_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, meeting, before = _saved_file(tmp_path)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(MeetingFileError) as caught:
        save_meeting(meeting, path)
    assert str(caught.value) == f"{path}: cannot save: the disk is full"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.toml"]


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, meeting, before = _saved_file(tmp_path)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    with pytest.raises(MeetingFileError, match="cannot save: permission denied"):
        save_meeting(meeting, path)
    assert path.read_bytes() == before


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError, match="does not exist"):
        save_meeting(Meeting(title="x"), tmp_path / "no" / "m.toml")


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path, meeting, _ = _saved_file(tmp_path)
    path.chmod(0o640)
    save_meeting(meeting, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load_meeting(path) == meeting


def test_save_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    path, meeting, _ = _saved_file(tmp_path)
    link = tmp_path / "link.toml"
    link.symlink_to(path)
    save_meeting(meeting, link)
    assert link.is_symlink() and load_meeting(path) == meeting


def test_unstorable_character_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path, meeting, before = _saved_file(tmp_path)
    meeting.title = "bad \ud800 surrogate"
    with pytest.raises(MeetingFileError, match="cannot be stored"):
        save_meeting(meeting, path)
    assert path.read_bytes() == before


def test_saving_onto_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError, match="is a folder"):
        save_meeting(Meeting(title="x"), tmp_path)
    assert loads_meeting("format = 1\n").title == ""


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.toml"
    path.write_text(GOOD, encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    assert str(caught.value) == f"{path}: permission denied"


def test_duplicate_key_is_a_syntax_error(tmp_path: Path) -> None:
    assert _error_for(tmp_path, 'format = 1\ntitle = "a"\ntitle = "b"\n') == (
        'DIR/m.toml:3:1: key "title" already exists'
    )
