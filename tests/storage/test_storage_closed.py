"""A closed item (``closed = true``, ``public_title``) reads, saves and errs like any item key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.storage import dumps_meeting, load_meeting, loads_meeting

CLOSED = """\
format = 1
title = "Styregruppen"

[[items]]
title = "Velkomst"

[[items]]
title = "Personalesag"   # fortroligt
closed = true
public_title = "Personaleforhold"
minutes = \"\"\"
Sagen drøftet.
\"\"\"
"""


def test_closed_and_public_title_are_read() -> None:
    meeting = loads_meeting(CLOSED, "m.toml")
    open_item, closed_item = meeting.items
    assert (open_item.closed, open_item.public_title) == (False, "")
    assert (closed_item.closed, closed_item.public_title) == (True, "Personaleforhold")


def test_an_untouched_closed_item_saves_byte_for_byte() -> None:
    assert dumps_meeting(loads_meeting(CLOSED, "m.toml")) == CLOSED


def test_closing_an_item_writes_one_line_next_to_its_neighbours() -> None:
    text = CLOSED.replace("closed = true\n", "").replace('public_title = "Personaleforhold"\n', "")
    meeting = loads_meeting(text, "m.toml")
    meeting.items[0].closed = True
    meeting.items[0].public_title = "Åbning"
    after = dumps_meeting(meeting)
    assert after == text.replace(
        'title = "Velkomst"\n', 'title = "Velkomst"\npublic_title = "Åbning"\nclosed = true\n'
    )
    reread = loads_meeting(after, "m.toml")
    assert reread.items[0].closed and reread.items[0].public_title == "Åbning"


def test_reopening_an_item_changes_only_its_line() -> None:
    meeting = loads_meeting(CLOSED, "m.toml")
    meeting.items[1].closed = False
    assert dumps_meeting(meeting) == CLOSED.replace("closed = true", "closed = false")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('closed = "yes"', 'items[0].closed: expected true or false, got "yes" (item 1)'),
        ("public_title = 3", "items[0].public_title: expected a string, got 3 (item 1)"),
    ],
)
def test_a_wrong_type_is_an_error_at_the_value(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "m.toml"
    path.write_text(f'format = 1\n\n[[items]]\ntitle = "T"\n{line}\n', encoding="utf-8")
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    column = line.index("=") + 3
    assert str(caught.value) == f"{path}:5:{column}: {message}"
