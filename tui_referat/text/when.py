"""Dates, times of day, time ranges and durations as people write them, in Danish or English.

The one set of rules for the editor's fields and forms, the Markdown importer and the time
strings of the meeting file. ``parse_*`` read a whole text: blank text is None, and text they
cannot read raises ``ValueError`` with a short English reason (the UI shows its own, translated
message). ``split_*`` read the start of a text and hand back the rest, for the importer; they
never raise. ``format_time`` is the one way a time of day is written (editor, exports, the
meeting file): "14.30" in Danish, "14:30" in English; ``parse_time`` reads both back.

**Dates** are read day first, always, also in English ("2/12 2025" is 2 December 2025):

- numbers: ``2.12.2025``, ``16.9.2025``, ``2/12/2025``, ``2/12 2025``, ``2/12-2025``,
  ``2-12-2025``; year first only as ISO with four digits (``2025-12-02``);
- a month name, Danish or English, any case, whole or cut to three letters or more, with or
  without a dot: ``2. december 2025``, ``2 Dec 2025``, ``2. dec. 2025``, ``2nd of December
  2025``, ``December 2, 2025``;
- a two-digit year is 20xx: ``2.12.25``, ``2/12/25``, ``2/12 25``, ``2. dec 25`` (not after a
  second separator unlike the first: ``2/12-25`` is refused, ``13.10-15`` is no date);
- a weekday and "den" / "d." before the date are skipped, not checked: ``tirsdag den 2. december
  2025``, ``Tuesday, 2 December 2025``;
- no year (``2/12``, ``2.12.``, ``2. december``): the year of ``today``; without ``today`` the
  year is required.

**Times**: ``13.30``, ``13:30``, ``13`` (13.00), ``1330``, ``930`` (9.30), ``13.5`` (13.05:
minutes written without their leading zero, like the month of ``16.9``), ``kl. 13.30``,
``klokken 13``, a final dot (``13.30.``), am/pm (``1:30 pm``, ``1.30pm``, ``1 p.m.``). 24.00 and
later and minute 60 and later are refused.

**Durations** in minutes: ``40``, ``40 min``, ``1:30`` or ``1.30`` (1 hour 30 minutes),
``1h30``, ``1 t 30``, ``2 timer``; at most a day. ``1.5`` is refused as ambiguous (1 h 30 or
1 h 05?).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .lazy_pattern import LazyPattern

#: The longest duration accepted (minutes): a whole day.
MAX_DURATION = 24 * 60

# A word names a month (weekday) when it is the start, three letters or more, of one of these.
# The months' first three letters all differ, and no weekday starts like a month.
_MONTHS = (
    ("januar", "january"),
    ("februar", "february"),
    ("marts", "march"),
    ("april",),
    ("maj", "may"),
    ("juni", "june"),
    ("juli", "july"),
    ("august",),
    ("september",),
    ("oktober", "october"),
    ("november",),
    ("december",),
)
_WEEKDAYS = (
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


def _names(word: str, names: Iterable[str]) -> bool:
    word = word.casefold().rstrip(".")
    return len(word) >= 3 and any(name.startswith(word) for name in names)


def _month(word: str) -> int | None:
    """1-12 for a month's name in Danish or English ("dec", "Sept.", "marts"), else None."""
    return next((n for n, names in enumerate(_MONTHS, 1) if _names(word, names)), None)


# -- dates ------------------------------------------------------------------------------------

