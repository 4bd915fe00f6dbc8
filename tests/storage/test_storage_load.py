"""Loading meeting files into the model: every documented key reads as the model says."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tui_referat.domain.model import Attendance, Kind, RemarkSource, Status
from tui_referat.storage import dumps_meeting, load_meeting, loads_meeting
from tui_referat.storage.fast_read import adopt

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


def test_documented_example_loads_every_field() -> None:
    text = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, re.S)
    assert example is not None
    meeting = loads_meeting(example.group(1), "FORMAT.md")
    assert meeting.lang == "da" and meeting.status is Status.DRAFT
    assert meeting.date == dt.date(2025, 10, 7)
    assert meeting.start == dt.time(13, 0) and meeting.end == dt.time(15, 30)
    assert [f.key for f in meeting.header] == ["doc_date", "handler", "journal"]
    assert meeting.header[2].label == "J.nr."
    item = meeting.items[0]
    assert item.kind is Kind.INFORMATION and item.time == dt.time(13, 0)
    assert item.duration == 15 and item.presenters == ["Anne Holm"] and item.standing
    assert item.minutes.endswith("\n") and item.problem == ""
    assert item.remarks[0].topic == ["Lokaler", "Booking"]
    assert item.remarks[1].source is RemarkSource.PROTOCOL and item.remarks[1].author
    assert item.remarks[2].source is RemarkSource.WRITTEN
    assert item.remarks[2].received == dt.date(2025, 10, 12)
    assert item.remarks_intro and item.remarks_deadline == dt.datetime(2025, 10, 10, 12, 0)
    assert item.attachments[0].path == "bilag/lokaler.pdf" and item.attachments[0].late
    assert item.actions[0].due == dt.date(2025, 10, 21) and item.actions[0].done is False
    assert meeting.next_meeting is not None and meeting.next_meeting.location == "virtuelt"
    assert meeting.remarks_deadline == dt.datetime(2025, 10, 14, 16, 0)


def test_hand_edited_file_reads_with_its_variants() -> None:
    meeting = load_meeting(DATA / "commented.toml")
    assert meeting.start == dt.time(18, 0) and meeting.end == dt.time(19, 30)
    # a date alone as the deadline means the end of that day
    assert meeting.remarks_deadline == dt.datetime(2025, 3, 18, 23, 59)
    assert meeting.participants[1].attendance is Attendance.ONLINE
    assert meeting.participants[1].note == "from 18.20"
    water = meeting.items[1]
    assert water.title == "Water butts"
    assert water.minutes == "Two butts leak; C:\\garden\\butts.xls lists them.\n"
    assert water.remarks[0].topic == ["Water"]  # a plain string is one level
    assert water.remarks[1].topic == ["Water", "Cost"]
    assert meeting.items[2].kind is Kind.DECISION


def test_origins_are_the_tables_of_the_document() -> None:
    meeting = load_meeting(DATA / "commented.toml")
    doc = adopt(meeting)  # read with tomllib; the tomlkit document is made when first needed
    assert meeting.items[1].origin is doc["items"][1]
    assert meeting.items[1].remarks[0].origin is doc["items"][1]["remarks"][0]
    assert meeting.next_meeting is not None
    assert meeting.next_meeting.origin is doc["next_meeting"]


@pytest.mark.parametrize("sample", ["arbejdsgruppe.toml", "board-meeting.toml", "lokaludvalg.toml"])
def test_samples_load(sample: str, samples_dir: Path) -> None:
    meeting = load_meeting(samples_dir / sample)
    assert meeting.title and meeting.items and meeting.participants


def test_minimal_file_gets_defaults() -> None:
    meeting = loads_meeting("format = 1\n")
    assert meeting.title == "" and meeting.lang == "da" and meeting.status is Status.DRAFT
    assert meeting.items == [] and meeting.next_meeting is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"9.05"', dt.time(9, 5)),
        ('"09:05"', dt.time(9, 5)),
        ("09:05:00", dt.time(9, 5)),
        # a time string follows the editor's rules (text.when)
        ('"9"', dt.time(9, 0)),
        ('"0905"', dt.time(9, 5)),
        ('"kl. 9.05"', dt.time(9, 5)),
    ],
)
def test_time_forms(raw: str, expected: dt.time) -> None:
    assert loads_meeting(f"format = 1\nstart = {raw}\n").start == expected


def test_a_time_string_in_any_form_is_kept_as_written_on_save() -> None:
    text = 'format = 1\ntitle = "T"\nstart = "kl. 9"\nend = "1130"\n'
    meeting = loads_meeting(text)
    assert (meeting.start, meeting.end) == (dt.time(9, 0), dt.time(11, 30))
    meeting.title = "U"
    assert dumps_meeting(meeting) == text.replace('"T"', '"U"')


def test_string_date_and_datetime_forms() -> None:
    meeting = loads_meeting(
        'format = 1\ndate = "2025-01-02"\nremarks_deadline = "2025-01-09T12:00"\n'
    )
    assert meeting.date == dt.date(2025, 1, 2)
    assert meeting.remarks_deadline == dt.datetime(2025, 1, 9, 12, 0)


def test_inline_tables_are_read_too() -> None:
    text = (
        'format = 1\nnext_meeting = {date = 2025-05-01, location = "Hall"}\n'
        '[[items]]\ntitle = "A"\nremarks = [{text = "r", source = "written"}]\n'
    )
    meeting = loads_meeting(text)
    assert meeting.next_meeting is not None and meeting.next_meeting.location == "Hall"
    assert meeting.items[0].remarks[0].source is RemarkSource.WRITTEN


def test_byte_order_mark_is_accepted() -> None:
    assert loads_meeting('\ufeffformat = 1\ntitle = "x"\n').title == "x"
