"""`referat check` on presence events and votes, and `referat new --from` with roles,
substitutes and presence events."""

from __future__ import annotations

from pathlib import Path

from tui_referat.cli import main as cli_main
from tui_referat.storage import load_meeting

MEETING = """\
format = 1
title = "Bestyrelsen"
start = "18.30"
started = "18.45"

[[participants]]
name = "Anne Holm"
role = "formand"

[[participants.presence]]
event = "left"
time = "20.25"
item = 2

[[participants]]
name = "Bo Berg"
attendance = "apologies"

[[participants]]
name = "Cai Dahl"
substitute_for = "Bo Berg"

[[participants.presence]]
event = "returned"
time = "19.05"
item = 1

[[participants.presence]]
event = "went"
item = 7

[[items]]
title = "Velkomst"
time = "18.30"

[[items]]
title = "Budget"
kind = "B"
decision = "Godkendt."

[items.vote]
for = 2
against = 0
abstain = 0
"""


def _check(tmp_path: Path, capsys, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    cli_main(["check", str(path)])
    return [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]


def test_check_warns_on_presence_events_and_votes_with_their_place(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    warnings = _check(tmp_path, capsys, MEETING)
    path = tmp_path / "m.toml"
    assert warnings == [
        f'{path}:24:9: warning: participants[2].presence[0].event: "returned" without an '
        'earlier "left"',
        f"{path}:29:9: warning: participants[2].presence[1].event: unknown presence event "
        '"went" (expected arrived, left or returned)',
        f"{path}:30:8: warning: participants[2].presence[1].item: there is no item 7 "
        "(the agenda has 2)",
        f"{path}:41:1: warning: items[1].vote: 2 votes, but only 1 of the participants were "
        "present for the item (item 2)",
    ]


def test_a_planned_time_before_the_actual_start_is_fine(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = MEETING.split("\n[[participants]]")[0] + '\n[[items]]\ntitle = "A"\ntime = "18.30"\n'
    assert _check(tmp_path, capsys, text) == []


def test_new_from_keeps_roles_and_drops_substitutes_and_presence(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text(MEETING.replace('started = "18.45"\n', 'participants_layout = "grouped"\n'))
    new = tmp_path / "new.toml"
    cli_main(["new", str(new), "--from", str(old)])
    meeting = load_meeting(new)
    assert [(p.name, p.role, p.presence) for p in meeting.participants] == [
        ("Anne Holm", "formand", []),
        ("Bo Berg", "", []),
    ]
    assert meeting.participants_layout == "grouped"
    assert "presence" not in new.read_text() and "substitute_for" not in new.read_text()
