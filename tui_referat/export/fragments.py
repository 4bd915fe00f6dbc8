"""Rendered Markdown kept out of a page, and put into it as the page is written.

``Body(placeholders=True)`` (``export/html_body.py``) puts :func:`fragment_key` where each
Markdown fragment belongs, so that css-inline and the page's own f-strings never copy a big
meeting's text. A section's text is not even rendered then (:class:`Deferred`): its HTML is
made as the page is written (:func:`page_parts`), a batch of texts or a piece of a long text
at a time, so that it is never all in memory at once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..text.markdown_html import md_to_html_many
from .longtext import is_long, iter_html_parts


@dataclass(frozen=True)
class Deferred:
    """A Markdown text whose HTML (stripped, headings demoted by ``offset``) is made as the
    page is written."""

    text: str
    offset: int


#: A fragment: HTML in parts, or a text to render.
Fragment = list[str] | Deferred

#: Short texts rendered together, up to this many characters.
_BATCH = 1 << 17


def fragment_key(index: int) -> str:
    """The placeholder for fragment ``index``: private-use characters that survive inlining."""
    return f"\ue000{index}\ue001"


_KEY = re.compile("\ue000(\\d+)\ue001")


def entries(page: str, fragments: list[Fragment]) -> list[str | Fragment]:
    """The text of ``page`` between placeholders, and in their places their fragments."""
    found: list[str | Fragment] = list(_KEY.split(page))
    for k in range(1, len(found), 2):
        found[k] = fragments[int(str(found[k]))]
    return found


def stripped(parts: Iterable[str]) -> Iterator[str]:
    """``parts`` as ``"".join(parts).strip()`` would be cut up (blank parts at the ends go)."""
    held: str | None = None  # the last part with more than white space, held back
    blank: list[str] = []  # blank parts after it
    for part in parts:
        if not part or part.isspace():
            if held is not None:
                blank.append(part)
            continue
        if held is None:
            part = part.lstrip()
        else:
            yield held
            yield from blank
        held, blank = part, []
    if held is not None:
        yield held.rstrip()


def _render_ahead(found: list[str | Fragment], index: int, first: Deferred) -> dict[str, str]:
    """The stripped HTML of ``first`` and of the short texts deferred after it, about
    :data:`_BATCH` characters of them, rendered together."""
    texts = {first.text: None}
    size = len(first.text)
    for entry in itertools.islice(found, index + 1, None):
        if size >= _BATCH:
            break
        if not isinstance(entry, Deferred) or entry.offset != first.offset:
            continue
        if entry.text not in texts and not is_long(entry.text):
            texts[entry.text] = None
            size += len(entry.text)
    html = md_to_html_many(list(texts), heading_offset=first.offset)
    return {text: part.strip() for text, part in zip(texts, html, strict=True)}


def page_parts(found: list[str | Fragment]) -> Iterator[tuple[bool, str]]:
    """The parts of a page (:func:`entries`) in order, each with ``True`` when it is rendered
    Markdown; the entries are dropped from ``found`` as they are given."""
    ready: dict[str, str] = {}
    for index, entry in enumerate(found):
        found[index] = ""
        if isinstance(entry, str):
            yield False, entry
        elif isinstance(entry, list):
            for part in entry:
                yield True, part
        elif is_long(entry.text):
            for part in stripped(iter_html_parts(entry.text, heading_offset=entry.offset)):
                yield True, part
        else:
            if entry.text not in ready:
                ready = _render_ahead(found, index, entry)
            yield True, ready[entry.text]


def fill(page: str, fragments: list[Fragment]) -> Iterator[str]:
    """The parts of ``page`` with each placeholder replaced by its fragment."""
    for _, part in page_parts(entries(page, fragments)):
        yield part
