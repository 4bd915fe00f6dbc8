"""The one Markdown configuration for exports and the editor preview.

CommonMark plus pipe tables, via markdown-it-py. Meeting text is untrusted:

- Raw HTML never reaches any output. The parser *recognises* HTML (so it can be cut out
  precisely) and a core rule removes it at once: inline tags vanish (their inner text stays),
  an HTML block is replaced by its visible text (``<script>``/``<style>`` content dropped).
- Link validation: every link and image URL is checked with :func:`is_safe_url` (http, https,
  mailto, or a relative URL). An unsafe link is unwrapped: its text stays, the URL goes; an
  unsafe autolink goes entirely. Images never become ``<img>`` (no remote loading, no
  ``data:`` URLs): a safe one becomes a link with its alt text, an unsafe one its alt text.
- :func:`md_to_html` sanitises the result once more with nh3 (a minimal tag set; URL schemes
  http, https and mailto only).

The core rule runs inside the parser, so ``parser().render(text)`` is safe as well, and every
renderer of the tokens (HTML, plain text, Markdown) sees clean tokens.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

#: URL schemes a link may use. Relative URLs (no scheme) are allowed as well.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

#: Tags the sanitiser keeps: what the Markdown renderer produces, nothing more.
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "s", "del",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip

_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
#: Inline source that may hold raw HTML, a link or an image; anything else needs no cleaning.
_MAY_LINK = re.compile(r"[<\[]")

#: Env key set by the core rule when it removed or unwrapped anything.
NEUTRALISED = "referat_neutralised"
#: Env key: add this to every heading level (content headings under document headings).
HEADING_OFFSET = "referat_heading_offset"


def is_safe_url(url: str) -> bool:
    """True for http, https and mailto URLs and for relative URLs; False for anything else.

    Percent-escapes, whitespace and control characters are removed before the scheme is
    read, as browsers do, so ``java%09script:`` or ``jav&#x09;ascript:`` do not slip through.
    """
    probe = _CONTROL.sub("", unquote(url))
    match = _SCHEME.match(probe)
    if match is None:
        # No scheme: relative, unless a ':' comes before any '/', '?' or '#'.
        head = re.split(r"[/?#]", probe, maxsplit=1)[0]
        return ":" not in head
    return match.group(1).lower() in SAFE_SCHEMES


def _html_block_text(content: str) -> str:
    """The visible text of a raw HTML block (tags and script/style content removed)."""
    text = nh3.clean(content, tags=set(), clean_content_tags={"script", "style"})
    # nh3 returns HTML-escaped text; Markdown text tokens carry plain text.
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    text = text.replace("&#39;", "'").replace("&amp;", "&")
    return " ".join(text.split())


def _clean_inline(children: list[Token]) -> tuple[list[Token], bool]:
    out: list[Token] = []
    changed = False
    links: list[str] = []  # for each open link: "keep", "unwrap" or "drop" (unsafe autolink)
    for tok in children:
        dropping = "drop" in links
        if tok.type == "html_inline":
            changed = True
        elif tok.type == "link_open":
            mode = "keep"
            if not is_safe_url(str(tok.attrGet("href") or "")):
                changed = True
                mode = "drop" if tok.markup == "autolink" else "unwrap"
            links.append(mode)
            if mode == "keep" and not dropping:
                out.append(tok)
        elif tok.type == "link_close":
            mode = links.pop() if links else "keep"
            if mode == "keep" and "drop" not in links:
                out.append(tok)
        elif tok.type == "image":
            changed = True
            if dropping:
                continue
            alt = tok.content or "".join(child.content for child in tok.children or [])
            text = Token("text", "", 0, content=alt)
            src = str(tok.attrGet("src") or "")
            if src and is_safe_url(src) and not links:
                link_open = Token("link_open", "a", 1, attrs={"href": src})
                out.extend([link_open, text, Token("link_close", "a", -1)])
            else:
                out.append(text)
        elif not dropping:
            out.append(tok)
    return out, changed


#: Set by link validation during a parse when a link or image URL is unsafe (per thread).
_seen = threading.local()


def _note_link(url: str) -> bool:
    """markdown-it's link validation: accept every URL (so the link is parsed and the core
    rule can unwrap it, keeping its text) but note an unsafe one."""
    if not is_safe_url(url):
        _seen.unsafe = True
    return True


def _neutralise(state: StateCore) -> None:
    """Core rule: remove raw HTML, unwrap unsafe links, turn images into links or text."""
    env = state.env if isinstance(state.env, dict) else {}
    offset = int(env.get(HEADING_OFFSET, 0) or 0)
    unsafe_link = getattr(_seen, "unsafe", False)
    _seen.unsafe = False
    # Fast path: without '<' (raw HTML, autolinks), '![' (images) or an unsafe URL noted
    # during parsing there is nothing to clean.
    if not (unsafe_link or "<" in state.src or "![" in state.src):
        if offset:
            for tok in state.tokens:
                if tok.type in ("heading_open", "heading_close"):
                    tok.tag = f"h{min(6, int(tok.tag[1]) + offset)}"
        return
    changed = False
    tokens: list[Token] = []
    for tok in state.tokens:
        if tok.type == "html_block":
            changed = True
            text = _html_block_text(tok.content)
            if text:
                para = Token("paragraph_open", "p", 1, map=tok.map, level=tok.level)
                inline = Token("inline", "", 0, content=text, level=tok.level + 1)
                inline.children = [Token("text", "", 0, content=text)]
                close = Token("paragraph_close", "p", -1, level=tok.level)
                tokens.extend([para, inline, close])
            continue
        if tok.type == "inline" and tok.children and _MAY_LINK.search(tok.content):
            tok.children, inline_changed = _clean_inline(tok.children)
            changed = changed or inline_changed
        elif offset and tok.type in ("heading_open", "heading_close"):
            tok.tag = f"h{min(6, int(tok.tag[1]) + offset)}"
        tokens.append(tok)
    state.tokens = tokens
    if changed:
        env[NEUTRALISED] = True


def _build_parser(skip: frozenset[str] = frozenset()) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable("table")
    # Link validation notes unsafe URLs but lets the link be parsed, so that the core rule
    # can unwrap it and keep its text (markdown-it's default would leave "[x](javascript:…)"
    # as literal text, URL and all).
    md.validateLink = _note_link  # type: ignore[method-assign]
    md.core.ruler.after("block", "referat_batch_check", _check_batch)
    md.core.ruler.push("referat_neutralise", _neutralise)
    if skip:
        md.block.ruler.disable(sorted(skip))
    return md


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The shared MarkdownIt instance (build once, reuse everywhere)."""
    return _build_parser()


