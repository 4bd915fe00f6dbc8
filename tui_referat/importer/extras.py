"""What ``referat import`` reads back of the smaller parts of an item and the meeting:
protocol remarks (under the decision or the minutes), the handled-order sentence under the
agenda, an item's own remarks deadline and a late attachment's note. Split from
``importer/__init__.py``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from markdown_it.tree import SyntaxTreeNode

from ..domain.handled_order import MovedRun, order_from_runs
from ..domain.model import REMARK_MARK, REMARKS_MARK, Remark, RemarkSource, Status
from ..text import i18n
from ..text.words import say_in
from .parts import is_written_label, remarks
from .values import date_or_none, deadline_of, inline_of, label_lang, plain


def _opens_remarks(node: SyntaxTreeNode) -> bool:
    if node.type == "bullet_list":
        return True
    if node.type == "html_block":  # the export's mark before a remark written as it is
        return node.content.strip() == f"<!-- {REMARK_MARK} -->"
    if node.type != "paragraph":
        return False
    inline = inline_of(node)
    kids = [c for c in (inline.children if inline else []) if c.content or c.children]
    if len(kids) == 1 and kids[0].type in ("strong", "em"):
        return True
    return is_written_label(plain(inline))


def split_intro(nodes: list[SyntaxTreeNode]) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]]:
    """The remarks section's intro (the text before its first remark list or topic) and the
    rest; no intro when no remark follows."""
    for index, node in enumerate(nodes):
        if _opens_remarks(node):
            return nodes[:index], nodes[index:]
    return [], nodes


def _words(key: str) -> list[str]:
    return [say_in(code, key) for code in ("da", "en")]


def split_protocol(text: str) -> tuple[str, list[Remark]]:
    """A section's text without the protocol remarks at its end, and those remarks."""
    heads = "|".join(re.escape(w) for w in _words("protocol_remark_by"))
    pattern = re.compile(rf"^\*(?:{heads}) (.+?):\*[ \n]?", re.M)
    matches = [
        m
        for m in pattern.finditer(text)
        if m.start() == 0 or text[m.start() - 2 : m.start()] == "\n\n"
    ]
    if not matches:
        return text, []
    remarks = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() : end].strip()
        author = match.group(1).replace("\\", "")
        remarks.append(Remark(body, RemarkSource.PROTOCOL, author=author))
    rest = text[: matches[0].start()].rstrip()
    return (rest + "\n" if rest else ""), remarks


_RUN = re.compile(r"(\d+)(?:-(\d+))?")


def handled_runs(sentence: str) -> list[MovedRun] | None:
    """The runs of "Pkt. 6-9 blev behandlet efter pkt. 3." (Danish or English); None when
    ``sentence`` is not such a sentence."""
    runs = []
    for part in re.split(r"(?<=\.)\s+(?=[A-ZÆØÅ])", sentence.strip()):
        numbers = [(int(a), int(b) if b else int(a)) for a, b in _RUN.findall(part)]
        after = "behandlet efter" in part or "handled after" in part
        first = "behandlet først" in part or "handled first" in part
        if after and len(numbers) == 2:
            runs.append(MovedRun(numbers[0][0], numbers[0][1], numbers[1][0]))
        elif first and len(numbers) == 1:
            runs.append(MovedRun(numbers[0][0], numbers[0][1], 0))
        else:
            return None
    return runs or None


def handled_order(sentence: str, count: int) -> list[int] | None:
    runs = handled_runs(sentence)
    if runs is None:
        return None
    return order_from_runs(count, runs) or None


def item_deadline(text: str) -> tuple[str, object]:
    """The remarks note without a last "Frist for skriftlige bemærkninger: …" line, and the
    deadline it gave (None when there is none)."""
    body, _, last = text.rstrip().rpartition("\n\n")
    for word in _words("remarks_deadline"):
        if last.startswith(word + ": "):
            when = deadline_of(last[len(word) + 2 :].replace("\\", ""))
            if when is not None:
                return (body + "\n" if body else ""), when
    return text, None


def late_title(title: str) -> tuple[str, bool]:
    """ "Budget (eftersendt)" -> ("Budget", True)."""
    for word in _words("late_attachment"):
        if title.endswith(f" ({word})"):
            return title[: -len(word) - 3].rstrip(), True
    return title, False


def protocol_nodes(
    nodes: list[SyntaxTreeNode], text_of: Callable[[list[SyntaxTreeNode]], str]
) -> tuple[list[SyntaxTreeNode], list[Remark]]:
    """A section's nodes without the protocol remarks at their end, and those remarks."""
    for index, node in enumerate(nodes):
        if node.type == "paragraph" and split_protocol(text_of([node]))[1]:
            return nodes[:index], split_protocol(text_of(nodes[index:]))[1]
    return nodes, []


def marker(text: str) -> tuple[Status | None, dt.date | None] | None:
    """What a bold line before the title says: "Referat" (the document type: (None, None)),
    the marker "UDKAST" / "Godkendt 4. november 2025" the header block shows, or both as
    older exports wrote them, "Referat · UDKAST"; None when it is none of these."""
    doc, sep, mark = text.rpartition("·")
    if sep and not label_lang(doc, "minutes_doc"):
        return None
    if not sep and label_lang(mark, "minutes_doc"):
        return None, None
    mark = mark.strip()
    for code in i18n.LANGUAGES:
        for status in Status:
            if mark.casefold() == i18n.status_label(status, code).casefold():
                return status, None
        word = say_in(code, "approved_on")
        if mark.casefold().startswith(word.casefold()):
            return Status.APPROVED, date_or_none(mark[len(word) :])
    return None


def remarks_after_minutes(
    nodes: list[SyntaxTreeNode],
    lines: list[str],
    text_of: Callable[[list[SyntaxTreeNode]], str],
) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]]:
    """The minutes' own nodes and the remarks that follow them without a heading: after the
    Markdown export's mark (``<!-- referat:remarks -->``); in a file without the mark (older
    exports, hand-written Markdown), where the remarks plainly begin (:func:`trailing_remarks`,
    never after a protocol remark)."""
    for index, node in enumerate(nodes):
        if node.type == "html_block" and REMARKS_MARK in node.content:
            return nodes[:index], nodes[index + 1 :]
    if protocol_nodes(nodes, text_of)[1]:
        return nodes, []
    return trailing_remarks(nodes, lines)


def trailing_remarks(
    nodes: list[SyntaxTreeNode], lines: list[str]
) -> tuple[list[SyntaxTreeNode], list[SyntaxTreeNode]]:
    """The minutes' own nodes and the remarks after them: the exports drop the remarks
    heading when they open with a bold topic or "Skriftlige bemærkninger:" after minutes that
    do not end with a list. The first such place after which everything reads as remarks,
    then a note without lists."""
    for index, node in enumerate(nodes):
        if node.type != "paragraph" or not _opens_remarks(node):
            continue  # the exports drop the heading only before a topic or the written label
        if index and nodes[index - 1].type in ("bullet_list", "ordered_list"):
            continue
        found, rest = remarks(lines, nodes[index:])
        if found and not any(_opens_remarks(n) or n.type == "ordered_list" for n in rest):
            return nodes[:index], nodes[index:]
    return nodes, []
