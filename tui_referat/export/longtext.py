"""Long Markdown texts (a pasted log, say) parsed and rendered a piece at a time.

markdown-it holds every token of a text at once: for a 19 MB text that is some 100 MB. A
text longer than :data:`LONG` is therefore cut into pieces of about :data:`PIECE`
characters, each parsed on its own; joined, the pieces' tokens are the tokens of the whole
text (line numbers in ``Token.map`` aside), and their HTML is the whole text's HTML.

Where a cut may go: before a line S that follows an empty line, and only when, parsing the
text from the previous cut up to and including line S, a top-level block starts at S. Then
every block before S ended before S (an open code fence or an HTML comment would have run
on over S), and the blocks before S and S's state are decided by the lines up to S alone,
as markdown-it reads lines forwards: the parse from S onwards starts from the document root
as a parse of the rest would. Link reference definitions apply to the whole text, so a text
that may hold one (``"]:"``) is parsed whole, as is a text with a carriage return (which
markdown-it reads as a line end of its own). ``tests/export/test_export_longtext.py`` checks
the result against the whole text's on generated Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from markdown_it.token import Token

from ..text import markdown_html as mdr

#: Texts longer than this (in characters) are parsed in pieces; shorter ones in one go.
LONG = 256 * 1024
#: The size a piece aims at (a piece ends at the first possible cut after it).
PIECE = 64 * 1024
#: A line after an empty line that starts like a paragraph: where a cut is tried.
_CANDIDATE = re.compile(r"\n\n(?=\w)")


def is_long(text: str) -> bool:
    """True when ``text`` is parsed in pieces."""
    return len(text) > LONG


def _split_at(tokens: list[Token], line: int) -> int | None:
    """The index of the top-level block that starts at ``line``, if one does."""
    for index, tok in enumerate(tokens):
        if tok.level == 0 and tok.nesting >= 0 and tok.map is not None and tok.map[1] > line:
            return index if tok.map[0] == line else None
    return None


def parse_pieces(
    text: str, *, heading_offset: int = 0, env: dict[str, Any] | None = None
) -> Iterator[list[Token]]:
    """The clean tokens of ``text`` (as :func:`tui_referat.text.markdown_html.parse` gives them) in
    pieces of whole top-level blocks; ``env`` gets the whole text's ``NEUTRALISED`` flag."""
    env = {} if env is None else env
    if not is_long(text) or "\r" in text or "]:" in text:
        yield mdr.parse(text, heading_offset=heading_offset, env=env)
        return
    start = 0
    reach = PIECE
    while True:
        found = _CANDIDATE.search(text, start + reach)
        if found is None:
            break
        cut = found.end()
        line_end = text.find("\n", cut)
        head: dict[str, Any] = {}
        tokens = mdr.parse(
            text[start : len(text) if line_end < 0 else line_end + 1],
            heading_offset=heading_offset,
            env=head,
        )
        index = _split_at(tokens, text.count("\n", start, cut))
        if index is None:  # a block runs on over the line: try farther (twice as far)
            reach = 2 * (cut - start)
            continue
        del tokens[index:]
        if head.get(mdr.NEUTRALISED) and not env.get(mdr.NEUTRALISED):
            # Cleaning changed something: before the cut, or only in the line after it?
            mdr.parse(text[start:cut], heading_offset=heading_offset, env=env)
        yield tokens
        start, reach = cut, PIECE
    yield mdr.parse(text[start:], heading_offset=heading_offset, env=env)


def join_lines(pieces: Iterable[list[str]]) -> list[str]:
    """The lines of each piece's blocks, an empty line between pieces (as between blocks)."""
    lines: list[str] = []
    for part in pieces:
        if part and lines:
            lines.append("")
        lines += part
    return lines


def iter_html_parts(text: str, *, heading_offset: int = 0) -> Iterator[str]:
    """``markdown_html.md_to_html`` of ``text`` in parts (joined: the same), each
    made as it is asked for."""
    if not text or text.isspace():
        return
    md = mdr.parser()
    for tokens in parse_pieces(text, heading_offset=heading_offset):
        yield mdr.sanitize_html(md.renderer.render(tokens, md.options, {}))


def html_parts(text: str, *, heading_offset: int = 0) -> list[str]:
    """:func:`iter_html_parts` as a list."""
    return list(iter_html_parts(text, heading_offset=heading_offset))