_WORD = LazyPattern(r"([^\W\d_]+)\.?,?\s+")
_DEN = LazyPattern(r"den\s+|d\.\s*", re.I)
_ORDINAL = r"(?:st|nd|rd|th)"
_YEAR = r"(?:,?\s*(?P<y>\d{4}|\d{2}))"
_DATES = tuple(
    LazyPattern(pattern, re.I)
    for pattern in (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
        # 2.12.2025, 2/12/25, 2/12 2025, 2/12-2025, 2.12.
        r"(?P<d>\d{1,2})\s*(?P<sep>[./-])\s*(?P<m>\d{1,2})"
        r"(?:(?:(?P=sep)\s*|\s+)(?P<yy>\d{4}|\d{2})|\s*[./-]\s*(?P<y>\d{4}))?\.?",
        # 2. december 2025, 2 Dec 2025, 2nd of December 2025
        rf"(?P<d>\d{{1,2}})(?:\.|{_ORDINAL})?\s*(?:of\s+)?(?P<mon>[^\W\d_]{{3,}})\.?{_YEAR}?\.?",
        # December 2, 2025
        rf"(?P<mon>[^\W\d_]{{3,}})\.?\s*(?P<d>\d{{1,2}}){_ORDINAL}?{_YEAR}?\.?",
    )
)
#: What may follow a date at the start of a longer text.
_AFTER_DATE = LazyPattern(r"\s|[,;)]|$")


def _date_start(text: str) -> int:
    """Where the date in ``text`` starts: after spaces, a weekday and "den" or "d."."""
    pos = len(text) - len(text.lstrip())
    word = _WORD.match(text, pos)
    if word and _names(word[1], _WEEKDAYS):
        pos = word.end()
    den = _DEN.match(text, pos)
    return den.end() if den else pos