#: Block rules that can only start a block at one of these characters (a table needs a "|"
#: in its header row, a fence "```" or "~~~", a quote ">", a reference definition "[", an
#: HTML block "<", a heading "#"). Every line is offered to each block rule in turn, so a
#: source without these characters is parsed faster without those rules, with the same
#: result.
_BLOCK_RULE_CHARS = {
    "table": "|",
    "fence": "`~",
    "blockquote": ">",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}
#: Block rules whose line is made of its marker characters (and spaces or tabs): a setext
#: heading's underline, a thematic break. Such a line ends with a marker.
_LINE_RULE_MARKERS = {"lheading": "-=", "hr": "-*_"}


def _unusable_rules(text: str) -> frozenset[str]:
    """The block rules that cannot match anywhere in ``text``."""
    skip = {rule for rule, chars in _BLOCK_RULE_CHARS.items() if not any(c in text for c in chars)}
    if "\r" not in text:  # markdown-it reads a lone "\r" as a line end
        # The last character of each line (one pass: two-character searches are slow).
        ends = {line.rstrip(" \t")[-1:] for line in text.split("\n")}
        skip.update(
            rule
            for rule, markers in _LINE_RULE_MARKERS.items()
            if not any(marker in ends for marker in markers)
        )
    return frozenset(skip)


@lru_cache(maxsize=2 ** (len(_BLOCK_RULE_CHARS) + len(_LINE_RULE_MARKERS)))
def _parser_without(skip: frozenset[str]) -> MarkdownIt:
    return _build_parser(skip)


def _parser_for(text: str) -> MarkdownIt:
    """:func:`parser`, or the same configuration without block rules ``text`` cannot use."""
    skip = _unusable_rules(text)
    return _parser_without(skip) if skip else parser()


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}},
        filter_style_properties={"text-align"},
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def sanitize_html(html: str) -> str:
    """Sanitise an HTML fragment with the export's nh3 policy."""
    return _cleaner().clean(html)


def parse(text: str, *, heading_offset: int = 0, env: dict[str, Any] | None = None) -> list[Token]:
    """Parse ``text`` into clean tokens (HTML removed, unsafe links unwrapped)."""
    env = {} if env is None else env
    if heading_offset:
        env[HEADING_OFFSET] = heading_offset
    return _parser_for(text).parse(text, env)


def tokens_to_html(tokens: list[Token]) -> str:
    """Render clean tokens to sanitised HTML."""
    md = parser()
    return sanitize_html(md.renderer.render(tokens, md.options, {}))


def md_to_html(text: str, *, heading_offset: int = 0) -> str:
    """Markdown to a sanitised HTML fragment; ``heading_offset`` demotes headings (max h6)."""
    if not text.strip():
        return ""
    return tokens_to_html(parse(text, heading_offset=heading_offset))


# -- many texts at once --------------------------------------------------------------------
# An export renders hundreds of small texts. Parsing a batch of them as one source (joined by
# a blank line) saves markdown-it's per-call overhead, and one sanitiser call replaces
# hundreds; batches are bounded (``BATCH_CHARS``) so that a big meeting's tokens are not all
# alive at once. The result must equal doing each text alone, so it is checked: every
# top-level block must lie within one text (an unclosed code fence or HTML comment, a list
# continued by the next text or indented code running on would cross the line where the next
# text starts; a core rule checks this before raw HTML is removed), and no link reference
# definition may be in the batch (definitions are global). Texts with a definition at the
# start of a line, or with a carriage return (markdown-it turns it into a line break, which
# would shift the lines), are parsed alone. Any doubt falls back to one text at a time.

