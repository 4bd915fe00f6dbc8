"""The HTML body of the minutes, shared by the html page and the email.

Plain fields are escaped here; Markdown fields go through the shared, sanitising renderer
with headings demoted below the document's own (h1 title, h2 item, h3 section).
``email=True`` swaps the HTML5 sectioning elements for ``div`` and adds the table attributes
Outlook's Word engine needs (``cellpadding``, ``border``, ``width``).
"""

from __future__ import annotations

import re
from html import escape

from ..text.markdown_html import md_to_html_many
from .doc_parts import single_lines
from .document import Doc, ItemView, ParticipantLine, RemarkView, Section
from .fragments import Deferred, Fragment, fragment_key, stripped
from .longtext import is_long, iter_html_parts

#: Content headings start at h4: the document uses h1-h3.
HEADING_OFFSET = 3


def _e(text: str) -> str:
    return escape(text, quote=True)


_UL_TAG = re.compile(r"<(/?)ul>")
#: Facts about who (the right-hand column of the facts, as in the reference).
PEOPLE_FACTS = frozenset({"chair", "secretary"})


def list_items(html: str) -> str | None:
    """The ``<li>`` elements of ``html`` when it is one bullet list and nothing else.

    A remark written as a list is shown as that many remarks: a bullet holding only another
    bullet list reads as a stray, empty bullet.
    """
    if not (html.startswith("<ul>") and html.endswith("</ul>")):
        return None
    depth = 0
    for match in _UL_TAG.finditer(html):
        depth += -1 if match.group(1) else 1
        if depth == 0 and match.end() != len(html):
            return None
    return html[4:-5].strip()


#: A case-header value up to this long is kept on one line (a longer one may wrap).
WHOLE_LENGTH = 24


def whole_value(value: str) -> str:
    """The cell of a case-header value in mail, kept whole where it fits: "2026-004512" or
    "26-118042-7" never break at a hyphen on a phone. One word is a ``nowrap`` cell; in a
    value of several words each word with a hyphen or slash is a ``nowrap`` span, so the
    value still wraps between its words. The text is unchanged (no U+2011): a case number
    copied from the mail is the number."""
    words = value.split(" ")
    if len(words) == 1:
        cls = ' class="whole"' if len(value) <= WHOLE_LENGTH else ""
        return f"<td{cls}>{_e(value)}</td>"
    spans = [
        f'<span class="whole">{_e(w)}</span>'
        if len(w) <= WHOLE_LENGTH and ("-" in w or "/" in w)
        else _e(w)
        for w in words
    ]
    return f"<td>{' '.join(spans)}</td>"


def _remark_texts(doc: Doc) -> list[str]:
    """The distinct, non-blank texts of the remarks of ``doc``."""
    texts = [
        remark.text
        for item in doc.items
        for section in item.sections
        for group in section.groups
        for remark in (*group.said, *group.written)
    ]
    return list(dict.fromkeys(t for t in texts if t and not t.isspace() and not is_long(t)))


