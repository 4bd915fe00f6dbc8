"""An item's decision (``decision``) and vote (``[items.vote]``) read, save and err like any
item key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.domain.model import Vote
from tui_referat.storage import dumps_meeting, load_meeting, loads_meeting

DECIDED = """\
format = 1
title = "Styregruppen"

[[items]]
title = "Budget"   # B-punkt
kind = "B"
recommendation = "Det indstilles, at budgettet godkendes."
decision = \"\"\"
Budgettet godkendt.
\"\"\"

[items.vote]
for = 9   # optalt
against = 2
abstain = 1
for_names = ["Anne Holm", "Bo Berg"]
against_names = ["Carl Dam"]

[[items.remarks]]
text = "Spørgsmål om reserven."

[[items]]
title = "Eventuelt"
"""


def test_decision_and_vote_are_read() -> None:
    meeting = loads_meeting(DECIDED, "m.toml")
    budget, other = meeting.items
    assert budget.decision == "Budgettet godkendt.\n"
    assert budget.vote == Vote(9, 2, 1, ["Anne Holm", "Bo Berg"], ["Carl Dam"], [])
    assert len(budget.remarks) == 1
    assert (other.decision, other.vote) == ("", None)


def test_an_untouched_file_saves_byte_for_byte() -> None:
    assert dumps_meeting(loads_meeting(DECIDED, "m.toml")) == DECIDED


def test_changing_a_count_changes_only_its_line() -> None:
    meeting = loads_meeting(DECIDED, "m.toml")
    assert meeting.items[0].vote is not None
    meeting.items[0].vote.against = 3
    assert dumps_meeting(meeting) == DECIDED.replace("against = 2", "against = 3")


def test_a_new_vote_is_a_table_before_the_items_lists() -> None:
    meeting = loads_meeting(DECIDED, "m.toml")
    meeting.items[1].decision = "Intet."
    meeting.items[1].vote = Vote(5, 0, 0)
    after = dumps_meeting(meeting)
    assert after.endswith(
        '[[items]]\ntitle = "Eventuelt"\ndecision = "Intet."\n\n'
        "[items.vote]\nfor = 5\nagainst = 0\nabstain = 0\n"
    )
    assert loads_meeting(after, "m.toml").items[1].vote == Vote(5, 0, 0)


def test_removing_the_vote_removes_its_table() -> None:
    meeting = loads_meeting(DECIDED, "m.toml")
    meeting.items[0].vote = None
    after = dumps_meeting(meeting)
    assert "[items.vote]" not in after and "for = 9" not in after
    reread = loads_meeting(after, "m.toml")
    assert reread.items[0].vote is None and len(reread.items[0].remarks) == 1


def test_a_negative_count_is_read_for_check_to_report() -> None:
    meeting = loads_meeting(DECIDED.replace("against = 2", "against = -2"), "m.toml")
    assert meeting.items[0].vote is not None and meeting.items[0].vote.against == -2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("decision = 3", "items[0].decision: expected a string, got 3 (item 1)"),
        ('vote.for = "ni"', 'items[0].vote.for: expected a whole number, got "ni" (item 1)'),
        ("vote.against = 2.5", "items[0].vote.against: expected a whole number, got 2.5 (item 1)"),
        (
            "vote.abstain = true",
            "items[0].vote.abstain: expected a whole number, got true (item 1)",
        ),
        (
            "vote.for_names = [1]",
            "items[0].vote.for_names: expected a list of names, got 1 at [0] (item 1)",
        ),
        ("vote = 3", "items[0].vote: expected a table, got 3 (item 1)"),
    ],
)
def test_a_wrong_type_is_an_error_at_the_value(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "m.toml"
    path.write_text(f'format = 1\n\n[[items]]\ntitle = "T"\n{line}\n', encoding="utf-8")
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    column = line.index("=") + 3
    assert str(caught.value) == f"{path}:5:{column}: {message}"


# -- referat check ---------------------------------------------------------------------


def test_check_asks_a_decision_item_for_its_decision_not_its_minutes(tmp_path: Path) -> None:
    from tui_referat.storage.fast_check import check_file

    path = tmp_path / "m.toml"
    item = '[[items]]\ntitle = "Budget"\nkind = "B"\nminutes = "Drøftet."\n'
    path.write_text(f'format = 1\ntitle = "T"\nstatus = "review"\n\n{item}', encoding="utf-8")
    assert [str(p) for p in check_file(path)] == [
        f"{path}:5:1: error: items[0].decision: a decision item (B) has no decision (item 1)"
    ]
    path.write_text(
        f'format = 1\ntitle = "T"\nstatus = "review"\n\n{item}decision = "Vedtaget."\n',
        encoding="utf-8",
    )
    assert check_file(path) == []


def test_check_reports_a_negative_count_at_its_value(tmp_path: Path) -> None:
    from tui_referat.storage.fast_check import check_file

    path = tmp_path / "m.toml"
    path.write_text(
        'format = 1\ntitle = "T"\n\n[[items]]\ntitle = "Budget"\ndecision = "Vedtaget."\n\n'
        "[items.vote]\nfor = 3\nagainst = -1\n",
        encoding="utf-8",
    )
    assert [str(p) for p in check_file(path)] == [
        f"{path}:10:11: error: items[0].vote.against: a vote count cannot be negative (-1) (item 1)"
    ]
