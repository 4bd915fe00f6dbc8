"""How big the email's HTML is, against the size at which Gmail clips a message.

Gmail shows only the first 102 KB of a message's HTML and hides the rest behind "View entire
message" (the closing lines and the last items, where decisions are). ``referat check``,
``referat export --format email|eml`` and the sending of the minutes ask
:func:`clip_warning` and say it as a warning; nothing is refused.
"""

from __future__ import annotations

import dataclasses
import re

from ..domain.model import SECTIONS, Meeting
from ..text.words import say_in

#: Gmail clips a message whose HTML is bigger than this (102 KB).
GMAIL_CLIP_BYTES = 102 * 1024


def clip_warning(html_bytes: int, lang: str = "en", *, whole: bool = True) -> str | None:
    """The warning, in ``lang``, for an email whose HTML is ``html_bytes`` long (``whole``
    False: at least that long, the size of its first items); ``None`` when Gmail shows it
    whole."""
    if html_bytes <= GMAIL_CLIP_BYTES:
        return None
    return say_in(
        lang,
        "export.gmail_clips" if whole else "export.gmail_clips_over",
        kb=f"{html_bytes / 1024:.0f}",
        limit=f"{GMAIL_CLIP_BYTES // 1024}",
    )


def email_html_bytes(meeting: Meeting, *, include_closed: bool = False) -> int:
    """The size in bytes of the email HTML of ``meeting``, counted part by part as it is
    rendered (the page is never held whole)."""
    from .document import build
    from .email import render_parts

    doc = build(meeting, include_closed=include_closed)
    return sum(len(part.encode("utf-8")) for part in render_parts(doc))


#: The least the email's HTML costs without any item, and per item (an agenda row and the
#: item's heading), measured on an empty meeting and on empty items (see the tests).
EMPTY_EMAIL_BYTES = 2_600
EMPTY_ITEM_BYTES = 450
#: Markdown that may not show as text: a link's or image's target, an image, a link
#: definition line, a code fence line (its info string).
_HIDDEN = re.compile(r"\]\([^)]*\)|!\[[^\]]*\]|^ {0,3}\[[^\]]*\]:.*$|^ {0,3}(```|~~~).*$", re.M)
#: The letters of Latin-1 (Danish and English), counted at C speed by ``_letters``.
_LATIN1_LETTERS = bytes(code for code in range(256) if chr(code).isalpha())


def _letters(text: str) -> int:
    """How many letters of ``text`` surely show: those of Latin-1 outside the hidden parts
    (``_HIDDEN``). Letters of other scripts are not counted, so it stays a floor; counting
    by bytes is 20 times faster than ``str.isalpha`` a character at a time (the check of a
    100-item meeting spent 25 ms here)."""
    if "]" in text or "```" in text or "~~~" in text:  # else _HIDDEN cannot match
        text = _HIDDEN.sub("", text)
    data = text.encode("latin-1", "ignore")
    return len(data) - len(data.translate(None, _LATIN1_LETTERS))


def email_bytes_at_least(meeting: Meeting, *, include_closed: bool = False) -> int:
    """A floor under the email HTML's size, found without rendering it: the bytes of an
    empty meeting and of each empty item, and one byte for each letter of the items' text
    that surely shows (titles and sections; a closed item's only with ``include_closed``).
    ``referat check`` knows a big meeting is clipped from this alone."""
    letters = 0
    for item in meeting.items:
        if item.closed and not include_closed:
            continue
        letters += _letters(item.title)
        for key in SECTIONS:
            text = item.section(key)
            if text:
                letters += _letters(text)
    return EMPTY_EMAIL_BYTES + EMPTY_ITEM_BYTES * len(meeting.items) + letters


def _first_items(meeting: Meeting, count: int) -> Meeting:
    """The meeting with only its first ``count`` items: its email is no bigger than the
    whole meeting's (the order of handling, which names later items, is left out)."""
    return dataclasses.replace(meeting, items=meeting.items[:count], handled_order=[])


def email_html_size(
    meeting: Meeting, *, include_closed: bool = False, limit: int = GMAIL_CLIP_BYTES
) -> tuple[int, bool]:
    """The email HTML's size in bytes, and whether that is the whole email's size (True) or
    only of its first items, already over ``limit`` (False).

    For ``referat check``, which must stay fast on a big meeting: the first 8, 16, 32 …
    items are rendered until their email is over ``limit`` or every item is in, so the work
    is bounded by about twice what a ``limit``-sized email costs, not by the meeting; and
    nothing is rendered when :func:`email_bytes_at_least` is already over ``limit``."""
    floor = email_bytes_at_least(meeting, include_closed=include_closed)
    if floor > limit:
        return floor, False
    count = 8
    while count < len(meeting.items):
        size = email_html_bytes(_first_items(meeting, count), include_closed=include_closed)
        if size > limit:
            return size, False
        count *= 2
    return email_html_bytes(meeting, include_closed=include_closed), True


def email_clip_warning(
    meeting: Meeting, lang: str = "en", *, include_closed: bool = False
) -> str | None:
    """:func:`clip_warning` for the email HTML of ``meeting``, measured by
    :func:`email_html_size`."""
    size, whole = email_html_size(meeting, include_closed=include_closed)
    return clip_warning(size, lang, whole=whole)
