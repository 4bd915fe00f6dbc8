"""Properties: any meeting round-trips; any loadable text saves byte for byte; bad bytes
only ever raise MeetingFileError; editing one field touches only that field's lines."""

from __future__ import annotations

import datetime as dt
import difflib
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.domain.checks import check_meeting
from tui_referat.domain.errors import MeetingFileError
from tui_referat.domain.model import (
    SECTIONS,
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    RemarkSource,
    Sent,
    Status,
    Vote,
)
from tui_referat.storage import dumps_meeting, loads_meeting, locator_for
from tui_referat.storage.locate import field_positions

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in [Path(__file__).parent / "data" / "commented.toml", *(ROOT / "samples").glob("*.toml")]
]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_FRAGMENTS = ['"', "'", "\\", "\n", "\r", "\t", " ", '"""', "'''", "\\n", "#", "=", "[[", "\x00"]
_chars = st.characters(exclude_categories=("Cs",))
texts = st.lists(st.one_of(_chars, st.sampled_from(_FRAGMENTS)), max_size=12).map("".join)
short = st.one_of(st.just(""), texts)
times = st.one_of(
    st.builds(dt.time, st.integers(0, 23), st.integers(0, 59)),
    st.times(),
)
maybe = st.none


def _objects() -> dict[str, st.SearchStrategy]:
    remark = st.builds(
        Remark,
        text=texts,
        source=st.sampled_from(RemarkSource),
        topic=st.lists(texts, max_size=3),
        author=short,
        received=st.none() | st.dates(),
    )
    item = st.builds(
        AgendaItem,
        title=texts,
        kind=st.none() | st.sampled_from(Kind),
        time=st.none() | times,
        duration=st.none() | st.integers(0, 600),
        presenters=st.lists(texts, max_size=2),
        standing=st.booleans(),
        closed=st.booleans(),
        public_title=short,
        recommendation=short,
        decision=short,
        vote=st.none()
        | st.builds(
            Vote,
            for_=st.integers(-3, 50),
            against=st.integers(0, 50),
            abstain=st.integers(0, 50),
            for_names=st.lists(texts, max_size=2),
            against_names=st.lists(texts, max_size=2),
            abstain_names=st.lists(texts, max_size=2),
        ),
        minutes=short,
        problem=short,
        solution=short,
        next_steps=short,
        remarks=st.lists(remark, max_size=3),
        remarks_note=short,
        attachments=st.lists(st.builds(Attachment, title=texts, path=short), max_size=2),
        actions=st.lists(
            st.builds(
                Action, text=texts, owner=short, due=st.none() | st.dates(), done=st.booleans()
            ),
            max_size=2,
        ),
    )
    participant = st.builds(
        Participant,
        name=texts,
        title=short,
        organisation=short,
        email=short,
        attendance=st.sampled_from(Attendance),
        note=short,
    )
    return {"remark": remark, "item": item, "participant": participant}


_O = _objects()
meetings = st.builds(
    Meeting,
    title=texts,
    lang=st.sampled_from(["da", "en"]),
    status=st.sampled_from(Status),
    date=st.none() | st.dates(),
    start=st.none() | times,
    end=st.none() | times,
    location=short,
    chair=short,
    secretary=short,
    header=st.lists(st.builds(CaseField, key=texts, value=short, label=short), max_size=2),
    participants=st.lists(_O["participant"], max_size=3),
    items=st.lists(_O["item"], max_size=3),
    next_meeting=st.none()
    | st.builds(
        NextMeeting,
        date=st.none() | st.dates(),
        start=st.none() | times,
        end=st.none() | times,
        location=short,
    ),
    remarks_deadline=st.none() | st.datetimes(),
    approved=st.none() | st.dates(),
    sent=st.lists(
        st.builds(
            Sent,
            at=st.datetimes(
                timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=2))])
            ).map(lambda moment: moment.replace(microsecond=0)),
            to=st.lists(texts, max_size=3),
            cc=st.lists(texts, max_size=2),
            status=st.sampled_from(["draft", "review", "approved"]),
            message_id=short,
            test=st.booleans(),
        ),
        max_size=2,
    ),
)


@SETTINGS
@given(meetings)
def test_any_meeting_saves_and_loads_back_equal(meeting: Meeting) -> None:
    text = dumps_meeting(meeting)
    again = loads_meeting(text)
    assert again == meeting
    assert dumps_meeting(again) == text


