"""The PDF's content as data: the document view (``export/document.py``) as plain JSON values.

The Typst template (``pdf_template.typ``) reads this data and lays it out; no meeting text is
ever parsed as Typst markup, so ``#read(...)``, ``*``, ``$`` or ``//`` in a meeting stay the
characters they are. Markdown fields arrive as a small tree of blocks and inlines made from
the shared parser's clean tokens (``text/markdown_html.py``: raw HTML already gone, unsafe
links unwrapped); only http, https and mailto links stay links in the PDF.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.tree import SyntaxTreeNode

from ..domain.model import Meeting
from ..text import i18n
from ..text.markdown_html import parse_many
from ..text.words import say_in
from .doc_parts import single_lines
from .document import Doc, ParticipantLine, RemarkView, Section, markdown_texts
from .html_body import PEOPLE_FACTS

Json = dict[str, Any]

#: Content headings start at level 4: the document uses 1-3 (title, item, section).
HEADING_OFFSET = 3
#: Case-header fields shown in the running footer of every page.
FOOTER_KEYS = ("case_no", "doc_no")
_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def is_pdf_link(url: str) -> bool:
    """Only absolute http, https and mailto URLs become links in the PDF."""
    return bool(_LINK.match(url.strip()))


# -- Markdown tokens to data ---------------------------------------------------------------


def _inlines(node: SyntaxTreeNode) -> list[Json]:
    out: list[Json] = []
    for child in node.children:
        kind = child.type
        if kind == "text":
            out.append({"t": "text", "s": child.content})
        elif kind == "softbreak":
            out.append({"t": "text", "s": " "})
        elif kind == "hardbreak":
            out.append({"t": "br"})
        elif kind == "code_inline":
            out.append({"t": "code", "s": child.content})
        elif kind in ("em", "strong", "s"):
            out.append({"t": kind, "c": _inlines(child)})
        elif kind == "link":
            href = str(child.attrs.get("href", ""))
            inner = _inlines(child)
            if is_pdf_link(href):
                out.append({"t": "link", "url": href, "c": inner})
            else:
                out.extend(inner)
        elif child.children:
            out.extend(_inlines(child))
        elif child.content:
            out.append({"t": "text", "s": child.content})
    return out


def _inline_of(node: SyntaxTreeNode) -> list[Json]:
    return _inlines(node.children[0]) if node.children else []


def _block(node: SyntaxTreeNode) -> Json | None:
    kind = node.type
    if kind == "paragraph":
        return {"t": "p", "c": _inline_of(node)}
    if kind == "heading":
        return {"t": "h", "level": min(6, int(node.tag[1])), "c": _inline_of(node)}
    if kind in ("bullet_list", "ordered_list"):
        items = [_blocks(item.children) for item in node.children]
        tight = any(g.type == "paragraph" and g.hidden for i in node.children for g in i.children)
        start = int(node.attrs.get("start", 1) or 1)
        return {"t": "ul" if kind == "bullet_list" else "ol", "start": start, "items": items,
                "tight": tight}  # fmt: skip
    if kind == "blockquote":
        return {"t": "quote", "c": _blocks(node.children)}
    if kind in ("fence", "code_block"):
        return {"t": "code", "s": node.content.rstrip("\n")}
    if kind == "hr":
        return {"t": "hr"}
    if kind == "table":
        rows = [
            [_inline_of(cell) for cell in row.children]
            for part in node.children
            for row in part.children
        ]
        if not rows:
            return None
        width = max(len(r) for r in rows)
        rows = [r + [[] for _ in range(width - len(r))] for r in rows]
        return {"t": "table", "cols": width, "header": rows[0], "rows": rows[1:]}
    if node.children:
        return {"t": "div", "c": _blocks(node.children)}
    return {"t": "p", "c": [{"t": "text", "s": node.content}]} if node.content else None


def _blocks(nodes: list[SyntaxTreeNode]) -> list[Json]:
    return [b for b in (_block(n) for n in nodes) if b is not None]


class Markdown:
    """Every Markdown text of a document, parsed once (a batch) and turned into blocks."""

    def __init__(self, doc: Doc) -> None:
        texts = markdown_texts(doc)
        tokens = parse_many(texts, heading_offset=HEADING_OFFSET)
        self._blocks = {
            t: _blocks(SyntaxTreeNode(toks).children) for t, toks in zip(texts, tokens, strict=True)
        }

    def __call__(self, text: str) -> list[Json]:
        if not text.strip():
            return []
        if text not in self._blocks:
            self._blocks[text] = _blocks(SyntaxTreeNode(parse_many([text])[0]).children)
        return self._blocks[text]


# -- the document --------------------------------------------------------------------------


def _remark(remark: RemarkView, md: Markdown) -> list[Json]:
    """A remark as one or more list entries: a remark written as a bullet list (and no
    attribution) is shown as that many remarks, as the HTML export does."""
    blocks = md(remark.text)
    if not remark.attribution and len(blocks) == 1 and blocks[0]["t"] == "ul":
        return [{"attribution": "", "c": item} for item in blocks[0]["items"]]
    return [{"attribution": remark.attribution, "c": blocks}]


def _remarks(remarks: list[RemarkView], md: Markdown) -> Json:
    entries = [entry for r in remarks for entry in _remark(r, md)]
    return {"bullets": single_lines(remarks), "remarks": entries}


def _section(section: Section, doc: Doc, md: Markdown) -> Json:
    data: Json = {"kind": section.kind, "key": section.key, "label": section.label}
    if section.kind == "markdown":
        data["c"] = md(section.text)
    elif section.kind == "remarks":
        data["intro"] = md(section.intro)
        data["note"] = md(section.text)
        data["groups"] = [
            {
                "top": g.top,
                "sub": g.sub,
                "said": _remarks(g.said, md) if g.said else None,
                "written": _remarks(g.written, md) if g.written else None,
            }
            for g in section.groups
        ]
        data["written_label"] = f"{doc.written_label}:"
    elif section.kind == "actions":
        due, done = doc.label("due").lower(), doc.label("done").lower()
        lines = []
        for action in section.actions:
            text = action.line(due)
            lines.append({"s": text + (f" ({done})" if action.done else ""), "done": action.done})
        data["actions"] = lines
    elif section.kind == "attachments":
        data["attachments"] = [
            {
                "label": f"{att.label}:",
                "title": att.title,
                "url": att.url if is_pdf_link(att.url) else "",
                "late": f" ({att.late})" if att.late else "",
            }
            for att in section.attachments
        ]
    return data


def _lines(people: list[ParticipantLine]) -> list[str]:
    return [p.text for p in people]


def _facts(doc: Doc) -> list[list[list[str]]]:
    """The facts in columns: when and where, then who (one column when that is all)."""
    pairs = [[f"{label}:", value] for label, value in doc.facts]
    if len(doc.fact_keys) != len(doc.facts):
        return [pairs] if pairs else []
    when = [p for p, k in zip(pairs, doc.fact_keys, strict=True) if k not in PEOPLE_FACTS]
    who = [p for p, k in zip(pairs, doc.fact_keys, strict=True) if k in PEOPLE_FACTS]
    return [column for column in (when, who) if column]


def footer_fields(meeting: Meeting, lang: str) -> str:
    """ "Sagsnr. 2507114 · Dok.nr. 4102853": the case and document number for every page."""
    bits = [
        f"{i18n.header_label(f.key, f.label, lang)} {f.value.strip()}"
        for f in meeting.header
        if f.key in FOOTER_KEYS and f.value.strip()
    ]
    return " · ".join(bits)


def document_data(doc: Doc, *, footer: str = "", author: str = "", date: Any = None) -> Json:
    """Everything the template shows, as JSON values; ``date`` a ``datetime.date`` or None."""
    md = Markdown(doc)
    page_of = say_in(doc.lang, "page_of")
    before, rest = page_of.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    return {
        "lang": doc.lang,
        "title": f"{doc.doc_type}: {doc.title}" if doc.title else doc.doc_type,
        "author": author,
        "date": None if date is None else [date.year, date.month, date.day],
        "doc_type": doc.doc_type,
        "marker": doc.marker,
        "draft": doc.draft,
        "confidential": doc.confidential,
        "header": [[f"{label}:", value] for label, value in doc.header],
        "footer": footer,
        "page": [before, middle, after],
        "heading": doc.title,
        "facts": _facts(doc),
        "held": doc.held,
        "agenda": {
            "label": doc.agenda_label,
            "columns": list(doc.agenda_columns)
            if doc.agenda_times
            else [doc.agenda_columns[0], doc.agenda_columns[2]],
            "rows": [
                {
                    "cells": [row.number, *([row.time] if doc.agenda_times else [])],
                    "activity": row.activity,
                    "mark": f"({row.confidential})" if row.confidential else "",
                }
                for row in doc.agenda
            ],
            "note": doc.agenda_note,
        },
        "participants": {
            "label": doc.participants_label,
            "lines": _lines(doc.participants) if not doc.participant_groups else [],
            "groups": [
                {"label": name, "lines": _lines(lines)} for name, lines in doc.participant_groups
            ],
        },
        "items": [
            {
                "heading": item.heading,
                "mark": f"({item.confidential})" if item.confidential else "",
                "sections": [_section(s, doc, md) for s in item.sections],
            }
            for item in doc.items
        ],
        "closing": [[f"{label}:", value] for label, value in doc.closing],
    }
