"""Markdown sections as Word paragraphs, lists and tables, each with a named style.

The tokens come from the project's one Markdown configuration (``text/markdown_html.py``,
through ``export/longtext.py`` for long texts), so raw HTML and unsafe links are already gone.
Paragraphs are "Normal", lists "List Bullet" / "List Number" (2 and 3 when nested), quotes
"Quote", code "macro", headings in the text "Heading 3" and below, tables "Table Grid". Runs
carry only bold, italic, strike-through and links (http, https and mailto).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.text.paragraph import Paragraph
from markdown_it.tree import SyntaxTreeNode

from .docx_parts import Numbering, StyleIds, add_hyperlink, add_run
from .longtext import parse_pieces

#: Headings in a section's text sit under the item (Heading 1) and the section (Heading 2).
HEADING_OFFSET = 2
TABLE_STYLE = "Table Grid"

#: Something that adds runs at the start of a paragraph (a remark's attribution).
Prefix = Callable[[Paragraph], None]


def _level_style(base: str, depth: int) -> str:
    """ "List Bullet", "List Bullet 2", "List Bullet 3" (Word's built-in depths)."""
    return base if depth <= 1 else f"{base} {min(depth, 3)}"


def inline(paragraph: Paragraph, node: SyntaxTreeNode, marks: frozenset[str] = frozenset()) -> None:
    """The inline children of ``node`` as runs of ``paragraph``."""
    for child in node.children:
        kind = child.type
        if kind == "text":
            _text(paragraph, child.content, marks)
        elif kind == "softbreak":
            _text(paragraph, " ", marks)
        elif kind == "hardbreak":
            _text(paragraph, "\n", marks)
        elif kind == "code_inline":
            _text(paragraph, child.content, marks)
        elif kind in ("em", "strong", "s"):
            inline(paragraph, child, marks | {kind})
        elif kind == "link":
            href = str(child.attrs.get("href", ""))
            text = _plain(child)
            add_hyperlink(paragraph, href, text, bold="strong" in marks, italic="em" in marks)
        elif child.children:
            inline(paragraph, child, marks)
        elif child.content:
            _text(paragraph, child.content, marks)


def _text(paragraph: Paragraph, text: str, marks: frozenset[str]) -> None:
    add_run(paragraph, text, bold="strong" in marks, italic="em" in marks, strike="s" in marks)


def _plain(node: SyntaxTreeNode) -> str:
    """The text of a link (its emphasis flattened: a hyperlink is one run)."""
    parts = []
    for child in node.children:
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.children:
            parts.append(_plain(child))
        else:
            parts.append(child.content)
    return "".join(parts)


class MarkdownWriter:
    """Writes Markdown texts into a container (the document body or a table cell)."""

    def __init__(self, numbering: Numbering, styles: StyleIds) -> None:
        self.numbering = numbering
        self.styles = styles

    def write(self, container: Any, text: str, prefix: Prefix | None = None) -> None:
        """``text`` as blocks at the end of ``container``; ``prefix`` opens the first
        paragraph (or a paragraph of its own when the text does not start with one)."""
        first = True
        for tokens in parse_pieces(text, heading_offset=HEADING_OFFSET):
            nodes = SyntaxTreeNode(tokens).children
            if first and prefix is not None and (not nodes or nodes[0].type != "paragraph"):
                prefix(self.styles.paragraph(container, "Normal"))
                prefix = None
            for node in nodes:
                self.block(container, node, 0, prefix if first else None)
                first = False
                prefix = None

    def paragraph(
        self, container: Any, node: SyntaxTreeNode, style: str, prefix: Prefix | None = None
    ) -> Paragraph:
        para = self.styles.paragraph(container, style)
        if prefix is not None:
            prefix(para)
        if node.children:
            inline(para, node.children[0])
        return para

    def block(
        self,
        container: Any,
        node: SyntaxTreeNode,
        depth: int,
        prefix: Prefix | None = None,
        style: str = "Normal",
    ) -> None:
        kind = node.type
        if kind == "paragraph":
            self.paragraph(container, node, style, prefix)
        elif kind == "heading":
            level = min(max(int(node.tag[1]), HEADING_OFFSET + 1), 6)
            self.paragraph(container, node, f"Heading {level}")
        elif kind in ("bullet_list", "ordered_list"):
            self.list(container, node, depth + 1)
        elif kind == "blockquote":
            for child in node.children:
                self.block(container, child, depth, style="Quote")
        elif kind in ("fence", "code_block"):
            para = self.styles.paragraph(container, "macro")
            add_run(para, node.content.rstrip("\n"))
        elif kind == "table":
            self.table(container, node)
        elif kind == "hr":
            return
        elif node.children:
            for child in node.children:
                self.block(container, child, depth, style=style)
        elif node.content:
            add_run(self.styles.paragraph(container, style), node.content)

    def list(self, container: Any, node: SyntaxTreeNode, depth: int) -> None:
        ordered = node.type == "ordered_list"
        style = _level_style("List Number" if ordered else "List Bullet", depth)
        continued = _level_style("List Continue", depth)
        numbering = None
        if ordered:
            numbering = self.numbering.restart(style, int(node.attrs.get("start", 1) or 1))
        for item in node.children:
            opened = False
            for child in item.children:
                if child.type in ("bullet_list", "ordered_list"):
                    if not opened:  # an item that is only a list: its own (empty) line first
                        Numbering.apply(self.styles.paragraph(container, style), numbering)
                        opened = True
                    self.list(container, child, depth + 1)
                elif not opened and child.type == "paragraph":
                    Numbering.apply(self.paragraph(container, child, style), numbering)
                    opened = True
                else:
                    if not opened:
                        Numbering.apply(self.styles.paragraph(container, style), numbering)
                        opened = True
                    self.block(container, child, depth, style=continued)
            if not opened:
                Numbering.apply(self.styles.paragraph(container, style), numbering)

    def table(self, container: Any, node: SyntaxTreeNode) -> None:
        rows = [row for section in node.children for row in section.children]
        if not rows:
            return
        width = max(len(row.children) for row in rows)
        table = container.add_table(rows=len(rows), cols=width)
        table.style = TABLE_STYLE
        for r, (row, table_row) in enumerate(zip(rows, table.rows, strict=True)):
            marks = frozenset({"strong"}) if r == 0 else frozenset()  # the header row
            for cell, table_cell in zip(row.children, table_row.cells, strict=False):
                if cell.children:
                    inline(table_cell.paragraphs[0], cell.children[0], marks)