def _transplant(loaded: list, fresh: list, rng: random.Random) -> None:
    """Give ``fresh`` objects the (shuffled) tables of ``loaded`` ones, recursively."""
    pairs = list(loaded)
    rng.shuffle(pairs)
    for old, new in zip(pairs, fresh, strict=False):
        new.origin = old.origin
        if isinstance(new, AgendaItem):
            for name in ("remarks", "attachments", "actions"):
                _transplant(getattr(old, name), getattr(new, name), rng)


@SETTINGS
@given(meetings, meetings, st.randoms(use_true_random=False))
def test_editing_a_loaded_meeting_into_another_saves_the_other(
    first: Meeting, second: Meeting, rng: random.Random
) -> None:
    loaded = loads_meeting(dumps_meeting(first))
    second.origin = loaded.origin
    for name in ("header", "participants", "items"):
        _transplant(getattr(loaded, name), getattr(second, name), rng)
    if second.next_meeting is not None and loaded.next_meeting is not None:
        second.next_meeting.origin = loaded.next_meeting.origin
    text = dumps_meeting(second)
    assert loads_meeting(text) == second
    assert dumps_meeting(second) == text


@SETTINGS
@given(st.sampled_from(SAMPLE_TEXTS), st.data(), texts)
def test_editing_one_section_changes_only_its_lines(
    text: str, data: st.DataObject, new: str
) -> None:
    meeting = loads_meeting(text)
    index = data.draw(st.integers(0, len(meeting.items) - 1))
    section = data.draw(st.sampled_from(SECTIONS))
    item = meeting.items[index]
    old_value = item.section(section)
    item.set_section(section, new)
    out = dumps_meeting(meeting)
    assert loads_meeting(out) == meeting
    before, after = text.splitlines(), out.splitlines()
    changed = [
        (i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            a=before, b=after, autojunk=False
        ).get_opcodes()
        if tag != "equal"
    ]
    if new == old_value:
        assert changed == []
        return
    position = field_positions(text).get(f"items[{index}].{section}")
    for i1, i2, _, _ in changed:
        if position is None:
            assert i1 == i2  # only inserted lines
        else:
            start = position[0] - 1
            span = old_value.count("\n") + 3
            assert start <= i1 and i2 <= start + span


@SETTINGS
@given(st.binary(max_size=300))
def test_fuzzed_bytes_only_raise_meeting_file_error(data: bytes) -> None:
    _load_bytes(b"format = 1\n" + data)
    _load_bytes(data)


def _load_bytes(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        meeting = loads_meeting(text, "fuzz.toml")
    except MeetingFileError:
        return
    check_meeting(meeting, "fuzz.toml", locator_for(meeting))
    assert dumps_meeting(meeting) == text
    _edit_and_reload(meeting)


_NOISE = ['"', "'", "[", "]", "[[", "=", "\n", "#", "{", "}", ",", ".", "\\", '"""', "x", "1"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLE_TEXTS),
    st.lists(
        st.tuples(st.integers(0), st.integers(0, 5), st.sampled_from(_NOISE)),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_samples_only_raise_meeting_file_error(text: str, edits: list) -> None:
    for where, kind, noise in edits:
        at = where % (len(text) + 1)
        if kind == 0:
            text = text[:at] + text[at + 1 :]
        elif kind == 1:
            text = text[:at] + noise + text[at:]
        elif kind == 2:
            lines = text.splitlines(keepends=True)
            if not lines:  # an earlier edit cut the text to nothing
                continue
            line = lines[at % len(lines)]
            lines.insert(at % len(lines), line)
            text = "".join(lines)
        elif kind == 3:
            text = text[:at]
        else:
            text = text[:at] + noise + text[at + 1 :]
    try:
        meeting = loads_meeting(text, "mutated.toml")
    except MeetingFileError as error:
        assert "\n" not in str(error)
        return
    check_meeting(meeting, "mutated.toml", locator_for(meeting))
    assert dumps_meeting(meeting) == text
    _edit_and_reload(meeting)


def _edit_and_reload(meeting: Meeting) -> None:
    """After an edit the file may be re-rendered; it must still read back as the model."""
    meeting.title += " (edited)"
    if meeting.items:
        meeting.items[-1].minutes += "More.\n"
        meeting.items.insert(0, meeting.items.pop())
    assert loads_meeting(dumps_meeting(meeting)) == meeting
