"""Reading a .docx export back for the tests: what a reader sees, and an outline to review.

``shown_text`` is every part's text (document, header, footer, properties) and every link
target, so a leak or a hostile URL anywhere in the file is found. ``outline`` is the golden
form of a .docx: each paragraph's style and text, each table's style and rows, the page header
and footer and the core properties, one per line, so a change reads as a diff.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

import docx
from docx.table import Table

_TAG = re.compile(r"<[^>]+>")
_TARGET = re.compile(r'Target="([^"]*)"')
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FIELD, _INSTR = f"{_W}fldSimple", f"{_W}instr"


def unzipped(data: bytes) -> dict[str, bytes]:
    """Every part of the .docx by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def shown_text(data: bytes) -> str:
    """The text of every XML part (a paragraph a line) and every relationship target."""
    out = []
    for name, raw in unzipped(data).items():
        if name.endswith(".rels"):
            out += [html.unescape(t) for t in _TARGET.findall(raw.decode("utf-8"))]
        elif name.endswith(".xml"):
            text = re.sub(r"</w:p>|</w:tc>|<w:br/>", "\n", raw.decode("utf-8"))
            out.append(html.unescape(_TAG.sub("", text)))
    return "\n".join(out)


def _paragraph(paragraph: docx.text.paragraph.Paragraph) -> str:
    links = "".join(f" [-> {link.address}]" for link in paragraph.hyperlinks)
    fields = [f.get(_INSTR).strip() for f in paragraph._p.iter(_FIELD)]
    shown = f" [fields: {' '.join(fields)}]" if fields else ""
    return f"{paragraph.style.name}: {paragraph.text}{links}{shown}"


def outline(data: bytes) -> bytes:
    """The .docx as reviewable lines (UTF-8), for a golden file."""
    document = docx.Document(io.BytesIO(data))
    core = document.core_properties
    lines = [
        f"title: {core.title}",
        f"author: {core.author}",
        f"language: {core.language}",
        f"created: {core.created.isoformat() if core.created else ''}",
    ]
    section = document.sections[0]
    lines += [f"header | {_paragraph(p)}" for p in section.header.paragraphs if p.text]
    lines += [f"footer | {_paragraph(p)}" for p in section.footer.paragraphs if p.text]
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.append(f"[table: {block.style.name if block.style else ''}]")
            for row in block.rows:
                cells = list(dict.fromkeys(row.cells))  # a merged cell once
                lines.append("  | " + " | ".join(_cell(c) for c in cells) + " |")
        else:
            lines.append(_paragraph(block))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _cell(cell: docx.table._Cell) -> str:
    return " / ".join(_paragraph(p) for p in cell.paragraphs)