def _date_of(match: re.Match[str], today: dt.date | None) -> dt.date:
    parts = match.groupdict()
    day = int(parts["d"])
    if parts.get("mon") is not None:
        month = _month(parts["mon"])
        if month is None:
            raise ValueError(f"unknown month: {parts['mon']!r}")
    else:
        month = int(parts["m"])
    if not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}")
    year_text = parts.get("y") or parts.get("yy")
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    elif today is not None:
        year = today.year
    else:
        raise ValueError("the year is missing")
    if year < dt.MINYEAR:
        raise ValueError(f"there is no year {year}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        name = _MONTHS[month - 1][-1].capitalize()
        raise ValueError(f"{name} {year} has no day {day}") from None


def parse_date(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """The date ``text`` writes (see the module's rules); None for blank text.

    ``today`` gives the year of a date written without one; without ``today`` such a date is
    refused. Raises ``ValueError`` for anything else.
    """
    text = text.strip()
    if not text:
        return None
    pos = _date_start(text)
    for pattern in _DATES:
        match = pattern.fullmatch(text, pos)
        if match:
            return _date_of(match, today)
    raise ValueError(f"not a date: {text!r}")


def split_date(text: str, *, today: dt.date | None = None) -> tuple[dt.date | None, str]:
    """The date ``text`` starts with and the text after it: "2. december 2025 kl. 13" ->
    (2025-12-02, " kl. 13"). (None, ``text``) when it does not start with a valid date."""
    pos = _date_start(text)
    for pattern in _DATES:
        match = pattern.match(text, pos)
        if match and _AFTER_DATE.match(text, match.end()):
            try:
                return _date_of(match, today), text[match.end() :]
            except ValueError:
                return None, text
    return None, text


# -- times ------------------------------------------------------------------------------------

_KL = r"(?:kl(?:okken|\.)?\s*)"


def _clock_pattern(name: str) -> str:
    """A time of day; its groups are ``name`` + hm (1330), h and m (13.30), ap (am/pm)."""
    return (
        rf"(?:(?P<{name}hm>\d{{3,4}})(?![.:]?\d)|(?P<{name}h>\d{{1,2}})(?:[.:](?P<{name}m>\d{{1,2}}))?)"
        rf"(?:\s*(?P<{name}ap>[ap])\.?m\b\.?)?"
    )


_TIME = LazyPattern(_KL + "?" + _clock_pattern("") + r"\.?", re.I)
_RANGE = LazyPattern(
    rf"\s*(?P<kl>{_KL})?{_clock_pattern('a_')}"
    rf"(?:\s*[-–—]\s*{_KL}?{_clock_pattern('b_')})?(?![^\W_]|[.:]\d)",
    re.I,
)


def _clock(match: re.Match[str], name: str = "") -> dt.time:
    if digits := match[f"{name}hm"]:
        hour, minute = int(digits[:-2]), int(digits[-2:])
    else:
        hour, minute = int(match[f"{name}h"]), int(match[f"{name}m"] or 0)
    if minute > 59:
        raise ValueError(f"there is no minute {minute}")
    if half := match[f"{name}ap"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"{hour} is not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if half.casefold() == "p" else 0)
    if hour > 23:
        raise ValueError(f"there is no hour {hour} (midnight is 00.00)")
    return dt.time(hour, minute)


def parse_time(text: str) -> dt.time | None:
    """The time of day ``text`` writes (see the module's rules); None for blank text.

    Raises ``ValueError`` for anything else.
    """
    text = text.strip()
    if not text:
        return None
    if len(text) == 5 and text[2] in ".:" and text[:2].isdecimal() and text[3:].isdecimal():
        # "13.30", as the editor writes times: read without the pattern, which costs 0.2 ms
        # to compile at start-up (the same answer, tests/text/test_when.py).
        hour, minute = int(text[:2]), int(text[3:])
        if hour <= 23 and minute <= 59:  # else the pattern's way, which says what is wrong
            return dt.time(hour, minute)
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"not a time: {text!r}")
    return _clock(match)


def format_time(moment: dt.time | None, lang: str) -> str:
    """ "14.30" in Danish, "14:30" in English and any other language; empty for None.

    Hours and minutes only: seconds are dropped (the meeting file keeps a time with seconds
    as a TOML time, see ``storage.values_write.time_item``).
    """
    if moment is None:
        return ""
    sep = "." if lang == "da" else ":"
    return f"{moment.hour:02d}{sep}{moment.minute:02d}"


def split_time_range(text: str) -> tuple[dt.time | None, dt.time | None, str]:
    """The time or time range ``text`` starts with and the text after it: "kl. 13.00-14.30,
    Lokale 2" -> (13:00, 14:30, ", Lokale 2"); "13-15.30", "kl. 13 – 15" work too.

    A bare number ("13", "1330") counts only after "kl." or in a range, so a location such as
    "2 Gothersgade" is not taken for a time. (None, None, ``text``) when there is no valid time.
    """
    match = _RANGE.match(text)
    if match is None:
        return None, None, text
    ranged = bool(match["b_h"] or match["b_hm"])
    if not (ranged or match["kl"] or match["a_m"] or match["a_ap"]):
        return None, None, text
    try:
        start = _clock(match, "a_")
        end = _clock(match, "b_") if ranged else None
    except ValueError:
        return None, None, text
    return start, end, text[match.end() :]


# -- durations --------------------------------------------------------------------------------

_MINUTES = r"(?:\s*(?:m|min|mins|minut|minutter|minute|minutes)\.?)"
_DURATION = LazyPattern(
    rf"(?P<m>\d{{1,4}}){_MINUTES}?"
    r"|(?P<h>\d{1,2})[.:](?P<hm>\d{2})"
    rf"|(?P<hh>\d{{1,2}})\s*(?:h|t|timer?|hours?|hrs?)\.?(?:\s*(?P<mm>\d{{1,2}}){_MINUTES}?)?",
    re.I,
)


def parse_duration(text: str) -> int | None:
    """The minutes ``text`` writes: "40", "40 min", "1:30", "1.30", "1h30", "2 timer"; None
    for blank text. Raises ``ValueError`` for anything else, over a day, or ambiguous ("1.5")."""
    text = text.strip()
    if not text:
        return None
    match = _DURATION.fullmatch(text)
    if match is None:
        if re.fullmatch(r"\d+[.,]\d", text):
            raise ValueError(f"ambiguous: {text!r} (write 1.30 for an hour and a half)")
        raise ValueError(f"not a duration: {text!r}")
    if match["m"]:
        minutes = int(match["m"])
    else:
        hours, extra = int(match["h"] or match["hh"]), int(match["hm"] or match["mm"] or 0)
        if extra > 59:
            raise ValueError(f"there is no minute {extra}")
        minutes = hours * 60 + extra
    if minutes > MAX_DURATION:
        raise ValueError(f"longer than a day: {text!r}")
    return minutes
