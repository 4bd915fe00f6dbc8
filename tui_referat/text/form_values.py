"""Read and show the values typed into the forms: dates, times, topic paths.

Pure Python (no Textual) so the rules are easy to test. Dates and times are read by
``text.when``, the same rules as every other field (``typed_date``: a date without a year is in
this year); empty text means "no value" (None). Shown: dates "16.9.2025" in Danish and
"2025-09-16" in English, times "14.30" / "14:30" (``text.when.format_time``, re-exported here
with ``parse_time`` for the forms).
"""

from __future__ import annotations

import datetime as dt
import re

from .when import format_time, parse_date, parse_time

__all__ = [
    "TOPIC_SEPARATOR",
    "field_date",
    "format_time",
    "format_topic",
    "item_numbers",
    "parse_time",
    "parse_topic",
    "tag_date",
    "typed_date",
]

_TOPIC_SEP = re.compile(r"\s*[›>]\s*")

#: What separates topic levels when shown: "Lokaler › Booking".
TOPIC_SEPARATOR = " › "


def typed_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date typed in ``text`` (``text.when.parse_date``), a missing year being the year of
    ``today`` (default: the real today); None for empty text. Raises ValueError otherwise."""
    return parse_date(text, today=today or dt.date.today())


def field_date(day: dt.date | None, lang: str) -> str:
    """How a date shows in an input: "16.9.2025" in Danish, "2025-09-16" in English."""
    if day is None:
        return ""
    return f"{day.day}.{day.month}.{day.year}" if lang == "da" else day.isoformat()


def tag_date(day: dt.date, lang: str) -> str:
    """A compact date for list tags: "12.10" in Danish, "12/10" in English."""
    return f"{day.day}.{day.month}" if lang == "da" else f"{day.day}/{day.month}"


def parse_topic(text: str) -> list[str]:
    """ "Lokaler › Booking" (or "Lokaler > Booking") as ["Lokaler", "Booking"]."""
    return [part for part in (p.strip() for p in _TOPIC_SEP.split(text.strip())) if part]


def format_topic(topic: list[str] | tuple[str, ...]) -> str:
    return TOPIC_SEPARATOR.join(topic)


def item_numbers(text: str) -> list[int] | None:
    """ "1, 2, 3, 6, 7, 4, 5" (commas or spaces) -> [1, 2, 3, 6, 7, 4, 5]; "" -> []; None
    when something in it is not a whole number. Whether they are the items is for
    ``referat check`` (and the minutes say nothing until they are)."""
    parts = [p for p in re.split(r"[,;\s]+", text.strip()) if p]
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    return [int(p) for p in parts]
