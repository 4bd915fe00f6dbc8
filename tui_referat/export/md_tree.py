"""Render clean Markdown tokens as wrapped plain text, or as safe Markdown again.

The tokens come from :func:`tui_referat.text.markdown_html.parse`, so raw HTML and unsafe links are
already gone. Plain text keeps lists, quotes and code readable; Markdown is regenerated only
for texts that had something removed (see ``export/markdown.py``).
"""

from __future__ import annotations

import re
import textwrap

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~]|!(?=\[)|^#)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(\s|$)")


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Wrap ``text`` (hard line breaks kept) with prefixes; never breaks words or URLs."""
    lines: list[str] = []
    for index, part in enumerate(text.split("\n")):
        prefix = first if index == 0 else rest
        wrapped = textwrap.wrap(
            part,
            width=max(width, len(prefix) + 20),
            initial_indent=prefix,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [prefix.rstrip()])
    return lines


def md_escape(text: str) -> str:
    """Escape plain text so Markdown shows it literally (no HTML, no links, no emphasis)."""
    text = _ENTITY.sub("&amp;", text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text


def md_url(url: str) -> str:
    """A link destination: bare when it can be, in angle brackets when it has spaces or parens."""
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _escape_paragraph_start(text: str) -> str:
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text, count=1)


def _inline(node: SyntaxTreeNode, markdown: bool) -> str:
    parts: list[str] = []
    for child in node.children:
        kind = child.type
        if kind == "text":
            parts.append(md_escape(child.content) if markdown else child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\\\n" if markdown else "\n")
        elif kind == "code_inline":
            if markdown:
                ticks = "`" * (
                    max((len(m) for m in re.findall("`+", child.content)), default=0) + 1
                )
                pad = " " if child.content.startswith("`") or child.content.endswith("`") else ""
                parts.append(f"{ticks}{pad}{child.content}{pad}{ticks}")
            else:
                parts.append(child.content)
        elif kind in ("em", "strong", "s"):
            inner = _inline(child, markdown)
            mark = {"em": "*", "strong": "**", "s": "~~"}[kind]
            parts.append(f"{mark}{inner}{mark}" if markdown else inner)
        elif kind == "link":
            inner = _inline(child, markdown)
            href = str(child.attrs.get("href", ""))
            if markdown:
                parts.append(f"[{inner}]({md_url(href)})")
            elif href in (inner, f"mailto:{inner}"):
                parts.append(inner)
            else:
                parts.append(f"{inner} ({href})")
        else:
            parts.append(_inline(child, markdown) if child.children else child.content)
    return "".join(parts)


def _is_tight(node: SyntaxTreeNode) -> bool:
    return any(
        grand.type == "paragraph" and grand.hidden
        for item in node.children
        for grand in item.children
    )


def _table(node: SyntaxTreeNode, width: int, markdown: bool) -> list[str]:
    rows: list[list[str]] = []
    for section in node.children:
        for row in section.children:
            cells = [
                _inline(cell.children[0], markdown) if cell.children else ""
                for cell in row.children
            ]
            rows.append(cells)
    if not rows:
        return []
    if markdown:
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "|".join(" --- " for _ in rows[0]) + "|")
        return lines
    widths = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(len(rows[0]))]
    if sum(widths) + 3 * (len(widths) - 1) <= width:
        fmt = [
            " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in rows
        ]
        fmt.insert(1, "-+-".join("-" * w for w in widths))
        return fmt
    return [line for r in rows for line in wrap(" | ".join(r), width, "", "  ")]


def _block(node: SyntaxTreeNode, width: int, markdown: bool) -> list[str]:
    kind = node.type
    if kind == "paragraph":
        text = _inline(node.children[0], markdown) if node.children else ""
        if markdown:
            return [_escape_paragraph_start(text)]
        return wrap(text, width)
    if kind == "heading":
        text = _inline(node.children[0], markdown) if node.children else ""
        if markdown:
            return [f"{'#' * int(node.tag[1])} {text}"]
        return wrap(text, width)
    if kind in ("bullet_list", "ordered_list"):
        tight = _is_tight(node)
        start = int(node.attrs.get("start", 1) or 1)
        lines: list[str] = []
        for index, item in enumerate(node.children):
            marker = "- " if kind == "bullet_list" else f"{start + index}. "
            inner = _blocks(item.children, width - len(marker), markdown, tight)
            if lines and not tight:
                lines.append("")
            pad = " " * len(marker)
            inner = inner or [""]
            lines.append(marker + inner[0])
            lines.extend(pad + line if line else "" for line in inner[1:])
        return lines
    if kind == "blockquote":
        inner = _blocks(node.children, width - 2, markdown)
        return [f"> {line}" if line else ">" for line in inner]
    if kind in ("fence", "code_block"):
        body = node.content.rstrip("\n").split("\n")
        if markdown:
            fence = "`" * max(
                3, max((len(m) for m in re.findall("`{3,}", node.content)), default=0) + 1
            )
            return [fence, *body, fence]
        return ["    " + line if line else "" for line in body]
    if kind == "hr":
        return ["---" if markdown else "-" * 8]
    if kind == "table":
        return _table(node, width, markdown)
    if node.children:
        return _blocks(node.children, width, markdown)
    return [node.content] if node.content else []


def _blocks(
    nodes: list[SyntaxTreeNode], width: int, markdown: bool, tight: bool = False
) -> list[str]:
    out: list[str] = []
    for node in nodes:
        lines = _block(node, width, markdown)
        if not lines:
            continue
        if out and not tight:
            out.append("")
        out.extend(lines)
    return out


def to_text(tokens: list[Token], width: int = 72) -> list[str]:
    """Plain-text lines of the Markdown ``tokens``, wrapped at ``width``."""
    return _blocks(SyntaxTreeNode(tokens).children, width, markdown=False)


def to_markdown(tokens: list[Token]) -> str:
    """Markdown regenerated from ``tokens``: only what survived cleaning, escaped."""
    return "\n".join(markdown_lines(tokens))


def markdown_lines(tokens: list[Token]) -> list[str]:
    """The lines of :func:`to_markdown`."""
    return _blocks(SyntaxTreeNode(tokens).children, 10_000, markdown=True)
