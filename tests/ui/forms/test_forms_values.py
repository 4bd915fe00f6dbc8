"""The typed-value rules of the forms (dates and times: tests/text/test_when.py), topic paths."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_referat.text import form_values as values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-09-16", dt.date(2025, 9, 16)),
        ("16.9.2025", dt.date(2025, 9, 16)),
        ("16/09/2025", dt.date(2025, 9, 16)),
        ("16-9-2025", dt.date(2025, 9, 16)),
        ("16.9.25", dt.date(2025, 9, 16)),
        ("16. september 2025", dt.date(2025, 9, 16)),
        (" 1.1.2026 ", dt.date(2026, 1, 1)),
        ("", None),
    ],
)
def test_dates_in_iso_and_danish_form(text: str, expected: dt.date | None) -> None:
    assert values.typed_date(text) == expected


def test_a_date_without_a_year_is_in_this_year() -> None:
    assert values.typed_date("16.9", today=dt.date(2026, 1, 5)) == dt.date(2026, 9, 16)
    assert values.typed_date("16. sep") == dt.date(dt.date.today().year, 9, 16)


@pytest.mark.parametrize("text", ["31.2.2025", "2025/09/16", "i morgen", "16.13.2025"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        values.typed_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.30", dt.time(14, 30)),
        ("9:05", dt.time(9, 5)),
        ("16", dt.time(16, 0)),
        ("kl. 14", dt.time(14, 0)),
        ("1430", dt.time(14, 30)),
        ("14.3", dt.time(14, 3)),  # minutes without the leading zero, like 16.9 for a date
        ("", None),
    ],
)
def test_times(text: str, expected: dt.time | None) -> None:
    assert values.parse_time(text) == expected


@pytest.mark.parametrize("text", ["24.00", "14.60", "14.300", "om lidt"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        values.parse_time(text)


def test_dates_and_times_show_in_the_ui_language() -> None:
    day = dt.date(2025, 9, 6)
    assert values.field_date(day, "da") == "6.9.2025"
    assert values.field_date(day, "en") == "2025-09-06"
    assert values.format_time(dt.time(9, 5), "da") == "09.05"
    assert values.format_time(dt.time(9, 5), "en") == "09:05"


def test_topic_paths_round_trip() -> None:
    assert values.parse_topic("HPC/infrastruktur > Lager") == ["HPC/infrastruktur", "Lager"]
    assert values.parse_topic(" Lokaler ›  Booking ") == ["Lokaler", "Booking"]
    assert values.parse_topic("") == []
    assert values.format_topic(["Lokaler", "Booking"]) == "Lokaler › Booking"
