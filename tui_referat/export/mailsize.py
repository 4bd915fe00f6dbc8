"""How big the email's HTML is, against the size at which Gmail clips a message.

Gmail shows only the first 102 KB of a message's HTML and hides the rest behind "View entire
message" (the closing lines and the last items, where decisions are). ``referat check``,
``referat export --format email|eml`` and the sending of the minutes ask
:func:`clip_warning` and say it as a warning; nothing is refused.
"""

from __future__ import annotations

from ..domain.model import Meeting
from ..text.words import say_in

#: Gmail clips a message whose HTML is bigger than this (102 KB).
GMAIL_CLIP_BYTES = 102 * 1024


def clip_warning(html_bytes: int, lang: str = "en") -> str | None:
    """The warning, in ``lang``, for an email whose HTML is ``html_bytes`` long; ``None``
    when Gmail shows it whole."""
    if html_bytes <= GMAIL_CLIP_BYTES:
        return None
    return say_in(
        lang,
        "export.gmail_clips",
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


def email_clip_warning(
    meeting: Meeting, lang: str = "en", *, include_closed: bool = False
) -> str | None:
    """:func:`clip_warning` for the email HTML of ``meeting`` (rendered here)."""
    return clip_warning(email_html_bytes(meeting, include_closed=include_closed), lang)
