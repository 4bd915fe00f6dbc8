"""One formatter for times of day, ``text.when.format_time``: the editor's fields, the labels
of the exports and the meeting file all write a time the same way."""

from __future__ import annotations

import datetime as dt

import pytest
import tomlkit

from tui_referat.domain.model import Meeting
from tui_referat.storage import dumps_meeting, loads_meeting
from tui_referat.storage.values_write import time_item
from tui_referat.text import form_values, i18n, when
from tui_referat.text.when import format_time, parse_time


@pytest.mark.parametrize(
    ("moment", "lang", "shown"),
    [
        (dt.time(9, 5), "da", "09.05"),
        (dt.time(9, 5), "en", "09:05"),
        (dt.time(14, 30), "da", "14.30"),
        (dt.time(0, 0), "en", "00:00"),
        # any other language is written the English way, as the labels fall back to English
        (dt.time(14, 30), "de", "14:30"),
        (dt.time(14, 30), "", "14:30"),
        # hours and minutes only
        (dt.time(14, 30, 15), "da", "14.30"),
        (None, "da", ""),
        (None, "en", ""),
    ],
)
def test_a_time_is_written_one_way(moment: dt.time | None, lang: str, shown: str) -> None:
    assert format_time(moment, lang) == shown


def test_the_forms_and_the_labels_use_the_one_formatter() -> None:
    assert form_values.format_time is when.format_time
    assert i18n.format_time is when.format_time


def test_what_is_written_reads_back() -> None:
    for lang in ("da", "en", "de"):
        assert parse_time(format_time(dt.time(7, 45), lang)) == dt.time(7, 45)


@pytest.mark.parametrize(("lang", "written"), [("da", "14.30"), ("en", "14:30")])
def test_the_meeting_file_writes_the_same_time_string(lang: str, written: str) -> None:
    item = time_item(dt.time(14, 30), lang)
    assert str(item) == written == format_time(dt.time(14, 30), lang)
    meeting = Meeting(title="T", lang=lang, start=dt.time(14, 30))
    text = dumps_meeting(meeting)
    assert f'start = "{written}"' in text
    assert loads_meeting(text).start == dt.time(14, 30)


def test_a_time_with_seconds_stays_a_toml_time_in_the_file() -> None:
    item = time_item(dt.time(14, 30, 15), "da")
    assert isinstance(item, tomlkit.items.Time)
    assert item.as_string() == "14:30:15"
