"""`referat check` and the meaning checks behind it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_referat.cli import main as cli_main
from tui_referat.domain.checks import Problem, check_meeting
from tui_referat.domain.model import (
    AgendaItem,
    Attachment,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    RemarkSource,
    Status,
)
from tui_referat.storage import dumps_meeting, loads_meeting, locator_for

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


def _findings(meeting: Meeting, tmp_path: Path) -> list[tuple[str, str, str]]:
    path = tmp_path / "m.toml"
    located = loads_meeting(dumps_meeting(meeting), path)
    return [
        (p.level, p.field, p.message) for p in check_meeting(located, path, locator_for(located))
    ]


def _base(**changes: object) -> Meeting:
    meeting = Meeting(
        title="Board",
        chair="Ann",
        secretary="Bo",
        participants=[Participant("Ann"), Participant("Bo")],
    )
    for name, value in changes.items():
        setattr(meeting, name, value)
    return meeting


def test_clean_meeting_has_no_findings(tmp_path: Path) -> None:
    assert _findings(_base(), tmp_path) == []


def test_chair_and_secretary_must_be_participants(tmp_path: Path) -> None:
    found = _findings(_base(chair="Cleo", secretary="Dan"), tmp_path)
    assert ("error", "chair", '"Cleo" is not among the participants') in found
    assert ("error", "secretary", '"Dan" is not among the participants') in found


def test_duplicate_participant_names(tmp_path: Path) -> None:
    meeting = _base()
    meeting.participants.append(Participant("Ann"))
    assert _findings(meeting, tmp_path) == [
        ("error", "participants[2].name", '"Ann" is listed twice (also participants[0])')
    ]


def test_decision_item_without_a_decision_is_an_error_after_draft(tmp_path: Path) -> None:
    meeting = _base(items=[AgendaItem("Budget", kind=Kind.DECISION)])
    ((level, field, _),) = _findings(meeting, tmp_path)
    assert (level, field) == ("warning", "items[0].decision")
    meeting.status = Status.REVIEW
    assert _findings(meeting, tmp_path) == [
        ("error", "items[0].decision", "a decision item (B) has no decision (item 1)")
    ]


def test_missing_attachment_file_but_not_urls(tmp_path: Path) -> None:
    (tmp_path / "there.pdf").write_text("x")
    item = AgendaItem(
        "Papers",
        attachments=[
            Attachment("A", "there.pdf"),
            Attachment("B", "gone.pdf"),
            Attachment("C", "https://example.org/x.pdf"),
            Attachment("D"),
        ],
    )
    assert _findings(_base(items=[AgendaItem("Welcome"), item]), tmp_path) == [
        (
            "error",
            "items[1].attachments[1].path",
            'attachment 2.2 "gone.pdf" does not exist (relative to the meeting file)',
        )
    ]


def test_written_remark_after_the_deadline(tmp_path: Path) -> None:
    late = Remark("Late", RemarkSource.WRITTEN, received=dt.date(2025, 3, 20))
    ok = Remark("In time", RemarkSource.WRITTEN, received=dt.date(2025, 3, 18))
    meeting = _base(
        remarks_deadline=dt.datetime(2025, 3, 18, 16, 0),
        items=[AgendaItem("A", remarks=[ok, late])],
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[0].remarks[1].received",
            "the written remark arrived 2025-03-20, after the deadline 2025-03-18 (item 1)",
        )
    ]


def test_time_problems(tmp_path: Path) -> None:
    meeting = _base(
        start=dt.time(18, 0),
        end=dt.time(17, 0),
        next_meeting=NextMeeting(start=dt.time(10, 0), end=dt.time(9, 0)),
    )
    found = _findings(meeting, tmp_path)
    assert ("error", "end", "the meeting ends before it starts") in found
    assert ("error", "next_meeting.end", "the next meeting ends before it starts") in found


def test_plan_running_past_the_end_is_a_warning(tmp_path: Path) -> None:
    meeting = _base(
        start=dt.time(18, 0),
        end=dt.time(19, 0),
        items=[AgendaItem("A", duration=40), AgendaItem("B", duration=30)],
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[1].duration",
            "the plan runs until 19.10, past the end time 19.00 (item 2)",
        )
    ]


def test_approved_without_a_date(tmp_path: Path) -> None:
    found = _findings(_base(status=Status.APPROVED), tmp_path)
    assert found == [("warning", "status", 'the minutes are approved but "approved" has no date')]


def test_problem_prints_as_file_line_col_level_message() -> None:
    problem = Problem("m.toml", 3, 7, "error", 'expected O, D or B, got "Q"', "items[3].kind")
    assert str(problem) == 'm.toml:3:7: error: items[3].kind: expected O, D or B, got "Q"'
    assert str(Problem("m.toml", None, None, "error", "no such file")) == (
        "m.toml: error: no such file"
    )


# -- the command --------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_clean_files_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(DATA / "commented.toml"), *map(str, sorted((ROOT / "samples").glob("*.toml")))]
    assert cli_main(["check", *files]) == 0
    out, err = capsys.readouterr()
    # commented.toml keeps three made-up keys on purpose: warned about, never an error
    kept = "unknown key (kept in the file, but referat does not read it)"
    assert out == (
        f"{files[0]}:14:1: warning: colour: {kept}\n"
        f"{files[0]}:24:1: warning: participants[0].shoe_size: {kept}\n"
        f"{files[0]}:59:1: warning: items[1].remarks[0].mood: {kept} (item 2)\n"
    )
    assert err == f"referat check: {len(files)} files: 0 errors, 3 warnings\n"


def test_check_reports_errors_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _write(tmp_path, "bad.toml", 'format = 1\n[[items]]\ntitle = "A"\nkind = "Q"\n')
    syntax = _write(tmp_path, "syntax.toml", 'format = 1\ntitle = "open\n')
    assert cli_main(["check", str(bad), str(syntax), str(tmp_path / "gone.toml")]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f'{bad}:4:8: error: items[0].kind: expected O, D or B, got "Q" (item 1)',
        f'{syntax}:2:14: error: title: a "string" must end on its line '
        '(use """ for text over several lines)',
        f"{tmp_path / 'gone.toml'}: error: no such file",
    ]
    assert err == "referat check: 3 files: 3 errors, 0 warnings\n"


