"""Values in Markdown minutes read back: labels, dates, times, names, inline text.

The inverse of the formatting in ``text.i18n`` and ``export.document``, for Danish and English,
lenient enough for hand-written minutes; dates and times follow ``text.when``, the rules of
every field of the editor.
"""

from __future__ import annotations

import datetime as dt
import re

from markdown_it.tree import SyntaxTreeNode

from ..domain.model import Attendance, Kind, NextMeeting
from ..text import i18n
from ..text.when import parse_date, parse_time, split_date, split_time_range
from ..text.words import say_in

LANGS: tuple[str, ...] = i18n.LANGUAGES


# -- labels ----------------------------------------------------------------------------------


def norm(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(":").strip()


def label_key(text: str, keys: tuple[str, ...], lang: str | None = None) -> str | None:
    """The key among ``keys`` whose label (in ``lang`` first, then any language) is ``text``."""
    wanted = norm(text)
    for code in ([lang] if lang in LANGS else []) + list(LANGS):
        for key in keys:
            if norm(i18n.say_in(code, key)) == wanted:
                return key
    return None


def label_lang(text: str, key: str) -> str | None:
    """The language whose label for ``key`` is ``text``."""
    for code in LANGS:
        if norm(i18n.say_in(code, key)) == norm(text):
            return code
    return None


def attendance_of(text: str) -> Attendance | None:
    wanted = norm(text)
    for code in LANGS:
        for attendance in Attendance:
            if norm(i18n.attendance_label(attendance, code)) == wanted:
                return attendance
    return None


def kind_of(text: str) -> Kind | None:
    text = text.strip().upper()
    for kind in Kind:
        if kind.value == text:
            return kind
    return None


# -- dates and times: the rules are text/when.py's ---------------------------------------------


def date_or_none(text: str) -> dt.date | None:
    """The date ``text`` writes alone ("16. september 2025", "tirsdag den 2. december 2025",
    ISO), or None when it is not one (a year is needed: the importer has no "this year")."""
    try:
        return parse_date(text)
    except ValueError:
        return None


def time_or_none(text: str) -> dt.time | None:
    """The time ``text`` writes alone ("13.50", "kl. 13.50"), or None when it is not one."""
    try:
        return parse_time(text)
    except ValueError:
        return None


#: A deadline written as a date alone means the end of that day (as in the meeting file).
END_OF_DAY = dt.time(23, 59)


def deadline_of(text: str) -> dt.datetime | None:
    """ "25. september 2025 kl. 16.00", "25 September 2025, 16:00", or a date (at 23.59)."""
    day, rest = split_date(text)
    if day is None:
        return None
    rest = rest.strip().lstrip(",").strip()
    if not rest:
        return dt.datetime.combine(day, END_OF_DAY)
    clock = time_or_none(rest)
    return dt.datetime.combine(day, clock) if clock else None


# -- names -----------------------------------------------------------------------------------


def split_names(text: str) -> list[str]:
    """ "A, B og C" -> ["A", "B", "C"] (the word for "and" in either language)."""
    text = text.strip()
    if not text:
        return []
    words = "|".join(re.escape(say_in(code, "and")) for code in LANGS)
    matches = list(re.finditer(rf"\s+(?:{words})\s+", text))
    if not matches:
        return [name.strip() for name in text.split(", ") if name.strip()]
    last = matches[-1]
    head = [name.strip() for name in text[: last.start()].split(", ") if name.strip()]
    return [*head, text[last.end() :].strip()]


def split_presenters(text: str) -> tuple[str, list[str]]:
    """ "Status fra NGC v/Anne Holm" -> ("Status fra NGC", ["Anne Holm"]).

    The English "by " prefix counts only when every name after it starts with a capital.
    """
    da = say_in("da", "presenter_prefix")
    at = text.rfind(f" {da}")
    if at >= 0 and text[at + 1 + len(da) :].strip():
        return text[:at].strip(), split_names(text[at + 1 + len(da) :])
    en = say_in("en", "presenter_prefix")
    at = text.rfind(f" {en}")
    while at >= 0:
        names = split_names(text[at + 1 + len(en) :])
        if names and all(name[:1].isupper() for name in names):
            return text[:at].strip(), names
        at = text.rfind(f" {en}", 0, at)
    return text.strip(), []


# -- closed items ----------------------------------------------------------------------------


def confidential_mark(text: str) -> tuple[str, bool]:
    """ "Personalesag v/Anne Holm (Fortroligt)" -> ("Personalesag v/Anne Holm", True): the mark
    a confidential export puts after a closed item's heading and agenda row."""
    for code in LANGS:
        mark = f"({say_in(code, 'confidential')})"
        if text.rstrip().casefold().endswith(mark.casefold()):
            return text.rstrip()[: -len(mark)].rstrip(), True
    return text, False


def closed_title(title: str) -> str | None:
    """The public title of a closed item as a public export shows it ("" for "Lukket punkt",
    "Ejendomshandel" for "Ejendomshandel (lukket punkt)"); None for an ordinary title."""
    text = " ".join(title.split())
    for code in LANGS:
        if norm(text) == norm(say_in(code, "closed_item")):
            return ""
        note = f"({say_in(code, 'closed_note')})"
        if text.casefold().endswith(note.casefold()) and text[: -len(note)].strip():
            return text[: -len(note)].strip()
    return None


def is_confidential_line(text: str) -> bool:
    """The confidential export's line under the document type ("FORTROLIGT – …")."""
    return label_key(text, ("confidential_doc",)) is not None


# -- inline tokens ---------------------------------------------------------------------------


def plain(node: SyntaxTreeNode | None, breaks: str = " ") -> str:
    """The text of an inline node without Markdown: escapes resolved, emphasis dropped."""
    if node is None:
        return ""
    parts: list[str] = []
    for child in node.children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(breaks)
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(plain(child, breaks))
        else:
            parts.append(plain(child, breaks))
    return "".join(parts)


def inline_of(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The inline node of a paragraph or heading node."""
    for child in node.children:
        if child.type == "inline":
            return child
    return None


def lines_of(inline: SyntaxTreeNode | None) -> list[str]:
    """A paragraph's lines as plain text, split at hard and soft line breaks."""
    return [line.strip() for line in plain(inline, breaks="\n").split("\n") if line.strip()]


def only_child(inline: SyntaxTreeNode | None, kind: str) -> SyntaxTreeNode | None:
    """The single ``kind`` node (e.g. "strong") an inline consists of, ignoring blank text."""
    if inline is None:
        return None
    found = [c for c in inline.children if not (c.type == "text" and not c.content.strip())]
    if len(found) == 1 and found[0].type == kind:
        return found[0]
    return None


def slug(text: str) -> str:
    """A header key for a custom label: "J.nr." -> "j_nr"."""
    key = re.sub(r"[^0-9a-z]+", "_", text.casefold()).strip("_")
    return key or "field"


# -- whole lines -------------------------------------------------------------------------------


def label_lines(node: SyntaxTreeNode) -> list[tuple[str, str]] | None:
    """ "Label: value" lines of a paragraph, or None when a line is not like that."""
    if node.type != "paragraph":
        return None
    pairs = []
    for line in lines_of(inline_of(node)):
        label, sep, value = line.partition(": ")
        if not sep and line.endswith(":"):
            label, sep, value = line[:-1], ":", ""
        if not sep or not label.strip():
            return None
        pairs.append((label.strip(), value.strip()))
    return pairs or None


def parse_next_meeting(value: str) -> NextMeeting:
    nxt = NextMeeting()
    nxt.date, rest = split_date(value)
    if nxt.date is not None and not re.search(r"\b\d{1,2}\b", value[: len(value) - len(rest)]):
        nxt.date, rest = None, value  # "maj 2027, dato følger": a month, not a day
    start, end, after = split_time_range(rest.strip())
    if start is not None:
        nxt.start, nxt.end, rest = start, end, after
    rest = rest.strip()
    if nxt.date is not None or nxt.start is not None:
        rest = rest.lstrip(",").strip()
        nxt.location = rest
    elif re.search(r"\b(19|20)\d\d\b", rest):
        # no day but a year: the free text ("maj 2027, dato følger"), then " – place"
        text, dash, place = rest.rpartition(" – ")
        nxt.text, nxt.location = (text.strip(), place.strip()) if dash else (rest, "")
    else:
        nxt.location = rest
    return nxt


_LINE_KIND = re.compile(r"\s\(([ODBodb])\)(?=\s|$)")
_LINE_TIME = re.compile(r"\s(?:kl\.?\s*|at\s+)(\d{1,2}(?:[.:]\d{1,2})?)(?=\s|$)", re.IGNORECASE)
_AFTER_KIND_TIME = re.compile(r"\s*(\d{1,2}[.:]\d{2})(?=\s|$)")


def parse_agenda_line(text: str) -> tuple[str, Kind | None, dt.time | None, list[str]]:
    """An agenda line as minutes write it -> (title, kind, planned time, presenters):
    "Budget for 2026 (D) 13.15 v/ Bo Berg" -> ("Budget for 2026", D, 13:15, ["Bo Berg"]).

    Only what is marked is taken: the kind in parentheses, a time after "kl." (or right after
    the kind), the presenters after "v/" (or "by" and capitalised names). A plain title, "Budget
    2026" or "Status 1.10", stays as it is."""
    title, presenters = split_presenters(text)
    kind: Kind | None = None
    at: dt.time | None = None
    marker = _LINE_KIND.search(title)
    if marker:
        kind = Kind(marker[1].upper())
        rest = title[marker.end() :]
        after = _AFTER_KIND_TIME.match(rest)
        if after:
            try:
                at = parse_time(after[1])
                rest = rest[after.end() :]
            except ValueError:
                pass
        title = title[: marker.start()] + rest
    if at is None:
        found = _LINE_TIME.search(title)
        if found:
            try:
                at = parse_time(found[1])
                title = title[: found.start()] + title[found.end() :]
            except ValueError:
                pass
    return " ".join(title.split()), kind, at, presenters
