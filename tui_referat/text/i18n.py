"""Danish and English labels and dates for the meeting's own words.

One place for every label the exports (and the editor, for domain words) show. Dates and
times never come from the OS locale: the exports' dates are written by Babel (da_DK, en_GB);
the editor's first frame uses ``quick_date``, the same text from a table of Babel's month names
(checked against Babel by tests/bench/test_bench_i18n_dates.py), because loading Babel's
locale data costs start-up some 30 ms. UI-only strings live in
``text/strings.py`` and take the domain words from here.

The tables of the model's choices (status, attendance, kind, remark source) are keyed by the
values the meeting file writes (``"draft"``, ``"present"``, ``"O"``, ``"meeting"``): the
model's enums are ``StrEnum``s, so a member finds its label too, and this module (the lowest
layer) needs nothing from the domain. Times are written by ``text.when.format_time``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .when import format_time
from .words import LANGUAGES, WORDS, say_in

#: The Babel locales the exports write dates in (and the month names below are checked against).
BABEL_LOCALE = {"da": "da_DK", "en": "en_GB"}
#: Babel's wide month names (format context), January first.
MONTHS = {
    "da": (
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def header_label(key: str, custom_label: str, lang: str) -> str:
    """The label of a case-header field: the known one, else the field's own label."""
    if custom_label:
        return custom_label
    return say_in(_lang(lang), f"header.{key}") if f"header.{key}" in WORDS else key


def status_label(status: str, lang: str) -> str:
    """The status shown on the minutes ("UDKAST"); ``status`` a ``Status`` or its value."""
    return say_in(_lang(lang), f"status.{status}")


def attendance_label(attendance: str, lang: str) -> str:
    """ "til stede" / "present"; ``attendance`` an ``Attendance`` or its value."""
    return say_in(_lang(lang), f"attendance.{attendance}")


def kind_label(kind: str, lang: str) -> str:
    """ "beslutning" / "decision"; ``kind`` a ``Kind`` or its value ("O", "D", "B")."""
    return say_in(_lang(lang), f"kind.{kind}")


def source_label(source: str, lang: str) -> str:
    """ "skriftlig" / "written"; ``source`` a ``RemarkSource`` or its value."""
    return say_in(_lang(lang), f"source.{source}")


_DATE_PATTERNS = {
    "da": ("d. MMMM y", "EEEE 'den' d. MMMM y"),
    "en": ("d MMMM y", "EEEE d MMMM y"),
}


@lru_cache(maxsize=512)  # an export writes the same few dates often
def format_date(day: dt.date, lang: str) -> str:
    """ "16. september 2025" / "16 September 2025", written by Babel (the exports use this)."""
    from babel.dates import format_date as babel_date  # imported on first use only

    code = _lang(lang)
    return babel_date(day, _DATE_PATTERNS[code][0], locale=BABEL_LOCALE[code])


def format_weekday_date(day: dt.date, lang: str) -> str:
    """ "tirsdag den 2. december 2025" / "Tuesday 2 December 2025", written by Babel."""
    from babel.dates import format_date as babel_date

    code = _lang(lang)
    return babel_date(day, _DATE_PATTERNS[code][1], locale=BABEL_LOCALE[code])


def quick_date(day: dt.date, lang: str) -> str:
    """The same text as ``format_date`` from Babel's month names kept as a table above.

    For the editor's first frame only: loading Babel's locale data costs start-up ~30 ms.
    tests/bench/test_bench_i18n_dates.py checks that both agree for every day it tries.
    """
    code = _lang(lang)
    month = MONTHS[code][day.month - 1]
    return f"{day.day}. {month} {day.year}" if code == "da" else f"{day.day} {month} {day.year}"


def format_time_range(start: dt.time | None, end: dt.time | None, lang: str) -> str:
    """ "kl. 14.30-16.00" / "14:30-16:00"; empty when there is no start."""
    if start is None:
        return ""
    text = format_time(start, lang)
    if end is not None:
        text += f"-{format_time(end, lang)}"
    return f"kl. {text}" if _lang(lang) == "da" else text


def format_datetime(moment: dt.datetime, lang: str) -> str:
    """ "25. september 2025 kl. 16.00" / "25 September 2025, 16:00" (no time at midnight)."""
    day = format_date(moment.date(), lang)
    if moment.time() == dt.time(0, 0):
        return day
    clock = format_time(moment.time(), lang)
    return f"{day} kl. {clock}" if _lang(lang) == "da" else f"{day}, {clock}"
