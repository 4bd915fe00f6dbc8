"""`referat new` and `referat actions` as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tui_referat import cli
from tui_referat.domain.model import Action, Attendance, Status
from tui_referat.storage import load_meeting, save_meeting


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- referat new -------------------------------------------------------------------------


def test_new_template_file(tmp_path, capsys):
    target = tmp_path / "m1.toml"
    code, out, _ = run(capsys, "new", str(target), "--lang", "en", "--title", "Board meeting 1")
    assert code == 0 and "m1.toml" in out
    meeting = load_meeting(target)
    assert meeting.title == "Board meeting 1" and meeting.lang == "en"
    assert meeting.status is Status.DRAFT
    assert [item.title for item in meeting.items] == ["Welcome", "Any other business"]


def test_new_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "m1.toml"
    target.write_text("keep me\n", encoding="utf-8")
    code, _, err = run(capsys, "new", str(target))
    assert code == 1 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_new_from_the_board_sample(samples_dir: Path, tmp_path, capsys):
    previous = load_meeting(samples_dir / "board-meeting.toml")
    target = tmp_path / "next.toml"
    code, out, _ = run(
        capsys, "new", str(target), "--from", str(samples_dir / "board-meeting.toml")
    )
    assert code == 0, out
    meeting = load_meeting(target)
    assert meeting.status is Status.DRAFT
    assert [p.name for p in meeting.participants] == [p.name for p in previous.participants]
    assert all(p.attendance is Attendance.PRESENT for p in meeting.participants)
    assert previous.next_meeting is not None
    assert meeting.date == previous.next_meeting.date
    assert meeting.start == (previous.next_meeting.start or previous.start)
    # the sample's own standing "minutes of the previous meeting" item is the approval:
    # first, holding the open actions, and no second approval or follow-up item beside it
    assert [item.title for item in meeting.items] == [
        "Minutes of the previous meeting and open actions",
        "Welcome and approval of the agenda",
        "Any other business",
    ]
    carried = [(a.text, a.owner, a.due) for a in meeting.items[0].actions]
    assert carried == [(a.text, a.owner, a.due) for _, _, a in previous.open_actions()]
    assert len(carried) == 3
    assert None not in meeting.planned_times()
    header = {f.key: f.value for f in meeting.header}
    assert header["doc_date"] == dt.date.today().isoformat()  # the sample's ISO format
    assert header["reference"] == "HCEC-BOARD-2025-05"


def test_new_from_a_broken_file(tmp_path, capsys):
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\ntitle = \n", encoding="utf-8")
    code, _, err = run(capsys, "new", str(tmp_path / "x.toml"), "--from", str(broken))
    assert code == 1 and "broken.toml" in err
    assert not (tmp_path / "x.toml").exists()


# -- referat actions ---------------------------------------------------------------------


def test_actions_today_is_read_like_any_date(samples_dir: Path, capsys):
    iso = run(capsys, "actions", str(samples_dir), "--today", "2025-11-03")
    assert run(capsys, "actions", str(samples_dir), "--today", "3. nov 2025") == iso
    with pytest.raises(SystemExit):
        run(capsys, "actions", str(samples_dir), "--today", "31.2.2025")
    assert "February 2025 has no day 31" in capsys.readouterr().err


def test_actions_over_samples_overdue_first(samples_dir: Path, capsys):
    code, out, err = run(capsys, "actions", str(samples_dir), "--today", "2025-11-03")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Owner", "Due", "Action", "Meeting", "Item"]
    body = [line for line in lines[1:] if line.strip() and not line[0].isspace()][:-1]
    # the Danish committee's open action is due in 2026; its closed item's action is left out
    assert [line.split("  ")[0].strip() for line in body] == [
        "Hannah Brooks",
        "Gareth Lloyd",
        "Hannah Brooks",
        "Rasmus Kjær Lund",
    ]
    assert "Orientere den frivillige koordinator" not in out
    assert "2025-10-14 !" in body[0] and "2025-10-31 !" in body[1]
    assert "!" not in body[2]
    assert "Renew the public liability insurance" not in out  # done
    assert "4 actions, 2 overdue" in lines[-1]


def test_actions_owner_filter_and_json(samples_dir: Path, capsys):
    code, out, _ = run(
        capsys, "actions", str(samples_dir), "--owner", "hannah", "--json", "--today", "2025-11-03"
    )
    assert code == 0
    data = json.loads(out)
    assert [(d["owner"], d["due"], d["overdue"]) for d in data] == [
        ("Hannah Brooks", "2025-10-14", True),
        ("Hannah Brooks", "2025-11-30", False),
    ]
    first = data[0]
    assert first["text"] == "Suggest dates for an open day at the turbines"
    assert first["file"].endswith("board-meeting.toml")
    assert isinstance(first["item"], int) and first["item_title"]
    assert first["meeting"]


def test_actions_all_includes_done(samples_dir: Path, capsys):
    _, out, _ = run(capsys, "actions", str(samples_dir), "--all", "--json")
    texts = [d["text"] for d in json.loads(out)]
    assert "Renew the public liability insurance" in texts


def test_actions_reports_broken_files_and_still_lists(samples_dir: Path, tmp_path, capsys):
    shutil.copy(samples_dir / "board-meeting.toml", tmp_path / "board.toml")
    (tmp_path / "bad.toml").write_text("format = 1\n[[items]]\ntitle = 3\n", encoding="utf-8")
    (tmp_path / "theme.toml").write_text("[colors]\naccent = 'red'\n", encoding="utf-8")
    code, out, err = run(capsys, "actions", str(tmp_path), "--today", "2025-11-03")
    assert code == 1
    assert "bad.toml" in err and "theme.toml" not in err
    assert "Gareth Lloyd" in out


def test_actions_table_fits_the_width_and_strips_control_characters(tmp_path, capsys, monkeypatch):
    target = tmp_path / "m.toml"
    run(capsys, "new", str(target), "--lang", "en", "--title", "Evil \x1b[31mred\x1b[0m meeting")
    meeting = load_meeting(target)
    meeting.items[0].actions.append(
        Action(
            "Do \x1b]0;pwned\x07 a very long thing " * 5, owner="Ann\x9b", due=dt.date(2025, 1, 1)
        )
    )
    save_meeting(meeting, target)
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(capsys, "actions", str(target), "--today", "2025-11-03")
    assert code == 0
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert all(len(line) <= 60 for line in out.splitlines())
    (row,) = _rows(out)
    assert _column(row, "Action", out).count("a very long thing") == 5  # wrapped, not cut
    _, out, _ = run(capsys, "actions", str(target), "--json")
    assert "\x1b" not in out and "\x9b" not in out
    assert json.loads(out)[0]["owner"] == "Ann\x9b"


def _rows(out: str) -> list[list[str]]:
    """The table's rows, each the list of its physical lines (a row starts with its due date)."""
    rows: list[list[str]] = []
    lines = out.split("\n\n")[0].splitlines()
    due = lines[0].index("Due")
    for line in lines[1:]:
        if line[due : due + 1].isspace() and rows:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _column(row: list[str], header: str, out: str) -> str:
    """The words of one column over a row's lines (columns located by the header line)."""
    head = out.splitlines()[0]
    names = ["Owner", "Due", "Action", "Meeting", "Item"]
    starts = [head.index(name) for name in names]
    at = names.index(header)
    end = starts[at + 1] if at + 1 < len(names) else None
    return " ".join(" ".join(line[starts[at] : end].split()) for line in row).strip()