def test_check_warnings_alone_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "w.toml", 'format = 1\ntitle = "T"\nstatus = "approved"\n')
    assert cli_main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out == (
        f'{path}:3:10: warning: status: the minutes are approved but "approved" has no date\n'
    )


def test_check_meaning_errors_point_at_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        "m.toml",
        'format = 1\nchair = "Zed"\ntitle = "T"\n\n[[participants]]\nname = "Ann"\n\n'
        '[[participants]]\nname = "Ann"\n',
    )
    assert cli_main(["check", str(path)]) == 1
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        f'{path}:2:9: error: chair: "Zed" is not among the participants',
        f'{path}:9:8: error: participants[1].name: "Ann" is listed twice (also participants[0])',
    ]


def test_check_without_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["check"]) == 2
    assert "referat check FILE" in capsys.readouterr().err


def test_check_as_a_process(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.toml", 'format = 1\nlang = "fr"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tui_referat", "check", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == f'{bad}:2:8: error: lang: expected da or en, got "fr"\n'
    assert result.stderr == "referat check: 1 file: 1 error, 0 warnings\n"


def test_check_does_not_import_textual() -> None:
    sample = ROOT / "samples" / "board-meeting.toml"
    code = (
        "import sys, tui_referat.cli as cli\n"
        f"code = cli.main(['check', {str(sample)!r}])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'tomlkit' not in sys.modules, 'a clean file needs no tomlkit'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_importing_the_cli_does_not_import_tomlkit() -> None:
    code = "import sys, tui_referat.cli\nassert 'tomlkit' not in sys.modules\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_warns_when_tables_are_out_of_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        'format = 1\ntitle = "T"\n\n[[items]]\ntitle = "A"\n\n[[thing]]\nx = 1\n\n'
        '[[items.attachments]]\ntitle = "belongs to A"\n'
    )
    path = _write(tmp_path, "o.toml", text)
    assert cli_main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out == (
        f"{path}:1:1: warning: some tables are out of order; "
        "the first save after an edit will move them\n"
        f"{path}:7:1: warning: thing: unknown key "
        "(kept in the file, but referat does not read it)\n"
    )
    meeting = loads_meeting(text)
    assert dumps_meeting(meeting) == text
    meeting.title = "U"
    again = loads_meeting(dumps_meeting(meeting))
    assert again == meeting and again.items[0].attachments[0].title == "belongs to A"