class Body:
    def __init__(self, doc: Doc, *, email: bool = False, placeholders: bool = False) -> None:
        self.doc = doc
        self.email = email
        #: With ``placeholders``, rendered Markdown is kept out of the page: :meth:`render`
        #: puts ``fragment_key(n)`` where ``fragments[n]`` belongs, and a section's text is
        #: rendered only as the page is written (see ``export/fragments.py``).
        self.placeholders = placeholders
        self.fragments: list[Fragment] = []
        # Remarks are looked at as they are laid out (a list, an attribution): rendered now.
        texts = _remark_texts(doc)
        html = md_to_html_many(texts, heading_offset=HEADING_OFFSET)
        #: The HTML of each text, stripped, in parts (one part unless the text is long).
        self._md_cache = {t: [h.strip()] for t, h in zip(texts, html, strict=True)}

    # -- helpers ---------------------------------------------------------------------------

    def md_parts(self, text: str) -> list[str]:
        parts = self._md_cache.get(text)
        if parts is None:
            parts = list(stripped(iter_html_parts(text, heading_offset=HEADING_OFFSET)))
            self._md_cache[text] = parts
        return parts

    def md_html(self, text: str) -> str:
        return "".join(self.md_parts(text))

    def fragment(self, html: str) -> str:
        if not self.placeholders:
            return html
        return self._key([html])

    def _key(self, fragment: Fragment) -> str:
        self.fragments.append(fragment)
        return fragment_key(len(self.fragments) - 1)

    def md(self, text: str) -> str:
        """The HTML of a section's text; with placeholders, its key (rendered later)."""
        if not self.placeholders:
            return self.md_html(text)
        return self._key(Deferred(text, HEADING_OFFSET))

    def table_attrs(self, layout: bool, width: str = "") -> str:
        attrs = ' role="presentation"' if layout else ""
        if self.email:
            attrs += ' cellpadding="0" cellspacing="0" border="0"'
            if width:
                attrs += f' width="{width}"'
        return attrs

    def block(self, tag: str, cls: str, inner: str, extra: str = "") -> str:
        if self.email:
            tag = "div"
        return f'<{tag} class="{cls}"{extra}>\n{inner}\n</{tag}>'

    def h2(self, inner: str) -> str:
        """A second-level heading. In mail, its rule and the room above and under the words
        are a table cell's border and padding: Outlook's Word engine ignores padding on
        ``h2`` and ``div``."""
        if not self.email:
            return f"<h2>{inner}</h2>"
        return self.ruled("h2", f"<h2>{inner}</h2>")

    def ruled(self, cls: str, inner: str) -> str:
        """``inner`` in a one-cell layout table of class ``cls`` (email only)."""
        return (
            f'<table class="{cls}"{self.table_attrs(True, "100%")}><tr>'
            f'<td class="{cls}">{inner}</td></tr></table>'
        )

    def label_rows(self, pairs: list[tuple[str, str]], cls: str) -> str:
        # In mail, a row's cells sit at its top (valign, once a row, rather than CSS per cell).
        top = ' valign="top"' if self.email else ""
        whole = self.email and cls == "case"
        rows = "\n".join(
            f'<tr{top}><th scope="row">{_e(label)}:</th>'
            f"{whole_value(value) if whole else f'<td>{_e(value)}</td>'}</tr>"
            for label, value in pairs
        )
        return f'<table class="{cls}"{self.table_attrs(True)}>\n{rows}\n</table>'

    # -- parts -----------------------------------------------------------------------------

    def head(self) -> str:
        doc = self.doc
        state = "draft" if doc.draft else "approved"
        case = self.label_rows(doc.header, "case") if doc.header else ""
        if self.email:
            # No flexbox in mail clients: a two-cell layout table. The marker is a bordered
            # cell of its own, a box even when it wraps on a phone (a span's border breaks).
            kind = f'<p class="doctype">{_e(doc.doc_type)}</p>'
            if doc.confidential:
                kind += "\n" + self.confidential()
            # The draft or approved marker sits in the case header box, above the fields.
            box = (
                f'<table class="marker-box"{self.table_attrs(True)}><tr>'
                f'<td class="marker {state}">{_e(doc.marker)}</td></tr></table>'
            )
            inner = f"{box}\n{case}" if case else box
            # A table aligned right floats (Outlook too): the document type stands left of
            # it, or under it on a phone when both do not fit side by side, so the case
            # header's values keep their whole width (see whole_value).
            case = (
                f'<table class="doc-case"{self.table_attrs(True)} align="right"><tr>'
                f'<td class="doc-case" align="right">\n{inner}\n</td></tr></table>'
            )
            return (
                f'<table class="doc-head"{self.table_attrs(True, "100%")}><tr>'
                f'<td class="doc-type" valign="top">\n{case}\n{kind}\n</td></tr></table>'
            )
        marker = f'<p class="marker-line"><span class="marker {state}">{_e(doc.marker)}</span></p>'
        kind = f'<p class="doctype">{_e(doc.doc_type)}</p>'
        if doc.confidential:  # under the document type, left of the case header
            kind = f"<div>\n{kind}\n{self.confidential()}\n</div>"
        # The draft or approved marker belongs in the case header box, not the heading.
        parts = [kind, f'<div class="case-box">\n{marker}\n{case}\n</div>' if case else marker]
        return self.block("header", "doc-head", "\n".join(p for p in parts if p))

    def confidential(self) -> str:
        """ "FORTROLIGT – indeholder lukkede punkter" when closed items are shown, else ""."""
        if not self.doc.confidential:
            return ""
        return f'<p class="confidential-doc"><strong>{_e(self.doc.confidential)}</strong></p>'

    @staticmethod
    def mark(text: str) -> str:
        """ " (Fortroligt)" after a closed item's heading and agenda row; "" for the others."""
        return f' <em class="confidential">({_e(text)})</em>' if text else ""

    def facts(self) -> str:
        """Date, time and place; with chair and secretary beside them on a page."""
        doc = self.doc
        if not doc.facts:
            return ""
        keys = doc.fact_keys if len(doc.fact_keys) == len(doc.facts) else []
        people = [f for f, k in zip(doc.facts, keys, strict=True) if k in PEOPLE_FACTS]
        if self.email or not people or len(people) == len(doc.facts):
            return self.label_rows(doc.facts, "facts")
        when = [f for f, k in zip(doc.facts, keys, strict=True) if k not in PEOPLE_FACTS]
        return (
            '<div class="facts-cols">\n'
            f"{self.label_rows(when, 'facts')}\n{self.label_rows(people, 'facts')}\n</div>"
        )

    def agenda(self) -> str:
        doc = self.doc
        if not doc.agenda:
            return ""
        # Number and time take the room they need (width="1%" for Outlook), the activity the rest.
        # In mail, the header shade is an attribute as well (bgcolor: older Outlooks).
        shade = ' bgcolor="#d9e2f3"' if self.email else ""
        narrow = ' width="1%"' if self.email else ""
        columns = list(zip(("num", "time", "activity"), doc.agenda_columns, strict=True))
        if not doc.agenda_times:  # no item has a planned time: no "Ca. tid" column
            del columns[1]
        cols = "".join(
            f'<th scope="col" class="{cls}"{shade}{narrow if cls != "activity" else ""}>'
            f"{_e(c)}</th>"
            for cls, c in columns
        )
        rows = []
        top = ' valign="top"' if self.email else ""
        for row, item in zip(doc.agenda, doc.items, strict=True):
            activity = _e(row.activity)
            if not self.email:
                activity = f'<a href="#{item.anchor}">{activity}</a>'
            activity += self.mark(row.confidential)
            time = f'<td class="time">{_e(row.time)}</td>' if doc.agenda_times else ""
            rows.append(
                f'<tr{top}><td class="num">{_e(row.number)}</td>'
                f'{time}<td class="activity">{activity}</td></tr>'
            )
        attrs = ' cellpadding="6" cellspacing="0" border="0" width="100%"' if self.email else ""
        return (
            f"{self.h2(_e(doc.agenda_label))}\n"
            f'<table class="agenda"{attrs}>\n<thead><tr>{cols}</tr></thead>\n'
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
        ) + (f'\n<p class="handled-order">{_e(doc.agenda_note)}</p>' if doc.agenda_note else "")

    def participants(self) -> str:
        doc = self.doc
        if not doc.participants:
            return ""
        label = self.h2(_e(doc.participants_label))
        if not doc.participant_groups:
            return f"{label}\n{self.participant_lines(doc.participants)}"
        groups = [
            f'<h3 class="participants">{_e(name)}</h3>\n{self.participant_lines(lines)}'
            for name, lines in doc.participant_groups
        ]
        return "\n".join([label, *groups])

    def participant_lines(self, people: list[ParticipantLine]) -> str:
        if self.email:
            # A name column and a details column: the details' wrapped lines stay indented in
            # Gmail (which drops a negative text-indent) and Outlook (which drops list bullets
            # unreliably).
            rows = "\n".join(
                f'<tr class="participant"><td class="participant-name" width="35%" valign="top">'
                f"{_e(p.name_part)}</td>"
                f'<td class="participant-details" valign="top">{_e(p.details_part)}</td></tr>'
                for p in people
            )
            attrs = self.table_attrs(True, "100%")
            return f'<table class="participants"{attrs}>\n{rows}\n</table>'
        items = "\n".join(f"<li>{_e(p.text)}</li>" for p in people)
        return f'<ul class="participants">\n{items}\n</ul>'

    def held(self) -> str:
        """ "Mødet startede kl. 18.35 og sluttede kl. 21.35." under the facts, or ""."""
        return f'<p class="held">{_e(self.doc.held)}</p>' if self.doc.held else ""

    def remark(self, remark: RemarkView) -> str:
        html = self.md_html(remark.text)
        if not remark.attribution:
            items = list_items(html)
            if items is not None:
                return self.fragment(items)
        if remark.attribution:
            tag = f'<em class="attribution">({_e(remark.attribution)})</em>'
            html = f"<p>{tag} {html[3:]}" if html.startswith("<p>") else f"<p>{tag}</p>\n{html}"
        return f"<li>{self.fragment(html)}</li>"

    def remark_list(self, remarks: list[RemarkView], cls: str) -> str:
        """Bullets when every remark is one line; else each remark as written: its
        paragraphs, or its list after the attribution on a line of its own."""
        if single_lines(remarks):
            lis = "\n".join(self.remark(r) for r in remarks)
            return f'<ul class="{cls}">\n{lis}\n</ul>'
        blocks = []
        for remark in remarks:
            html = self.md_html(remark.text)
            items = list_items(html)
            tag = f'<em class="attribution">({_e(remark.attribution)})</em>'
            if items is not None:
                if remark.attribution:
                    blocks.append(f'<p class="{cls} attribution-line">{tag}</p>')
                blocks.append(f'<ul class="{cls}">\n{self.fragment(items)}\n</ul>')
                continue
            if remark.attribution:
                html = f"<p>{tag} {html[3:]}" if html.startswith("<p>") else f"<p>{tag}</p>\n{html}"
            blocks.append(f'<div class="{cls} remark">\n{self.fragment(html)}\n</div>')
        return "\n".join(blocks)

    def remarks(self, section: Section) -> str:
        out = []
        if section.intro.strip():
            out.append(f'<div class="remarks-intro">\n{self.md(section.intro)}\n</div>')
        for group in section.groups:
            # Everything under a subtopic is indented with it ("sub"), its written remarks too.
            sub = " sub" if group.sub else ""
            if group.top:
                out.append(f'<p class="topic"><strong>{_e(group.top)}</strong></p>')
            if group.sub:
                out.append(f'<p class="subtopic{sub}"><em>{_e(group.sub)}</em></p>')
            if group.said:
                out.append(self.remark_list(group.said, f"remarks said{sub}"))
            if group.written:
                out.append(f'<p class="written-label{sub}">{_e(self.doc.written_label)}:</p>')
                out.append(self.remark_list(group.written, f"remarks written{sub}"))
        if section.text.strip():
            out.append(f'<div class="remarks-note">\n{self.md(section.text)}\n</div>')
        return "\n".join(out)

    def section(self, section: Section) -> str:
        out = [f"<h3>{_e(section.label)}</h3>"] if section.label else []
        if section.kind == "markdown":
            out.append(f'<div class="text">\n{self.md(section.text)}\n</div>')
        elif section.kind == "remarks":
            out.append(self.remarks(section))
        elif section.kind == "actions":
            due = self.doc.label("due").lower()
            done = self.doc.label("done").lower()
            lis = []
            for action in section.actions:
                tail = [_e(part) for part in action.tail(due)]
                text = _e(action.text) + (" — " + ", ".join(tail) if tail else "")
                if action.done:
                    text += f" ({_e(done)})"
                lis.append(f'<li class="{"done" if action.done else "open"}">{text}</li>')
            out.append('<ul class="actions">\n' + "\n".join(lis) + "\n</ul>")
        elif section.kind == "attachments":
            lis = []
            for att in section.attachments:
                title = _e(att.title)
                if att.url:
                    title = f'<a href="{_e(att.url)}">{title}</a>'
                late = f" ({_e(att.late)})" if att.late else ""
                lis.append(f"<li>{_e(att.label)}: {title}{late}</li>")
            out.append('<ul class="attachments">\n' + "\n".join(lis) + "\n</ul>")
        # a part without a heading (remarks right after the minutes) is no section of its own
        tag = "section" if section.label else "div"
        return self.block(tag, f"section {section.key}", "\n".join(out))

    def item(self, item: ItemView) -> str:
        heading = self.h2(f"{_e(item.heading)}{self.mark(item.confidential)}")
        inner = [heading, *(self.section(s) for s in item.sections)]
        return self.block("section", "item", "\n".join(inner), f' id="{item.anchor}"')

    def closing(self) -> str:
        if not self.doc.closing:
            return ""
        lines = "\n".join(
            f"<p><strong>{_e(label)}:</strong> {_e(value)}</p>" for label, value in self.doc.closing
        )
        if self.email:  # its rule and the room under it on a table cell (see h2)
            return self.ruled("closing", lines)
        return self.block("footer", "closing", lines)

    def render(self, items: list[str] | None = None) -> str:
        """The body; ``items`` stand in for :meth:`item` of each item when given."""
        doc = self.doc
        title = f"<h1>{_e(doc.title)}</h1>" if doc.title else ""
        out = [self.head(), title, self.facts(), self.held(), self.agenda()]
        out.append(self.participants())
        out += [self.item(item) for item in doc.items] if items is None else items
        out.append(self.closing())
        return "\n".join(part for part in out if part)
