"""The keys of #14 items 6 and 7 (protocol remarks, next_meeting.text, late attachments,
remarks_intro, an item's remarks_deadline, handled_order) read, save and err like the others."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui_referat.cli import main as cli_main
from tui_referat.domain.model import RemarkSource
from tui_referat.storage import dumps_meeting, loads_meeting

FILE = """\
format = 1
title = "Bestyrelsen"
handled_order = [1, 3, 2]   # punkt 3 blev taget før punkt 2

[[items]]
title = "Velkomst"

[[items]]
title = "Budget"
decision = "Budgettet godkendt."
remarks_intro = "Bemærkninger til budgettet:"
remarks_deadline = 2026-03-02T12:00:00

[[items.remarks]]
source = "protocol"
author = "Ida Holm"
text = "Ida Holm stemte imod."

[[items.attachments]]
title = "Budgetforslag"
late = true

[[items]]
title = "Eventuelt"

[next_meeting]
text = "maj 2027, dato følger"
"""


def test_the_new_keys_are_read() -> None:
    meeting = loads_meeting(FILE, "m.toml")
    budget = meeting.items[1]
    assert meeting.handled_order == [1, 3, 2]
    assert budget.remarks_intro == "Bemærkninger til budgettet:"
    assert budget.remarks_deadline == dt.datetime(2026, 3, 2, 12, 0)
    assert budget.remarks[0].source is RemarkSource.PROTOCOL
    assert budget.protocol_remarks() == budget.remarks
    assert budget.remark_groups() == []  # not among the ordinary remarks
    assert budget.attachments[0].late is True
    assert meeting.next_meeting is not None
    assert (meeting.next_meeting.text, meeting.next_meeting.location) == (
        "maj 2027, dato følger",
        "",
    )


def test_an_untouched_file_saves_byte_for_byte() -> None:
    assert dumps_meeting(loads_meeting(FILE, "m.toml")) == FILE


def test_changed_values_change_only_their_lines() -> None:
    meeting = loads_meeting(FILE, "m.toml")
    meeting.handled_order = [1, 2, 3]
    meeting.items[1].attachments[0].late = False
    assert meeting.next_meeting is not None
    meeting.next_meeting.text = "juni 2027"
    saved = dumps_meeting(meeting)
    assert "handled_order = [1, 2, 3]   # punkt 3 blev taget før punkt 2\n" in saved
    assert "late = false\n" in saved
    assert 'text = "juni 2027"\n' in saved
    assert loads_meeting(saved, "m.toml").handled_order == [1, 2, 3]


def test_new_values_are_written_and_read_back() -> None:
    meeting = loads_meeting('format = 1\ntitle = "X"\n\n[[items]]\ntitle = "A"\n', "m.toml")
    meeting.handled_order = [1]
    meeting.items[0].remarks_deadline = dt.datetime(2026, 1, 5, 16, 0)
    meeting.items[0].remarks_intro = "Indledning."
    again = loads_meeting(dumps_meeting(meeting), "m.toml")
    assert again.handled_order == [1]
    assert again.items[0].remarks_deadline == dt.datetime(2026, 1, 5, 16, 0)
    assert again.items[0].remarks_intro == "Indledning."


def test_check_reports_a_protocol_remark_without_author_and_a_wrong_handled_order(
    tmp_path: Path, capsys: object
) -> None:
    path = tmp_path / "m.toml"
    text = FILE.replace('author = "Ida Holm"\n', "").replace("[1, 3, 2]", "[1, 3, 3]")
    path.write_text(text, encoding="utf-8")
    assert cli_main(["check", str(path)]) == 1
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    lines = out.splitlines()
    assert any(
        line.startswith(f"{path}:3:")
        and "error: handled_order" in line
        and "item 3 is listed twice" in line
        for line in lines
    ), out
    assert any(
        line.startswith(f"{path}:14:")
        and "error: items[1].remarks[0].author" in line
        and "protocol remark needs an author" in line
        for line in lines
    ), out


def test_check_reads_a_handled_order_that_is_not_a_list_as_an_error(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(FILE.replace("[1, 3, 2]", '"1, 3, 2"'), encoding="utf-8")
    assert cli_main(["check", str(path)]) == 1
