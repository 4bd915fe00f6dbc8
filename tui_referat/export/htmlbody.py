"""The HTML body of the minutes, shared by the html page and the email.

Plain fields are escaped here; Markdown fields go through the shared, sanitising renderer
with headings demoted below the document's own (h1 title, h2 item, h3 section).
``email=True`` swaps the HTML5 sectioning elements for ``div`` and adds the table attributes
Outlook's Word engine needs (``cellpadding``, ``border``, ``width``).
"""

from __future__ import annotations

from html import escape

from ..markdown import md_to_html, md_to_html_many
from .common import Doc, ItemView, RemarkView, Section

#: Content headings start at h4: the document uses h1-h3.
HEADING_OFFSET = 3


def _markdown_texts(doc: Doc) -> list[str]:
    """Every Markdown text of ``doc``, to be rendered in one batch."""
    texts = []
    for item in doc.items:
        for section in item.sections:
            texts.append(section.text)
            for group in section.groups:
                texts += [r.text for r in group.said] + [r.text for r in group.written]
    return [t for t in texts if t.strip()]


def fragment_key(index: int) -> str:
    """The placeholder for fragment ``index``: private-use characters that survive inlining."""
    return f"\ue000{index}\ue001"


def _e(text: str) -> str:
    return escape(text, quote=True)


class Body:
    def __init__(self, doc: Doc, *, email: bool = False, placeholders: bool = False) -> None:
        self.doc = doc
        self.email = email
        #: With ``placeholders``, rendered Markdown is kept out of the page: :meth:`render`
        #: puts ``fragment_key(n)`` where ``fragments[n]`` belongs (see ``export/email.py``).
        self.placeholders = placeholders
        self.fragments: list[str] = []
        texts = list(dict.fromkeys(_markdown_texts(doc)))
        html = md_to_html_many(texts, heading_offset=HEADING_OFFSET)
        self._md_cache: dict[str, str] = {t: h.strip() for t, h in zip(texts, html, strict=True)}

    # -- helpers ---------------------------------------------------------------------------

    def md_html(self, text: str) -> str:
        html = self._md_cache.get(text)
        if html is None:
            html = md_to_html(text, heading_offset=HEADING_OFFSET).strip()
            self._md_cache[text] = html
        return html

    def fragment(self, html: str) -> str:
        if not self.placeholders:
            return html
        self.fragments.append(html)
        return fragment_key(len(self.fragments) - 1)

    def md(self, text: str) -> str:
        return self.fragment(self.md_html(text))

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

    def label_rows(self, pairs: list[tuple[str, str]], cls: str) -> str:
        rows = "\n".join(
            f'<tr><th scope="row">{_e(label)}:</th><td>{_e(value)}</td></tr>'
            for label, value in pairs
        )
        return f'<table class="{cls}"{self.table_attrs(True)}>\n{rows}\n</table>'

    # -- parts -----------------------------------------------------------------------------

    def head(self) -> str:
        doc = self.doc
        state = "draft" if doc.draft else "approved"
        parts = [
            f'<p class="doctype">{_e(doc.doc_type)} '
            f'<span class="marker {state}">{_e(doc.marker)}</span></p>'
        ]
        if doc.header:
            parts.append(self.label_rows(doc.header, "case"))
        return self.block("header", "doc-head", "\n".join(parts))

    def agenda(self) -> str:
        doc = self.doc
        if not doc.agenda:
            return ""
        cols = "".join(f'<th scope="col">{_e(c)}</th>' for c in doc.agenda_columns)
        rows = []
        for row, item in zip(doc.agenda, doc.items, strict=True):
            activity = _e(row.activity)
            if not self.email:
                activity = f'<a href="#{item.anchor}">{activity}</a>'
            rows.append(
                f'<tr><td class="num">{_e(row.number)}</td>'
                f'<td class="time">{_e(row.time)}</td><td class="activity">{activity}</td></tr>'
            )
        attrs = ' cellpadding="6" cellspacing="0" border="0" width="100%"' if self.email else ""
        return (
            f"<h2>{_e(doc.agenda_label)}</h2>\n"
            f'<table class="agenda"{attrs}>\n<thead><tr>{cols}</tr></thead>\n'
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
        )

    def participants(self) -> str:
        doc = self.doc
        if not doc.participants:
            return ""
        items = "\n".join(f"<li>{_e(p.text)}</li>" for p in doc.participants)
        return f'<h2>{_e(doc.participants_label)}</h2>\n<ul class="participants">\n{items}\n</ul>'

    def remark(self, remark: RemarkView) -> str:
        html = self.md_html(remark.text)
        if remark.attribution:
            tag = f'<em class="attribution">({_e(remark.attribution)})</em>'
            html = f"<p>{tag} {html[3:]}" if html.startswith("<p>") else f"<p>{tag}</p>\n{html}"
        return f"<li>{self.fragment(html)}</li>"

    def remarks(self, section: Section) -> str:
        out = []
        for group in section.groups:
            if group.top:
                out.append(f'<p class="topic"><strong>{_e(group.top)}</strong></p>')
            if group.sub:
                out.append(f'<p class="subtopic"><em>{_e(group.sub)}</em></p>')
            if group.said:
                lis = "\n".join(self.remark(r) for r in group.said)
                out.append(f'<ul class="remarks said">\n{lis}\n</ul>')
            if group.written:
                out.append(f'<p class="written-label">{_e(self.doc.written_label)}:</p>')
                lis = "\n".join(self.remark(r) for r in group.written)
                out.append(f'<ul class="remarks written">\n{lis}\n</ul>')
        if section.text.strip():
            out.append(f'<div class="remarks-note">\n{self.md(section.text)}\n</div>')
        return "\n".join(out)

    def section(self, section: Section) -> str:
        out = [f"<h3>{_e(section.label)}</h3>"]
        if section.kind == "markdown":
            out.append(f'<div class="text">\n{self.md(section.text)}\n</div>')
        elif section.kind == "remarks":
            out.append(self.remarks(section))
        elif section.kind == "actions":
            due = self.doc.label("due").lower()
            done = self.doc.label("done").lower()
            lis = []
            for action in section.actions:
                tail = [_e(action.owner)] if action.owner else []
                if action.due_text:
                    tail.append(f"{_e(due)} {_e(action.due_text)}")
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
                lis.append(f"<li>{_e(att.label)}: {title}</li>")
            out.append('<ul class="attachments">\n' + "\n".join(lis) + "\n</ul>")
        return self.block("section", f"section {section.key}", "\n".join(out))

    def item(self, item: ItemView) -> str:
        inner = [f"<h2>{_e(item.heading)}</h2>", *(self.section(s) for s in item.sections)]
        return self.block("section", "item", "\n".join(inner), f' id="{item.anchor}"')

    def closing(self) -> str:
        if not self.doc.closing:
            return ""
        lines = "\n".join(
            f"<p><strong>{_e(label)}:</strong> {_e(value)}</p>" for label, value in self.doc.closing
        )
        return self.block("footer", "closing", lines)

    def render(self) -> str:
        doc = self.doc
        facts = self.label_rows(doc.facts, "facts") if doc.facts else ""
        title = f"<h1>{_e(doc.title)}</h1>" if doc.title else ""
        out = [self.head(), title, facts, self.agenda(), self.participants()]
        out += [self.item(item) for item in doc.items]
        out.append(self.closing())
        return "\n".join(part for part in out if part)
