"""Closed items (lukket punkt) through the commands: export, actions, new --from, check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tui_referat import cli
from tui_referat.domain.model import Action, AgendaItem, Meeting, Participant
from tui_referat.domain.next_meeting import next_meeting_from
from tui_referat.storage import load_meeting, save_meeting

TODAY = dt.date(2025, 11, 3)


def meeting() -> Meeting:
    return Meeting(
        title="Møde 2 i styregruppen",
        date=dt.date(2025, 10, 7),
        start=dt.time(13, 0),
        participants=[Participant("Anne Holm"), Participant("Bo Berg")],
        items=[
            AgendaItem("Velkomst", standing=True, minutes="Velkommen."),
            AgendaItem(
                "Lokaler",
                minutes="Drøftet.",
                actions=[Action("Sende oversigten", owner="Bo Berg")],
            ),
            AgendaItem(
                "Personalesag vedr. BB",
                closed=True,
                minutes="Sagen blev drøftet.",
                actions=[
                    Action("Svare medarbejderen", owner="Anne Holm", due=dt.date(2025, 10, 1)),
                    Action("Arkivere sagen", owner="Bo Berg", done=True),
                ],
            ),
            AgendaItem("Personaleforhold", standing=True, closed=True, public_title="Personale"),
            AgendaItem("Evt.", standing=True),
        ],
    )


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m2.toml"
    save_meeting(meeting(), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- referat export --------------------------------------------------------------------------


def test_export_leaves_closed_items_out_unless_asked(meeting_file: Path, capsys) -> None:
    code, public, _ = run(capsys, "export", str(meeting_file), "-f", "text")
    assert code == 0
    assert "Pkt. 3 Lukket punkt\n" in public and "Personalesag" not in public
    assert "Pkt. 4 Personale (lukket punkt)\n" in public and "Personaleforhold" not in public
    code, full, _ = run(capsys, "export", str(meeting_file), "-f", "text", "--include-closed")
    assert code == 0
    assert full.startswith("Referat\nFORTROLIGT – indeholder lukkede punkter\n\nUDKAST\n")
    assert "Pkt. 3 Personalesag vedr. BB (Fortroligt)\n" in full and "Sagen blev drøftet." in full


# -- referat actions -------------------------------------------------------------------------


def test_actions_leave_out_closed_items_unless_asked(meeting_file: Path, capsys) -> None:
    _, out, _ = run(capsys, "actions", str(meeting_file), "--json", "--today", "2025-11-03")
    assert [a["text"] for a in json.loads(out)] == ["Sende oversigten"]
    _, out, _ = run(capsys, "actions", str(meeting_file), "--today", "2025-11-03")
    assert "Svare medarbejderen" not in out and "Personalesag" not in out
    _, out, _ = run(
        capsys, "actions", str(meeting_file), "--json", "--include-closed", "--today", "2025-11-03"
    )
    found = {a["text"]: a for a in json.loads(out)}
    assert list(found) == ["Svare medarbejderen", "Sende oversigten"]  # overdue first
    assert found["Svare medarbejderen"]["closed"] is True
    assert found["Sende oversigten"]["closed"] is False
    _, out, _ = run(capsys, "actions", str(meeting_file), "--all", "--include-closed", "--json")
    assert "Arkivere sagen" in [a["text"] for a in json.loads(out)]


# -- referat new --from ----------------------------------------------------------------------


def test_closed_actions_go_only_into_a_closed_follow_up_item() -> None:
    new = next_meeting_from(meeting(), today=TODAY)
    titles = [(item.title, item.closed) for item in new.items]
    assert titles == [
        ("Godkendelse af referat fra sidste møde", False),
        ("Velkomst", False),
        ("Opfølgning på handlinger", False),
        ("Opfølgning på handlinger fra lukkede punkter", True),
        ("Personaleforhold", True),
        ("Evt.", False),
    ]
    by_title = {item.title: item for item in new.items}
    assert [a.text for a in by_title["Opfølgning på handlinger"].actions] == ["Sende oversigten"]
    closed_follow_up = by_title["Opfølgning på handlinger fra lukkede punkter"]
    assert [(a.text, a.owner, a.due) for a in closed_follow_up.actions] == [
        ("Svare medarbejderen", "Anne Holm", dt.date(2025, 10, 1))
    ]
    shown = [a.text for item in new.items if not item.closed for a in item.actions]
    assert "Svare medarbejderen" not in shown
    # a standing closed item stays closed, with its public title
    assert by_title["Personaleforhold"].public_title == "Personale"


def test_no_closed_follow_up_without_open_closed_actions() -> None:
    old = meeting()
    old.items[2].actions[0].done = True
    new = next_meeting_from(old, today=TODAY)
    assert [item.title for item in new.items if item.closed] == ["Personaleforhold"]


def test_only_closed_actions_still_keep_the_open_follow_up_out() -> None:
    old = meeting()
    old.items[1].actions = []
    new = next_meeting_from(old, today=TODAY)
    assert [item.title for item in new.items] == [
        "Godkendelse af referat fra sidste møde",
        "Velkomst",
        "Opfølgning på handlinger fra lukkede punkter",
        "Personaleforhold",
        "Evt.",
    ]
    assert new.items[0].actions == []  # the approval holds no closed action


def test_a_standing_closed_follow_up_item_is_reused() -> None:
    old = meeting()
    old.items.insert(
        1, AgendaItem("Opfølgning fra sidste møde (lukket)", standing=True, closed=True)
    )
    new = next_meeting_from(old, today=TODAY)
    closed = [item for item in new.items if item.closed]
    assert [item.title for item in closed] == [
        "Opfølgning fra sidste møde (lukket)",
        "Personaleforhold",
    ]
    assert [a.text for a in closed[0].actions] == ["Svare medarbejderen"]


def test_new_from_on_the_command_line_saves_the_closed_follow_up(
    meeting_file: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "m3.toml"
    code, out, _ = run(capsys, "new", str(target), "--from", str(meeting_file))
    assert code == 0 and "2 open actions carried" in out
    saved = load_meeting(target)
    follow_up = next(item for item in saved.items if item.actions and item.closed)
    assert follow_up.title == "Opfølgning på handlinger fra lukkede punkter"
    assert "closed = true" in target.read_text(encoding="utf-8")


# -- referat check ---------------------------------------------------------------------------


def test_check_warns_about_a_public_title_on_an_item_that_is_not_closed(
    tmp_path: Path, capsys
) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        'format = 1\ntitle = "M"\n\n[[items]]\ntitle = "Budget"\npublic_title = "Økonomi"\n\n'
        '[[items]]\ntitle = "Sag"\nclosed = true\npublic_title = "Sag"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path))
    assert code == 0
    assert out.splitlines() == [
        f"{path}:6:16: warning: items[0].public_title: the item has a public title but is "
        "not closed (closed = true); only closed items show it (item 1)"
    ]


def test_check_has_nothing_to_say_about_a_closed_item(meeting_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", str(meeting_file))
    assert code == 0 and out == ""
