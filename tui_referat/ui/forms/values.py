"""Parse and format the values typed into the forms: dates, times, topic paths.

Pure Python (no Textual) so the rules are easy to test. Dates are ``YYYY-MM-DD`` or the Danish
``d.m.yyyy`` (``d/m/yyyy`` also works); times are ``HH.MM`` or ``HH:MM`` (a bare hour is
``HH.00``). Empty text means "no value" (None).
"""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DK_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[.:](\d{2}))?$")
_TOPIC_SEP = re.compile(r"\s*[›>]\s*")

#: What separates topic levels when shown: "Lokaler › Booking".
TOPIC_SEPARATOR = " › "


def parse_date(text: str) -> dt.date | None:
    """The date in ``text``; None for empty text. Raises ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DK_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError(text)
    return dt.date(year, month, day)


def parse_time(text: str) -> dt.time | None:
    """The time of day in ``text``; None for empty text. Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    match = _TIME.match(text)
    if match is None:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return dt.time(hour, minute)


def format_date(day: dt.date | None, lang: str) -> str:
    """How a date shows in an input: "16.9.2025" in Danish, "2025-09-16" in English."""
    if day is None:
        return ""
    return f"{day.day}.{day.month}.{day.year}" if lang == "da" else day.isoformat()


def format_short_date(day: dt.date, lang: str) -> str:
    """A compact date for list tags: "12.10" in Danish, "12/10" in English."""
    return f"{day.day}.{day.month}" if lang == "da" else f"{day.day}/{day.month}"


def format_time(moment: dt.time | None, lang: str) -> str:
    """ "14.30" in Danish, "14:30" in English; empty for None."""
    if moment is None:
        return ""
    sep = "." if lang == "da" else ":"
    return f"{moment.hour:02d}{sep}{moment.minute:02d}"


def parse_topic(text: str) -> list[str]:
    """ "Lokaler › Booking" (or "Lokaler > Booking") as ["Lokaler", "Booking"]."""
    return [part for part in (p.strip() for p in _TOPIC_SEP.split(text.strip())) if part]


def format_topic(topic: list[str] | tuple[str, ...]) -> str:
    return TOPIC_SEPARATOR.join(topic)