_SEPARATOR = "\ue001"
_DEFINITION = re.compile(r"(?m)^ {0,3}\[[^\]]*\]:")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
#: Env key of a batched parse: the line where each text starts in the joined source.
_BATCH_STARTS = "referat_batch_starts"
#: Env key set by the batch check when a top-level block crosses into the next text.
_BATCH_CROSSED = "referat_batch_crossed"


def _check_batch(state: StateCore) -> None:
    """Core rule, batched parses only: note a top-level block that crosses into another text."""
    env = state.env
    starts = env.get(_BATCH_STARTS) if isinstance(env, dict) else None
    if not starts:
        return
    count = len(starts)
    for tok in state.tokens:
        if tok.level or tok.nesting < 0:
            continue
        if tok.map is None:
            env[_BATCH_CROSSED] = True
            return
        first, end = tok.map
        index = bisect_right(starts, first) - 1
        if index < 0 or (index + 1 < count and end > starts[index + 1]):
            env[_BATCH_CROSSED] = True
            return


def _split_batch(tokens: list[Token], starts: list[int]) -> list[list[Token]]:
    """The tokens of each text of a checked batch, by the line each top-level block starts."""
    parts: list[list[Token]] = [[] for _ in starts]
    current = parts[0]
    for tok in tokens:
        if tok.level == 0 and tok.nesting >= 0 and tok.map is not None:
            current = parts[bisect_right(starts, tok.map[0]) - 1]
        current.append(tok)
    return parts


#: A batch holds texts of at most this many characters together (or one longer text).
BATCH_CHARS = 128 * 1024


def _batches(texts: list[str]) -> Iterator[list[int]]:
    """The indexes of ``texts`` in consecutive batches of at most :data:`BATCH_CHARS`."""
    batch: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        if batch and size + len(text) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(index)
        size += len(text)
    if batch:
        yield batch


def _parse_batch(texts: list[str], heading_offset: int) -> list[list[Token]]:
    result: list[list[Token] | None] = [None] * len(texts)
    batch = [
        i
        for i, text in enumerate(texts)
        if text.strip()
        and "\r" not in text
        and not ("]:" in text and _DEFINITION.search(text))  # the regex is slow on long texts
    ]
    if len(batch) > 1:
        # Each text on lines of its own, a blank line after it; the last one as it is (the
        # end of the source ends its open blocks as the end of the text would).
        chunks = [_LEADING_BLANK_LINES.sub("", texts[i]) for i in batch]
        starts = []
        line = 0
        for k, chunk in enumerate(chunks):
            starts.append(line)
            if k < len(chunks) - 1:
                chunks[k] = chunk = chunk + ("\n" if chunk.endswith("\n") else "\n\n")
                line += chunk.count("\n")
        env: dict[str, Any] = {_BATCH_STARTS: starts}
        tokens = parse("".join(chunks), heading_offset=heading_offset, env=env)
        if not env.get(_BATCH_CROSSED) and not env.get("references"):
            for i, part in zip(batch, _split_batch(tokens, starts), strict=True):
                result[i] = part
    return [
        tokens if tokens is not None else parse(text, heading_offset=heading_offset)
        for text, tokens in zip(texts, result, strict=True)
    ]


def parse_each(texts: list[str], *, heading_offset: int = 0) -> Iterator[list[Token]]:
    """Clean tokens for each of ``texts`` in turn, the same as :func:`parse` on each alone,
    parsed a batch at a time."""
    for batch in _batches(texts):
        yield from _parse_batch([texts[i] for i in batch], heading_offset)


def parse_many(texts: list[str], *, heading_offset: int = 0) -> list[list[Token]]:
    """Clean tokens for each of ``texts``: the same as :func:`parse` on each alone."""
    return list(parse_each(texts, heading_offset=heading_offset))


def md_to_html_many(texts: list[str], *, heading_offset: int = 0) -> list[str]:
    """:func:`md_to_html` of each of ``texts``, rendered and sanitised a batch at a time."""
    out: list[str] = []
    for batch in _batches(texts):
        out += _html_batch([texts[i] for i in batch], heading_offset)
    return out


def _html_batch(texts: list[str], heading_offset: int) -> list[str]:
    md = parser()
    tokens = _parse_batch(texts, heading_offset)
    raw = [
        md.renderer.render(toks, md.options, {}) if text.strip() else ""
        for text, toks in zip(texts, tokens, strict=True)
    ]
    del tokens
    if not any(_SEPARATOR in html for html in raw):
        cleaned = sanitize_html(_SEPARATOR.join(raw)).split(_SEPARATOR)
        if len(cleaned) == len(raw):
            return cleaned
    return [sanitize_html(html) if html else "" for html in raw]