@pytest.mark.parametrize("columns", ["60", "80", "100", "132"])
def test_actions_table_fits_the_terminal_and_stays_readable(
    samples_dir: Path, capsys, monkeypatch, columns
):
    monkeypatch.setenv("COLUMNS", columns)
    _, out, _ = run(capsys, "actions", str(samples_dir), "--today", "2025-11-03")
    assert max(len(line) for line in out.splitlines()) <= int(columns)
    rows = _rows(out)
    owners = [_column(row, "Owner", out) for row in rows]
    assert owners[:3] == ["Hannah Brooks", "Gareth Lloyd", "Hannah Brooks"]
    assert owners[3].startswith("Rasmus Kjær") and len(owners) == 4
    assert _column(rows[0], "Due", out) == "2025-10-14 !"
    # the action is wrapped, never cut; meeting and item at most two lines each
    assert _column(rows[1], "Action", out) == "Book the structural survey of the roof"
    assert _column(rows[0], "Action", out) == "Suggest dates for an open day at the turbines"
    item = _column(rows[1], "Item", out)
    assert item.startswith("4 Solar") and len(item) >= 12
    meeting = _column(rows[1], "Meeting", out)
    assert meeting.startswith("Board meeting 5/2025" if int(columns) >= 80 else "Board")


def test_actions_table_piped_is_at_most_100_columns(samples_dir: Path, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    _, out, _ = run(capsys, "actions", str(samples_dir), "--today", "2025-11-03")
    assert max(len(line) for line in out.splitlines()) <= 100
    first = _rows(out)[0]
    assert _column(first, "Action", out) == "Suggest dates for an open day at the turbines"


def test_actions_width_option(samples_dir: Path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run(capsys, "actions", str(samples_dir), "--today", "2025-11-03", "--width", "0")
    lines = out.splitlines()
    assert len(lines) == 1 + 4 + 2  # one line per action, nothing cut
    assert "Board meeting 5/2025, Harbourside Community Energy Cooperative" in lines[1]
    _, out, _ = run(capsys, "actions", str(samples_dir), "--width", "72")
    assert max(len(line) for line in out.splitlines()) <= 72
