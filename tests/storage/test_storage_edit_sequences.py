"""Property: any sequence of edits and saves on a loaded file reads back as the model after
every save. Edits set or clear any key of any object, add, copy, move and delete objects, and
the files include inline tables, so a key set on a new object and cleared after a save (or
cleared and set again) is covered for every key of every kind of object."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Presence,
    Remark,
    RemarkSource,
    Status,
)
from tui_referat.storage import dumps_meeting, loads_meeting

ROOT = Path(__file__).resolve().parents[2]
INLINE = """format = 1
title = "Inline tables"
header = [{key = "case_no", value = "1"}, {key = "x", label = "X", value = "2"}]
participants = [{name = "A", attendance = "online"}]
next_meeting = {date = 2025-05-01, location = "Hall"}

[[items]]
title = "One"
remarks = [{text = "r", source = "written", received = 2025-04-01}]
actions = [{text = "do", due = 2025-04-02, done = false}]
attachments = [{title = "T", path = "p.pdf"}]

[[items]]
title = "Two"
kind = "B"
"""
TEXTS = [
    INLINE,
    (Path(__file__).parent / "data" / "commented.toml").read_text(encoding="utf-8"),
    *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.toml"))),
]
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_chars = st.characters(exclude_categories=("Cs",))
_bits = st.sampled_from(['"', "'", "\\", "\n", " ", '"""', "'''", "#", "x"])
texts = st.lists(st.one_of(_chars, _bits), max_size=6).map("".join)
times = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))

#: Strategy for each attribute type, by the model's annotation.
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "str": st.one_of(st.just(""), texts),
    "bool": st.booleans(),
    "list[str]": st.lists(texts, max_size=2),
    "Kind | None": st.none() | st.sampled_from(Kind),
    "dt.time | None": st.none() | times,
    "int | None": st.none() | st.integers(0, 300),
    "dt.date | None": st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)),
    "dt.datetime | None": st.none()
    | st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2040, 1, 1)).map(
        lambda moment: moment.replace(microsecond=0)
    ),
    "Attendance": st.sampled_from(Attendance),
    "RemarkSource": st.sampled_from(RemarkSource),
    "Status": st.sampled_from(Status),
}
SPECIAL = {
    (Meeting, "lang"): st.sampled_from(["da", "en"]),
    (Meeting, "participants_layout"): st.sampled_from(["list", "grouped"]),
}
EDITS = ["set", "set", "set", "add", "copy", "move", "delete", "next"]
NEW = {
    "header": lambda: CaseField("doc_no"),
    "participants": lambda: Participant("Someone"),
    "items": lambda: AgendaItem("New"),
    "remarks": lambda: Remark("new"),
    "attachments": lambda: Attachment("new"),
    "actions": lambda: Action("new"),
    "presence": lambda: Presence("left", dt.time(20, 25), 2),
}


def _scalar_fields(obj: Any) -> list[str]:
    return [
        spec.name
        for spec in dataclasses.fields(obj)
        if (type(obj), spec.name) in SPECIAL or spec.type in VALUES
    ]


def _objects(meeting: Meeting) -> list[Any]:
    found: list[Any] = [meeting, *meeting.header, *meeting.participants]
    for person in meeting.participants:
        found += person.presence
    if meeting.next_meeting is not None:
        found.append(meeting.next_meeting)
    for item in meeting.items:
        found += [item, *item.remarks, *item.attachments, *item.actions]
    return found


def _lists(meeting: Meeting) -> list[tuple[str, list[Any]]]:
    found = [(name, getattr(meeting, name)) for name in ("header", "participants", "items")]
    for item in meeting.items:
        found += [(name, getattr(item, name)) for name in ("remarks", "attachments", "actions")]
    found += [("presence", person.presence) for person in meeting.participants]
    return found


def _twin(obj: Any) -> Any:
    """A copy sharing the file's tables with ``obj`` (its nested objects copied alike)."""
    twin = copy.copy(obj)
    if isinstance(obj, Participant):
        twin.presence = [copy.copy(sub) for sub in obj.presence]
    if isinstance(obj, AgendaItem):
        for name in ("remarks", "attachments", "actions"):
            setattr(twin, name, [copy.copy(sub) for sub in getattr(obj, name)])
    return twin


def _edit(meeting: Meeting, data: st.DataObject) -> None:
    what = data.draw(st.sampled_from(EDITS))
    if what == "set":
        obj = data.draw(st.sampled_from(_objects(meeting)))
        name = data.draw(st.sampled_from(_scalar_fields(obj)))
        spec = {f.name: f for f in dataclasses.fields(obj)}[name]
        strategy = SPECIAL.get((type(obj), name), VALUES.get(str(spec.type)))
        setattr(obj, name, data.draw(strategy))
        return
    if what == "next":
        meeting.next_meeting = data.draw(st.sampled_from([None, NextMeeting(location="Hall")]))
        return
    kind, values = data.draw(st.sampled_from(_lists(meeting)))
    if what == "add":
        values.insert(data.draw(st.integers(0, len(values))), NEW[kind]())
    elif values and what == "copy":
        source = data.draw(st.sampled_from(values))
        twin = data.draw(st.sampled_from([_twin, copy.deepcopy]))(source)
        values.insert(data.draw(st.integers(0, len(values))), twin)
    elif values and what == "move":
        values.append(values.pop(data.draw(st.integers(0, len(values) - 1))))
    elif values and what == "delete":
        del values[data.draw(st.integers(0, len(values) - 1))]


@SETTINGS
@given(st.sampled_from(TEXTS), st.data())
def test_edits_and_saves_always_read_back_as_the_model(text: str, data: st.DataObject) -> None:
    meeting = loads_meeting(text)
    for _ in range(data.draw(st.integers(1, 14), label="steps")):
        _edit(meeting, data)
        if data.draw(st.booleans(), label="save"):
            saved = dumps_meeting(meeting)
            assert loads_meeting(saved) == meeting
            assert dumps_meeting(meeting) == saved
    saved = dumps_meeting(meeting)
    assert loads_meeting(saved) == meeting
