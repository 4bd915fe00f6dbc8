"""Email HTML: the minutes as one table-based page with every style inlined.

Built for Outlook's Word engine and Gmail: a centred table (``role="presentation"``,
``width``/``bgcolor``/``cellpadding`` attributes) 680 px wide, fluid below that on phones
(``width:100%;max-width:680px``, with a fixed-width table for Outlook only, which ignores
``max-width``), web-safe fonts, no ``<script>`` or ``<link>``, and no ``<style>`` but one
inside ``<!--[if mso]>`` for Outlook's Word engine. The stylesheet below is inlined (minified)
with css-inline (remote loading off); what is inherited is set once, on the content cell, to
keep the HTML under Gmail's 102 KB clip (``export/mailsize.py``). The export theme does not
apply: email clients need their own, simpler rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from html import escape

import css_inline

from ..domain.model import Meeting
from .document import Doc, build
from .fragments import Fragment, entries, page_parts
from .html import page_title
from .html_body import Body
from .shapes import inline_items

WIDTH = 680

FONT = "Arial, Helvetica, sans-serif"

#: Long words and URLs break inside the column instead of widening the page on a phone.
#: ``overflow-wrap: anywhere`` (and the older ``word-break: break-word`` for WebKit mail apps)
#: also lowers a cell's min-content width, so auto-width tables stop growing to hold the word.
#: Not ``word-break: break-all``: it breaks ordinary words at the line's end ("aftal|en").
BREAK = "word-break: break-word; overflow-wrap: anywhere;"
#: Labels keep their words whole: a squeezed auto-width table would otherwise break a word
#: or put the colon of "Secretary:" on a line of its own. The document type ("Referat",
#: "Minutes") never breaks: beside the case header on a phone it moves under it instead.
WHOLE_WORDS = "word-break: normal; overflow-wrap: break-word;"
#: Outlook's Word engine adds to a line height unless told it is exact; before line-height.
EXACT = "mso-line-height-rule: exactly;"

#: Font, size, line height and word breaking are set once, on the content cell, and
#: inherited (Gmail, Outlook.com, Apple Mail, Thunderbird); an element repeats only what it
#: changes. Outlook's Word engine does not pass them on: it reads :data:`OUTLOOK_CSS`.
CSS = f"""
body {{ margin: 0; padding: 0; background-color: #f2f2f2; }}
th {{ {WHOLE_WORDS} }}
p.doctype {{ word-break: normal; overflow-wrap: normal; }}
div.text th {{ {BREAK} }}
table.sheet {{ table-layout: fixed; }}
td.outer-cell {{ padding: 16px 8px; }}
td.content {{ padding: 24px 28px; font-family: {FONT}; font-size: 14px; {EXACT} line-height: 20px;
  color: #1a1a1a; {BREAK} }}
p {{ margin: 0 0 10px; }}
li {{ margin: 0 0 4px; }}
ul, ol {{ margin: 0 0 10px 24px; padding: 0; }}
h1 {{ margin: 20px 0 12px; font-size: 22px; {EXACT} line-height: 28px; color: #1f3864; }}
table.h2 {{ margin: 10px 0 8px; }}
td.h2 {{ padding: 14px 0 3px; border-bottom: 1px solid #8eaadb; }}
h2 {{ margin: 0; font-size: 17px; {EXACT} line-height: 22px; color: #1f3864; }}
h3 {{ margin: 16px 0 6px; font-size: 15px; color: #2f5496; }}
h4, h5, h6 {{ margin: 12px 0 6px; font-size: 14px; }}
p.doctype {{ margin: 0 0 8px; font-size: 24px; {EXACT} line-height: 30px; font-weight: bold;
  color: #1f3864; }}
td.marker {{ padding: 2px 6px; border: 2px solid #b00020; color: #b00020; font-size: 13px;
  {EXACT} line-height: 18px; font-weight: bold; letter-spacing: 1px; }}
td.marker.approved {{ border-color: #1e6b30; color: #1e6b30; letter-spacing: 0; }}
td.doc-case {{ padding: 4px 0 4px 12px; }}
table.case th {{ white-space: nowrap; font-weight: normal; }}
table.case th, table.case td {{ font-size: 12px; {EXACT} line-height: 16px; color: #444444;
  text-align: left; padding: 0 10px 0 0; }}
td.whole, span.whole {{ white-space: nowrap; }}
table.facts th, table.facts td {{ text-align: left; padding: 0 10px 0 0; }}
table.agenda {{ border-collapse: collapse; margin: 4px 0 12px; }}
table.agenda th {{ text-align: left; white-space: nowrap; background-color: #d9e2f3;
  border-bottom: 1px solid #8eaadb; }}
table.agenda td {{ border-bottom: 1px solid #d9d9d9; }}
td.num, td.time {{ white-space: nowrap; padding-right: 12px; }}
table.participants {{ table-layout: fixed; margin: 0 0 10px; }}
td.participant-name {{ padding: 0 12px 4px 0; }}
td.participant-details {{ padding: 0 0 4px; }}
p.topic {{ margin: 14px 0 4px; }}
p.subtopic {{ margin: 8px 0 4px; }}
p.written-label {{ margin: 6px 0 4px; font-size: 13px; font-weight: bold; color: #595959; }}
p.subtopic.sub {{ margin: 8px 0 4px 16px; }}
p.written-label.sub {{ margin: 6px 0 4px 16px; }}
ul.sub {{ margin: 0 0 10px 40px; }}
ul.written {{ color: #404040; }}
em.attribution {{ color: #595959; }}
li.done {{ color: #595959; }}
blockquote {{ margin: 0 0 10px; padding: 0 0 0 10px; border-left: 3px solid #d9d9d9;
  color: #404040; }}
code {{ font-family: Consolas, 'Courier New', monospace; font-size: 13px; }}
pre {{ margin: 0 0 10px; padding: 8px; background-color: #f2f2f2; white-space: pre-wrap; }}
div.text table {{ border-collapse: collapse; margin: 0 0 10px; }}
div.text th, div.text td {{ border: 1px solid #bfbfbf; padding: 3px 6px; }}
a {{ color: #2f5496; }}
table.closing {{ margin: 28px 0 0; }}
td.closing {{ padding: 8px 0 0; border-top: 1px solid #8eaadb; }}
p.confidential-doc {{ margin: 8px 0 0; color: #b00020; letter-spacing: 1px; }}
em.confidential {{ color: #b00020; font-weight: bold; }}
"""

#: What Outlook's Word engine (Outlook for Windows 2007-2021) does not inherit, by element,
#: in a ``<style>`` only it reads (inside ``<!--[if mso]>``; other clients see a comment).
#: An element's own inline style still wins over these.
OUTLOOK_CSS = (
    f"td, th, p, li, h1, h2, h3, h4, h5, h6, blockquote {{ font-family: {FONT}; }}\n"
    f"td, th, p, li, h3, h4, h5, h6 {{ font-size: 14px; {EXACT} line-height: 20px; }}\n"
    f"td, th, p, li, h1, h2, h3, h4, h5, h6 {{ {BREAK} }}\n"
)

#: Outlook for Windows: PNG images allowed, and lengths in CSS pixels at 96 PPI (on a
#: 120-PPI screen it would otherwise scale the fixed widths and not the images).
OUTLOOK_SETTINGS = (
    "<xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch>"
    "</o:OfficeDocumentSettings></xml>"
)


@lru_cache(maxsize=1)
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(
        load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False, minify_css=True
    )


#: Once the styles are inline, the classes of the text elements and the ``div`` around each
#: item, section and text have done their work: no mail client reads them (about a tenth of
#: the bytes). So have those of the cells repeated for every item (its heading, its agenda
#: row); the page's own layout tables and the document type keep theirs.
_TEXT_CLASS = re.compile(
    r'(<(?:p|ul|ol|li|em|strong|h[1-6])\b[^>]*?) class="(?!doctype"|confidential-doc")[^"]*"'
    r'|(<(?:table|td)) class="(?:h2|closing|num|time|activity)"'
)
_DIV = re.compile(r"</?div\b[^>]*>\n?")


def thin(page: str) -> str:
    """``page`` (inlined) without what only the inliner needed: text classes and bare divs."""
    return _TEXT_CLASS.sub(lambda m: m.group(1) or m.group(2), _DIV.sub("", page))


def inline_page(doc: Doc, body: str) -> str:
    """The email page around ``body``, its styles inlined (what :func:`render_parts` gives)."""
    return thin(_inliner().inline(_page(doc, body)))


def _page(doc: Doc, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.lang)}" xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Light only: the sheet sets its own colours; clients that darken mail leave it be.
        '<meta name="color-scheme" content="light only">\n'
        '<meta name="supported-color-schemes" content="light">\n'
        f"<title>{escape(page_title(doc))}</title>\n"
        f"<!--[if mso]>{OUTLOOK_SETTINGS}\n<style>\n{OUTLOOK_CSS}</style><![endif]-->\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        '<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0"'
        ' border="0" bgcolor="#f2f2f2"><tr><td class="outer-cell" align="center">\n'
        # Outlook (Word) ignores max-width: a fixed-width table only it sees holds the sheet.
        f'<!--[if mso]><table role="presentation" width="{WIDTH}" cellpadding="0"'
        ' cellspacing="0" border="0" align="center"><tr><td><![endif]-->\n'
        f'<table role="presentation" class="sheet" width="{WIDTH}" cellpadding="0"'
        ' cellspacing="0" border="0" bgcolor="#ffffff" align="center"'
        f' style="width:100%;max-width:{WIDTH}px"><tr><td class="content" align="left">\n'
        f"{body}\n</td></tr></table>\n"
        "<!--[if mso]></td></tr></table><![endif]-->\n"
        "</td></tr></table>\n</body>\n</html>\n"
    )


#: One of every element the Markdown renderer can produce, in a section's context.
_PROBE = (
    '<div class="text"><p>x</p><ul><li>x</li></ul><ol><li>x</li></ol>'
    '<p><a href="https://example.org">x</a><strong>x</strong><em>x</em><s>x</s><del>x</del>'
    '<code>x</code><em class="attribution">x</em></p><pre>x</pre><blockquote>x</blockquote>'
    "<h4>x</h4><h5>x</h5><h6>x</h6>"
    "<table><thead><tr><th>x</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table><hr>"
    "</div>"
)
_BARE_TAGS = ("p", "ul", "ol", "li", "strong", "em", "s", "del", "code", "pre", "blockquote",
              "h4", "h5", "h6", "table", "th", "td", "hr")  # fmt: skip
_ATTRIBUTION = '<em class="attribution">'
#: A table cell with attributes (text-align).
_CELL = re.compile(r"<(th|td)(\s[^>]*)>")
_ITEM_KEY = re.compile("\ue005(\\d+)\ue006")
_SEPARATOR = "\ue002"


@lru_cache(maxsize=1)
def _fragment_styles() -> dict[str, str]:
    """The inline style of each Markdown element, as css-inline computes it from ``CSS``."""
    probe = Doc.__new__(Doc)
    probe.lang, probe.title, probe.doc_type = "en", "", ""
    inlined = _inliner().inline(_page(probe, _PROBE))
    region = inlined.split('<div class="text"', 1)[1]
    styles: dict[str, str] = {}
    for match in re.finditer(r'<([a-z0-9]+)\b([^>]*?)\sstyle="([^"]*)"', region):
        tag = match.group(1)
        if 'class="attribution"' in match.group(2):
            tag = "em.attribution"
        styles.setdefault(tag, match.group(3))
    return styles


@lru_cache(maxsize=1)
def _fragment_rules() -> tuple[list[tuple[str, str]], dict[str, str], re.Pattern[str]]:
    """How to style rendered Markdown: plain replacements for the elements with attributes
    (nh3 writes ``<a href=…``, ``<ol start=…``; the attribution is ours), and for the bare
    elements (``<p>``) a table and one pattern that finds them all."""
    styles = _fragment_styles()
    plain = [(f"<{tag} ", f'<{tag} style="{styles[tag]}" ') for tag in ("a", "ol") if tag in styles]
    if "em.attribution" in styles:
        style = styles["em.attribution"]
        plain.append((_ATTRIBUTION, f'<em style="{style}">'))
    bare = {f"<{tag}>": f'<{tag} style="{styles[tag]}">' for tag in _BARE_TAGS if tag in styles}
    # "<" first: the regex engine then skips ahead to each "<" instead of trying every place.
    names = [tag for tag in _BARE_TAGS if tag in styles]
    return plain, bare, re.compile("<(?:" + "|".join(names) + ")>" if names else "(?!)")


def _style_cell(match: re.Match[str]) -> str:
    """A table cell with attributes (nh3 keeps only ``style="text-align:…"``): ours first."""
    tag, attrs = match.group(1), match.group(2)
    value = _fragment_styles().get(tag)
    if not value:
        return match.group(0)
    if ' style="' in attrs:  # keep it, after ours
        merged = attrs.replace(' style="', f' style="{value} ', 1)
        return f"<{tag}{merged}>"
    return f'<{tag} style="{value}"{attrs}>'


#: Fragment parts are styled together up to this many characters.
_STYLE_BATCH = 1 << 18


def _style_batch(batch: list[tuple[bool, str]]) -> list[str]:
    """The parts of ``batch``, each Markdown part (``True``) styled (each distinct one once)."""
    unique = list(dict.fromkeys(part for markdown, part in batch if markdown))
    if not unique:
        return [part for _, part in batch]
    plain, bare, bare_tag = _fragment_rules()
    html = _SEPARATOR.join(unique)
    for old, new in plain:
        html = html.replace(old, new)
    if "<th " in html or "<td " in html:
        html = _CELL.sub(_style_cell, html)
    html = bare_tag.sub(lambda match: bare[match.group(0)], html)
    styled = dict(zip(unique, html.split(_SEPARATOR), strict=True))
    return [styled[part] if markdown else part for markdown, part in batch]


def _styled(found: list[str | Fragment]) -> Iterator[str]:
    """The page's parts (``fragments.entries``), the Markdown given the same inline styles
    css-inline gives the page, a batch at a time (a part is whole elements, and no rule
    matches across two of them)."""
    batch: list[tuple[bool, str]] = []
    size = 0
    for markdown, part in page_parts(found):
        batch.append((markdown, part))
        size += len(part) if markdown else 0
        if size >= _STYLE_BATCH:
            yield from _style_batch(batch)
            batch, size = [], 0
    yield from _style_batch(batch)


def _ending_in_one_newline(parts: Iterator[str]) -> Iterator[str]:
    """``parts`` as ``"".join(parts).rstrip("\\n") + "\\n"`` would be cut up."""
    last = None  # the last part with more than newlines, held back
    held: list[str] = []  # newline-only parts after it
    for part in parts:
        if part.count("\n") == len(part):
            held.append(part)
            continue
        if last is not None:
            yield last
        yield from held
        last, held = part, []
    yield ("" if last is None else last.rstrip("\n")) + "\n"


def render_parts(doc: Doc) -> Iterator[str]:
    """Email HTML for ``doc``, in parts.

    css-inline runs on the page without the rendered Markdown (placeholders stand in for
    it), with the agenda items inlined once per shape (``export/shapes.py``); the Markdown
    fragments then get the styles css-inline computed for each of their elements, as they
    are given. Same result as inlining the whole page, a fraction of the time and memory on
    big meetings.
    """
    body = Body(doc, email=True, placeholders=True)
    items = [body.item(item) for item in doc.items]
    inlined = inline_items(items, lambda inner: _inliner().inline(_page(doc, inner)))
    keys = [
        html if done is None else _item_key(n)
        for n, (html, done) in enumerate(zip(items, inlined, strict=True))
    ]
    page = _inliner().inline(_page(doc, body.render(keys)))
    page = thin(_ITEM_KEY.sub(lambda m: inlined[int(m.group(1))] or "", page))
    return _ending_in_one_newline(_styled(entries(page, body.fragments)))


def render_doc(doc: Doc) -> str:
    """Email HTML for ``doc`` (see :func:`render_parts`)."""
    return "".join(render_parts(doc))


def _item_key(index: int) -> str:
    return f"\ue005{index}\ue006"


def render(meeting: Meeting, *, include_closed: bool = False) -> str:
    """The meeting as email-ready HTML (styles inlined; closed items whole only if asked)."""
    return render_doc(build(meeting, include_closed=include_closed))
