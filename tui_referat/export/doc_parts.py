"""Parts of the document view that the exports show as text they already lay out.

Split from ``document.py``: protocol remarks (under the decision, or the minutes), an item's
own remarks deadline, the late-attachment note, the handled-order sentence and the next
meeting's free text.
"""

from __future__ import annotations

import re
from typing import Any

from ..domain.handled_order import moved_runs
from ..domain.handled_order import problem as order_problem
from ..domain.model import AgendaItem, Meeting, NextMeeting, Remark, Status
from ..text import i18n
from ..text.words import say_in
from .md_tree import md_escape


def protocol_text(remark: Remark, lang: str) -> str:
    """ "*Protokolbemærkning fra Carl Dahl:* text" as Markdown; a text that does not start
    with a paragraph (a list, a quote) comes on the lines after the attribution."""
    tag = f"*{md_escape(say_in(lang, 'protocol_remark_by'))} {md_escape(remark.author.strip())}:*"
    text = remark.text.strip()
    if not text:
        return tag
    first = text.split("\n", 1)[0].lstrip()
    if first[:1] in ("-", "*", "+", ">", "#", "|", "`", "~") or first[:1].isdigit():
        return f"{tag}\n\n{text}"
    return f"{tag} {text}"


def protocol_block(item: AgendaItem, lang: str) -> str:
    """Every protocol remark of ``item`` as Markdown paragraphs; "" when it has none."""
    return "\n\n".join(protocol_text(r, lang) for r in item.protocol_remarks())


def with_protocol(text: str, item: AgendaItem, lang: str) -> str:
    block = protocol_block(item, lang)
    if not block:
        return text
    return f"{text.rstrip()}\n\n{block}\n" if text.strip() else block + "\n"


_LIST_START = re.compile(r"^\s{0,3}([-+*]|\d{1,9}[.)])(\s|$)")


def remarks_follow_minutes(minutes: list[Any], groups: list[Any], item: AgendaItem) -> bool:
    """Whether the remarks follow the minutes without a heading of their own, as the
    reference's minutes write them: so they do whenever they come right after minutes text and
    there are remarks (or their intro) to show. Without minutes, or with only a closing
    note, the heading stays. (The Markdown export marks the place for ``referat import``.)"""
    if not minutes or not minutes[-1].text.strip():
        return False
    return bool(groups or item.remarks_intro.strip())


def single_lines(remarks: list[Any]) -> bool:
    """Whether each remark is one line of text (not a list): only such remarks are shown as
    bullets; a remark of paragraphs keeps its paragraphs, and so do the others beside it."""
    return all(
        "\n" not in r.text.strip() and not _LIST_START.match(r.text.strip()) for r in remarks
    )


def item_deadline(item: AgendaItem, lang: str) -> str:
    """ "Frist for skriftlige bemærkninger: 14. oktober 2025 kl. 16.00" as a Markdown line."""
    if item.remarks_deadline is None:
        return ""
    when = i18n.format_datetime(item.remarks_deadline, lang)
    return f"{md_escape(say_in(lang, 'remarks_deadline'))}: {md_escape(when)}"


def _items(first: int, last: int, lang: str, capital: bool) -> str:
    numbers = str(first) if first == last else f"{first}-{last}"
    if capital:
        word = say_in(lang, "item_short" if first == last else "items_short")
    else:
        word = say_in(lang, "item_lower")
    return f"{word} {numbers}"


def handled_sentence(meeting: Meeting, lang: str) -> str:
    """ "Pkt. 6-9 blev behandlet efter pkt. 3." for the meeting's ``handled_order``; "" when it
    is empty, the agenda's own order, or not a permutation (``referat check`` says so)."""
    order = meeting.handled_order
    if not order or order_problem(order, len(meeting.items)):
        return ""
    sentences = []
    for run in moved_runs(order):
        what = _items(run.first, run.last, lang, True)
        were = "were" if run.first != run.last else "was"
        if run.after:
            after = _items(run.after, run.after, lang, False)
            sentences.append(
                say_in(lang, "handled_after").format(what=what, were=were, after=after)
            )
        else:
            sentences.append(say_in(lang, "handled_first").format(what=what, were=were))
    return " ".join(sentences)


def next_meeting_line(nxt: NextMeeting | None, lang: str) -> str:
    """ "tirsdag den 2. december 2025 14.30-16.00, virtuelt"; the free ``text`` when there is
    no date ("maj 2027, dato følger"); "" when there is nothing to say."""
    if nxt is None:
        return ""
    bits = []
    if nxt.date is not None:
        bits.append(i18n.format_weekday_date(nxt.date, lang))
    elif nxt.text.strip():
        bits.append(nxt.text.strip())
    times = i18n.format_time_range(nxt.start, nxt.end, lang)
    if times:
        bits.append(times)
    text = " ".join(bits)
    # after the free text (itself often "month, dato følger") the place follows a dash
    glue = ", " if nxt.date is not None or not nxt.text.strip() else " – "
    if nxt.location.strip():
        text = f"{text}{glue}{nxt.location.strip()}" if text else nxt.location.strip()
    return text


def marker(meeting: Meeting, lang: str) -> str:
    if meeting.status is not Status.APPROVED:
        return i18n.status_label(Status.DRAFT, lang)
    approved = say_in(lang, "approved_on")
    if meeting.approved is not None:
        return f"{approved} {i18n.format_date(meeting.approved, lang)}"
    return approved


def closing(meeting: Meeting, lang: str) -> list[tuple[str, str]]:
    closing = []
    line = next_meeting_line(meeting.next_meeting, lang)
    if line:
        closing.append((say_in(lang, "next_meeting"), line))
    if meeting.remarks_deadline is not None:
        closing.append(
            (
                say_in(lang, "remarks_deadline"),
                i18n.format_datetime(meeting.remarks_deadline, lang),
            )
        )
    return closing
