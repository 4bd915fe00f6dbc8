"""A participant's role, substitute_for and presence events, and the meeting's actual times
and participants layout, read and saved like every other key (formatting kept)."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.domain.model import Presence
from tui_referat.storage import dumps_meeting, loads_meeting

MEETING = """\
format = 1
title = "Bestyrelsen"
start = "18.30"
started = "18.35"   # a little late
ended = "21.35"
participants_layout = "grouped"

[[participants]]
name = "Anne Holm"
role = "formand"

[[participants.presence]]
event = "left"      # habil? no
time = "20.25"
item = 2

[[participants.presence]]
event = "returned"
time = "21.16"
item = 3

[[participants]]
name = "Bo Berg"
attendance = "apologies"

[[participants]]
name = "Cai Dahl"
substitute_for = "Bo Berg"

[[items]]
title = "A"

[[items]]
title = "B"

[[items]]
title = "C"
"""


def test_the_new_keys_are_read() -> None:
    meeting = loads_meeting(MEETING, "m.toml")
    anne, _, cai = meeting.participants
    assert (meeting.started, meeting.ended) == (dt.time(18, 35), dt.time(21, 35))
    assert meeting.participants_layout == "grouped"
    assert anne.role == "formand"
    assert anne.presence == [
        Presence("left", dt.time(20, 25), 2),
        Presence("returned", dt.time(21, 16), 3),
    ]
    assert cai.substitute_for == "Bo Berg"


def test_who_was_present_follows_the_events() -> None:
    meeting = loads_meeting(MEETING, "m.toml")
    names = [[p.name for p in meeting.present_at(n)] for n in (1, 2, 3)]
    assert names == [["Anne Holm", "Cai Dahl"], ["Cai Dahl"], ["Anne Holm", "Cai Dahl"]]


def test_an_untouched_file_saves_byte_for_byte() -> None:
    assert dumps_meeting(loads_meeting(MEETING, "m.toml")) == MEETING


def test_one_changed_event_changes_only_its_line() -> None:
    meeting = loads_meeting(MEETING, "m.toml")
    meeting.participants[0].presence[0].item = 1
    assert dumps_meeting(meeting) == MEETING.replace("item = 2", "item = 1")


def test_an_added_event_is_its_own_table_after_the_participant() -> None:
    meeting = loads_meeting(MEETING, "m.toml")
    meeting.participants[1].presence.append(Presence("arrived", dt.time(19, 5), 2))
    saved = dumps_meeting(meeting)
    assert saved == MEETING.replace(
        'attendance = "apologies"\n',
        'attendance = "apologies"\n\n[[participants.presence]]\nevent = "arrived"\n'
        'time = "19.05"\nitem = 2\n',
    )
    assert loads_meeting(saved, "m.toml") == meeting


def test_an_event_for_an_inline_participant_stays_inline() -> None:
    text = 'format = 1\nparticipants = [{name = "A"}]\n'
    meeting = loads_meeting(text, "m.toml")
    meeting.participants[0].presence.append(Presence("left", dt.time(20, 0), 1))
    saved = dumps_meeting(meeting)
    assert saved.count("[[") == 0
    assert loads_meeting(saved, "m.toml") == meeting


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('participants_layout = "table"', "expected list or grouped"),
        ('started = "late"', 'expected a time like "13.30"'),
    ],
)
def test_wrong_values_are_errors_with_their_place(line: str, message: str) -> None:
    with pytest.raises(MeetingFileError) as caught:
        loads_meeting(f"format = 1\n{line}\n", "m.toml")
    assert message in str(caught.value)
    assert "m.toml:2:" in str(caught.value)


def test_presence_events_count_towards_the_entry_limit() -> None:
    from tui_referat.storage.disk import MAX_ENTRIES, too_many_entries

    meeting = loads_meeting(MEETING, "m.toml")
    assert too_many_entries(meeting) is None
    meeting.participants[0].presence *= MAX_ENTRIES // 2
    assert too_many_entries(meeting) is not None
