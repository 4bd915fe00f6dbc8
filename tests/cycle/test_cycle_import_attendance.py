"""`referat import` reads back what the Markdown export writes about attendance: roles,
substitutes, presence events, the actual start and end, the grouped layout, and an agenda
without the time column."""

from __future__ import annotations

import pytest

from tui_referat.export import render
from tui_referat.importer import import_markdown
from tui_referat.storage import loads_meeting

MEETING = """\
format = 1
lang = "{lang}"
title = "Bestyrelsen"
started = "18.35"
ended = "21.35"
participants_layout = "{layout}"

[[participants]]
name = "Anne Holm"
role = "formand"
title = "lektor"
organisation = "Skolen"
email = "anne@example.org"

[[participants.presence]]
event = "left"
time = "20.25"
item = 2

[[participants.presence]]
event = "returned"
time = "21.16"
item = 3

[[participants]]
name = "Cai Dahl"
attendance = "online"
substitute_for = "Bo Berg"
note = "fra skolebestyrelsen"

[[participants.presence]]
event = "arrived"
time = "19.05"
item = 2

[[participants]]
name = "Bo Berg"
role = "næstformand"
attendance = "apologies"

[[participants]]
name = "Dea Ek"
attendance = "absent"

[[items]]
title = "Velkomst"

[[items]]
title = "Budget"

[[items]]
title = "Eventuelt"
"""


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("layout", ["list", "grouped"])
def test_attendance_comes_back_from_the_markdown(lang: str, layout: str) -> None:
    meeting = loads_meeting(MEETING.format(lang=lang, layout=layout), "m.toml")
    result = import_markdown(render(meeting, "md").decode())
    back = result.meeting
    assert result.warnings == []
    assert (back.started, back.ended) == (meeting.started, meeting.ended)
    assert back.participants_layout == layout
    assert back.participants == meeting.participants
    assert [item.title for item in back.items] == ["Velkomst", "Budget", "Eventuelt"]
    assert all(item.time is None for item in back.items)
    assert all(not item.minutes for item in back.items)  # "Ikke til stede …" is not kept
