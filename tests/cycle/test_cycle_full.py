"""The whole cycle: next meeting from the last, edit, review, a late written remark flagged,
approval, export, and the meeting after that carrying the actions still open."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from tui_referat import cli
from tui_referat.domain import cycle
from tui_referat.domain.checks import check_meeting
from tui_referat.domain.model import Action, Kind, Remark, RemarkSource, Status
from tui_referat.export import render
from tui_referat.importer import import_markdown
from tui_referat.storage import load_meeting, locator_for, save_meeting


def test_full_cycle(samples_dir: Path, tmp_path: Path, capsys):
    shutil.copy(samples_dir / "board-meeting.toml", tmp_path / "board-5.toml")
    first = load_meeting(tmp_path / "board-5.toml")
    carried = [(a.text, a.owner, a.due) for _, _, a in first.open_actions()]

    # 1. the next meeting from the last
    assert (
        cli.main(["new", str(tmp_path / "board-6.toml"), "--from", str(tmp_path / "board-5.toml")])
        == 0
    )
    capsys.readouterr()
    meeting = load_meeting(tmp_path / "board-6.toml")
    assert meeting.title == "Board meeting 6/2025, Harbourside Community Energy Cooperative"
    # the board's standing "minutes of the previous meeting" item opens the agenda and
    # holds the open actions
    approval = 0
    follow_up = meeting.items[approval]
    assert follow_up.title == "Minutes of the previous meeting and open actions"
    assert [(a.text, a.owner, a.due) for a in follow_up.actions] == carried

    # 2. the secretary writes the minutes: one action done, one new, a written remark late
    meeting.items[approval].minutes = "The minutes of meeting 5 were approved."
    follow_up.minutes = "The actions were reviewed."
    follow_up.actions[0].done = True
    follow_up.actions.append(
        Action("Order new signs", owner="Priya Raman", due=dt.date(2026, 1, 15))
    )
    follow_up.remarks.append(
        Remark(
            "Please add the insurance renewal.",
            source=RemarkSource.WRITTEN,
            author="Gareth Lloyd",
            received=meeting.date + dt.timedelta(days=20),
        )
    )
    for item in meeting.items:
        if not item.minutes:
            item.minutes = "Noted."
        if item.kind is Kind.DECISION:
            item.decision = "Agreed."
    save_meeting(meeting, tmp_path / "board-6.toml")

    # 3. sent for review with a deadline one week after the meeting
    meeting = load_meeting(tmp_path / "board-6.toml")
    cycle.send_for_review(
        meeting, dt.datetime.combine(meeting.date + dt.timedelta(days=7), dt.time(16))
    )
    save_meeting(meeting, tmp_path / "board-6.toml")
    meeting = load_meeting(tmp_path / "board-6.toml")
    assert meeting.status is Status.REVIEW
    problems = check_meeting(meeting, tmp_path / "board-6.toml", locator_for(meeting))
    late = [p for p in problems if "after the deadline" in p.message]
    assert len(late) == 1 and late[0].level == "warning" and late[0].line is not None
    assert not [p for p in problems if p.level == "error"], problems

    # 4. approved at the next meeting, and exported
    cycle.approve(meeting, meeting.date + dt.timedelta(days=28))
    save_meeting(meeting, tmp_path / "board-6.toml")
    meeting = load_meeting(tmp_path / "board-6.toml")
    text = render(meeting, "md").decode("utf-8")
    approved_on = f"Approved {meeting.approved.day} {meeting.approved:%B %Y}"
    assert f"**{approved_on}**" in text.split("\n# ")[0]  # in the header block
    assert "- [x] " + carried[0][0] in text
    assert "- [ ] Order new signs — Priya Raman, due 2026-01-15" in text
    assert import_markdown(text).meeting.items[approval].actions == follow_up.actions

    # 5. the meeting after that carries what is still open
    assert (
        cli.main(["new", str(tmp_path / "board-7.toml"), "--from", str(tmp_path / "board-6.toml")])
        == 0
    )
    capsys.readouterr()
    third = load_meeting(tmp_path / "board-7.toml")
    assert third.title.startswith("Board meeting 7/2025")
    follow_up_7 = third.items[0]
    assert follow_up_7.title == follow_up.title
    assert [item.title for item in third.items] == [item.title for item in meeting.items]
    assert [(a.text, a.owner) for a in follow_up_7.actions] == [
        *[(text, owner) for text, owner, _ in carried[1:]],
        ("Order new signs", "Priya Raman"),
    ]

    # 6. across the three files an action carried forward is listed once, as it stands last
    assert cli.main(["actions", str(tmp_path), "--json", "--today", "2025-11-03"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted(d["text"] for d in listed) == sorted(
        [text for text, _, _ in carried[1:]] + ["Order new signs"]
    )
    assert all(d["file"].endswith("board-7.toml") for d in listed)
