"""One parser for dates, times and durations: every form a Dane or an English speaker writes,
clear refusals, and format -> parse round trips for the app's own display forms."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_referat.text import form_values as values
from tui_referat.text import i18n
from tui_referat.text.when import (
    parse_date,
    parse_duration,
    parse_time,
    split_date,
    split_time_range,
)

DEC_2 = dt.date(2025, 12, 2)
TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2. december 2025",
        "2 december 2025",
        "December 2, 2025",
        "2 Dec 2025",
        "2. dec. 2025",
        "2.DECEMBER 2025",
        "2nd of December 2025",
        "tirsdag den 2. december 2025",
        "tirsdag d. 2.12.2025",
        "Tuesday 2 December 2025",
        "Tuesday, December 2, 2025",
        "2/12 2025",
        "2/12-2025",
        "2/12/2025",
        "2.12.2025",
        "2. 12. 2025",
        "2-12-2025",
        "2025-12-02",
        "2.12.25",
        "2/12/25",
        "2/12 25",
        "2. dec 25",
        "December 2, 25",
        " 2.12.2025 ",
    ],
)
def test_dates_as_people_write_them(text: str) -> None:
    assert parse_date(text) == DEC_2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16.9.2025", dt.date(2025, 9, 16)),
        ("Sept. 16 2025", dt.date(2025, 9, 16)),
        ("1. marts 2026", dt.date(2026, 3, 1)),
        ("1 March 2026", dt.date(2026, 3, 1)),
        ("17. maj 2026", dt.date(2026, 5, 17)),
        ("3. okt 2025", dt.date(2025, 10, 3)),
        ("", None),
        ("   ", None),
    ],
)
def test_more_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2/12", "2.12.", "2. december", "tirsdag den 2. dec", "Dec 2"])
def test_a_date_without_a_year_takes_todays_year(text: str) -> None:
    assert parse_date(text, today=TODAY) == dt.date(2025, 12, 2)
    with pytest.raises(ValueError, match="year is missing"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.2.2025", "February 2025 has no day 31"),
        ("29.2.2025", "February 2025 has no day 29"),
        ("13/13 2025", "no month 13"),
        ("0.12.2025", "December 2025 has no day 0"),
        ("2. decmber 2025", "unknown month"),
        ("0000-01-01", "no year 0"),
        ("i morgen", "not a date"),
        ("2.12.202", "not a date"),
        ("2/12-25", "not a date"),  # a two-digit year needs the same separators
        ("2025/12/02", "not a date"),
        ("2.12.2025 13.00", "not a date"),
        ("mandag", "not a date"),
    ],
)
def test_bad_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13", dt.time(13, 0)),
        ("13.5", dt.time(13, 5)),
        ("1330", dt.time(13, 30)),
        ("930", dt.time(9, 30)),
        ("0930", dt.time(9, 30)),
        ("13:30", dt.time(13, 30)),
        ("13.30", dt.time(13, 30)),
        ("9:05", dt.time(9, 5)),
        ("kl. 13.30", dt.time(13, 30)),
        ("kl 13", dt.time(13, 0)),
        ("klokken 9", dt.time(9, 0)),
        ("13.30.", dt.time(13, 30)),
        ("1:30 pm", dt.time(13, 30)),
        ("1.30 pm", dt.time(13, 30)),
        ("1.30PM", dt.time(13, 30)),
        ("1 p.m.", dt.time(13, 0)),
        ("11 am", dt.time(11, 0)),
        ("12 am", dt.time(0, 0)),
        ("12 pm", dt.time(12, 0)),
        ("0.00", dt.time(0, 0)),
        ("", None),
    ],
)
def test_times(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("24.00", "no hour 24"),
        ("2400", "no hour 24"),
        ("13.60", "no minute 60"),
        ("13 pm", "12-hour clock"),
        ("0 am", "12-hour clock"),
        ("12345", "not a time"),
        ("13.300", "not a time"),
        ("halv to", "not a time"),
        ("13-15", "not a time"),
    ],
)
def test_bad_times_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13.00-15.30", (dt.time(13, 0), dt.time(15, 30), "")),
        ("13-15.30", (dt.time(13, 0), dt.time(15, 30), "")),
        ("kl. 13.00 – 15.30, Lokale 2", (dt.time(13, 0), dt.time(15, 30), ", Lokale 2")),
        ("13:00-15:00, Room", (dt.time(13, 0), dt.time(15, 0), ", Room")),
        ("kl. 13", (dt.time(13, 0), None, "")),
        ("13.50 Velkomst", (dt.time(13, 50), None, " Velkomst")),
        ("13 Velkomst", (None, None, "13 Velkomst")),  # a bare number is no time here
        ("2 Gothersgade", (None, None, "2 Gothersgade")),
        ("25.00-26.00", (None, None, "25.00-26.00")),
        ("Lokale 2", (None, None, "Lokale 2")),
    ],
)
def test_time_ranges_at_the_start_of_a_text(text: str, expected: tuple) -> None:
    assert split_time_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tirsdag den 2. december 2025 kl. 13.00, Lokale", (DEC_2, " kl. 13.00, Lokale")),
        ("Tuesday 2 December 2025 13:00-15:00", (DEC_2, " 13:00-15:00")),
        ("2.12.2025, Lokale", (DEC_2, ", Lokale")),
        ("13.00-15.30", (None, "13.00-15.30")),
        ("2. sal", (None, "2. sal")),
        ("13.10-15 Lokale", (None, "13.10-15 Lokale")),
        ("31.2.2025 x", (None, "31.2.2025 x")),
        ("2/12 kl. 13", (None, "2/12 kl. 13")),  # no year, no today
    ],
)
def test_a_date_at_the_start_of_a_text(text: str, expected: tuple) -> None:
    assert split_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40", 40),
        (" 45 ", 45),
        ("40 min", 40),
        ("1:30", 90),
        ("1.30", 90),
        ("1h30", 90),
        ("1 t 30", 90),
        ("2 timer", 120),
        ("1440", 1440),
        ("", None),
    ],
)
def test_durations(text: str, expected: int | None) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.5", "ambiguous"),
        ("x", "not a duration"),
        ("-5", "not a duration"),
        ("2000", "longer than a day"),
        ("24:01", "longer than a day"),
        ("1:60", "no minute 60"),
    ],
)
def test_bad_durations_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_duration(text)


# -- round trips: whatever the app shows, it reads back -----------------------------------

DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
LANGS = st.sampled_from(["da", "en"])
TIMES = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))


@given(DAYS, LANGS)
def test_every_shown_date_reads_back(day: dt.date, lang: str) -> None:
    shown = [
        i18n.format_date(day, lang),
        i18n.format_weekday_date(day, lang),
        i18n.quick_date(day, lang),
        values.field_date(day, lang),
    ]
    for text in shown:
        assert parse_date(text) == day, text
    short = values.tag_date(day, lang)
    assert parse_date(short, today=day) == day


@given(TIMES, LANGS)
def test_every_shown_time_reads_back(moment: dt.time, lang: str) -> None:
    assert parse_time(i18n.format_time(moment, lang)) == moment
    assert parse_time(values.format_time(moment, lang)) == moment


@given(TIMES, st.one_of(st.none(), TIMES), LANGS)
def test_every_shown_time_range_reads_back(start: dt.time, end: dt.time | None, lang: str):
    assert split_time_range(i18n.format_time_range(start, end, lang)) == (start, end, "")


@given(st.integers(0, 24 * 60))
def test_every_duration_in_minutes_reads_back(minutes: int) -> None:
    assert parse_duration(str(minutes)) == minutes
    assert parse_duration(f"{minutes // 60}:{minutes % 60:02d}") == minutes


def test_the_rules_need_no_textual_tomlkit_or_babel() -> None:
    code = (
        "import sys, tui_referat.text.when; "
        "print(sorted(m for m in ('textual', 'tomlkit', 'babel') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _by_pattern(text: str) -> dt.time | str:
    """What the full rules (the pattern) make of ``text``: a time, or "error"."""
    from tui_referat.text.when import _TIME, _clock

    match = _TIME.fullmatch(text)
    try:
        return _clock(match) if match else "error"
    except ValueError:
        return "error"


_DIGITS = st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩²")


@given(st.tuples(_DIGITS, _DIGITS, st.sampled_from(".:,"), _DIGITS, _DIGITS).map("".join))
def test_the_quick_way_to_read_13_30_agrees_with_the_rules(text: str) -> None:
    # "13.30" is read without compiling the pattern (start-up); every answer must be the same.
    try:
        quick: dt.time | str = parse_time(text) or "error"
    except ValueError:
        quick = "error"
    assert quick == _by_pattern(text)
