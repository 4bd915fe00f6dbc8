"""Word export: the minutes as a .docx with Word's own styles, for colleagues to edit and for
the case and document system to file and index.

Built from the same document view as every other export (``export/document.py``), so the
content, its order and the closed-item rules are theirs. Every paragraph carries a named
style: "Title" for the meeting's title, "Heading 1" for the agenda, the participants and each
item, "Heading 2" for an item's sections, "Heading 3" and below for headings in the text,
"List Bullet" / "List Number" for lists, "Normal" for text; the agenda is a table in "Light
List Accent 1", the case header a small right-aligned "Table Grid" in our "Case Header" style.
While a draft, the marker is in the header of every page; the footer has the case and
document number and "Side X af Y". The same meeting gives the same bytes: the dates come from
the meeting and the zip is written with fixed timestamps (``export/docx_parts.py``).
"""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..domain.model import Meeting
from ..text import i18n
from ..text.words import say_in
from .doc_parts import single_lines
from .document import Doc, ParticipantLine, RemarkView, Section, build, clean_meeting
from .docx_md import MarkdownWriter, Prefix, inline
from .docx_parts import (
    CASE_STYLE,
    Numbering,
    StyleIds,
    add_hyperlink,
    add_page_of,
    add_run,
    fixed_zip,
    set_core,
    set_up,
)

AGENDA_STYLE = "Light List Accent 1"
CASE_TABLE_STYLE = "Table Grid"
#: The case-header fields the running footer repeats.
FOOTER_KEYS = ("case_no", "doc_no")


def _repeat_header(table: Table) -> None:
    """The table's first row repeats at the top of each page the table runs onto."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    trpr.append(mark)


class _Word:
    def __init__(self, doc: Doc, footer: list[tuple[str, str]]) -> None:
        self.doc = doc
        self.footer_fields = footer
        self.document = docx.Document()
        set_up(self.document, doc.lang)
        self.numbering = Numbering(self.document)
        self.styles = StyleIds(self.document)
        self.md = MarkdownWriter(self.numbering, self.styles)

    def para(self, style: str = "Normal", text: str = "", **marks: bool) -> Paragraph:
        paragraph = self.styles.paragraph(self.document, style)
        if text:
            add_run(paragraph, text, **marks)
        return paragraph

    # -- the page around the text -----------------------------------------------------------

    def page(self) -> None:
        """The draft marker (and the confidential note) on every page; the footer's numbers."""
        doc = self.doc
        section = self.document.sections[0]
        marks = [doc.marker] if doc.draft else []
        if doc.confidential:
            marks.append(doc.confidential)
        if marks:
            head = section.header.paragraphs[0]
            self.styles.set(head, "Header")
            head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_run(head, " · ".join(marks), bold=True)
        foot = section.footer.paragraphs[0]
        self.styles.set(foot, "Footer")
        for label, value in self.footer_fields:
            add_run(foot, f"{label}: {value} · ")
        add_page_of(foot, say_in(doc.lang, "page_of"))

    # -- the head of the document -----------------------------------------------------------

    def case_header(self) -> None:
        """The marker and the case fields, a small box at the top right."""
        doc = self.doc
        table = self.document.add_table(rows=1 + len(doc.header), cols=2)
        table.style = CASE_TABLE_STYLE
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT
        marker = table.cell(0, 0).merge(table.cell(0, 1))
        first = marker.paragraphs[0]
        self.styles.set(first, CASE_STYLE)
        add_run(first, doc.marker, bold=True)
        for row, (label, value) in enumerate(doc.header, start=1):
            for col, text in enumerate((f"{label}:", value)):
                cell = table.cell(row, col)
                self.styles.set(cell.paragraphs[0], CASE_STYLE)
                add_run(cell.paragraphs[0], text)
        for row in table.rows:
            row.cells[0].width, row.cells[-1].width = Mm(25), Mm(45)

    def head(self) -> None:
        doc = self.doc
        self.case_header()
        self.para("Subtitle", doc.doc_type)
        if doc.confidential:
            self.para("Normal", doc.confidential, bold=True)
        if doc.title:
            self.para("Title", doc.title)
        for label, value in doc.facts:
            paragraph = self.para("No Spacing", f"{label}: ", bold=True)
            add_run(paragraph, value)
        if doc.held:
            self.para("Normal", doc.held)

    def agenda(self) -> None:
        doc = self.doc
        if not doc.agenda:
            return
        self.para("Heading 1", doc.agenda_label)
        columns = list(doc.agenda_columns)
        if not doc.agenda_times:
            del columns[1]
        table = self.document.add_table(rows=1 + len(doc.agenda), cols=len(columns))
        table.style = AGENDA_STYLE
        widths = [Mm(15), Mm(22)] if doc.agenda_times else [Mm(15)]
        widths.append(Mm(160) - sum(widths, Mm(0)))
        # Row by row: ``table.cell()`` walks the whole table on every call.
        for index, table_row in enumerate(table.rows):
            cells = table_row.cells
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
            if index == 0:
                for cell, name in zip(cells, columns, strict=True):
                    add_run(cell.paragraphs[0], name)
                continue
            row = doc.agenda[index - 1]
            texts = [row.number, row.time] if doc.agenda_times else [row.number]
            for cell, text in zip(cells, texts, strict=False):
                add_run(cell.paragraphs[0], text)
            activity = cells[-1].paragraphs[0]
            add_run(activity, row.activity)
            if row.confidential:
                add_run(activity, f" ({row.confidential})", italic=True)
        _repeat_header(table)
        if doc.agenda_note:
            self.para("Normal", doc.agenda_note)

    def participant(self, person: ParticipantLine) -> None:
        paragraph = self.para("List Bullet")
        if person.email:
            add_hyperlink(paragraph, f"mailto:{person.email}", person.name, bold=True)
        else:
            add_run(paragraph, person.name, bold=True)
        if person.role:
            add_run(paragraph, f" – {person.role}")
        if person.title:
            add_run(paragraph, f", {person.title}")
        if person.organisation:
            add_run(paragraph, ", ")
            add_run(paragraph, person.organisation, italic=True)
        if person.note:
            add_run(paragraph, f" ({person.note})")

    def participants(self) -> None:
        doc = self.doc
        if not doc.participants:
            return
        self.para("Heading 1", doc.participants_label)
        for label, lines in doc.participant_groups:
            self.para("Heading 2", label)
            for person in lines:
                self.participant(person)
        if not doc.participant_groups:
            for person in doc.participants:
                self.participant(person)

    # -- the items --------------------------------------------------------------------------

    @staticmethod
    def attribution(remark: RemarkView) -> Prefix | None:
        """ "(Carl Dahl, modtaget 12. oktober 2025) " before the remark; None without one."""
        if not remark.attribution:
            return None

        def prefix(paragraph: Paragraph) -> None:
            add_run(paragraph, f"({remark.attribution}) ", italic=True)

        return prefix

    def remark_list(self, remarks: list[RemarkView]) -> None:
        """Bullets when every remark is one line; else each remark as written, its
        attribution opening its first paragraph (or on a line of its own before a list)."""
        if single_lines(remarks):
            for remark in remarks:
                paragraph = self.para("List Bullet")
                prefix = self.attribution(remark)
                if prefix is not None:
                    prefix(paragraph)
                self._one_line(paragraph, remark.text)
            return
        for remark in remarks:
            self.md.write(self.document, remark.text, self.attribution(remark))

    def _one_line(self, paragraph: Paragraph, text: str) -> None:
        """The inline text of a one-line remark, into its bullet."""
        from markdown_it.tree import SyntaxTreeNode

        from ..text.markdown_html import parse

        def walk(node: SyntaxTreeNode) -> None:
            # A heading, or a quote however deep (">> text"), written on one line: its text.
            for child in node.children:
                if child.type == "inline":
                    inline(paragraph, child)
                else:
                    walk(child)

        walk(SyntaxTreeNode(parse(text)))

    def remarks(self, section: Section) -> None:
        if section.intro.strip():
            self.md.write(self.document, section.intro)
        for group in section.groups:
            if group.top:
                self.para("Normal", group.top, bold=True)
            if group.sub:
                self.para("Normal", group.sub, italic=True)
            if group.said:
                self.remark_list(group.said)
            if group.written:
                self.para("Normal", f"{self.doc.written_label}:")
                self.remark_list(group.written)
        if section.text.strip():
            self.md.write(self.document, section.text)

    def section(self, section: Section) -> None:
        if section.label:
            self.para("Heading 2", section.label)
        if section.kind == "markdown":
            self.md.write(self.document, section.text)
        elif section.kind == "remarks":
            self.remarks(section)
        elif section.kind == "actions":
            due = self.doc.label("due").lower()
            done = self.doc.label("done").lower()
            for action in section.actions:
                paragraph = self.para("List Bullet", action.line(due))
                if action.done:
                    add_run(paragraph, f" ({done})")
        elif section.kind == "attachments":
            for att in section.attachments:
                paragraph = self.para("List Bullet", f"{att.label}: ")
                add_hyperlink(paragraph, att.url, att.title)  # the title alone without a URL
                if att.late:
                    add_run(paragraph, f" ({att.late})")

    def items(self) -> None:
        for item in self.doc.items:
            heading = self.para("Heading 1", item.heading)
            if item.confidential:
                add_run(heading, f" ({item.confidential})", italic=True)
            for section in item.sections:
                self.section(section)

    def closing(self) -> None:
        for label, value in self.doc.closing:
            paragraph = self.para("Normal", f"{label}: ", bold=True)
            add_run(paragraph, value)

    def render(self) -> docx.document.Document:
        self.page()
        self.head()
        self.agenda()
        self.participants()
        self.items()
        self.closing()
        return self.document


def _when(meeting: Meeting) -> dt.datetime:
    """The document's created and modified time: the meeting's date, never the clock."""
    day = meeting.date or dt.date(1980, 1, 1)
    return dt.datetime(day.year, day.month, day.day, 12, 0, 0)


def docx_bytes(meeting: Meeting, *, include_closed: bool = False) -> bytes:
    """The meeting as a Word document (closed items whole only if asked), the same bytes for
    the same meeting."""
    doc = build(meeting, include_closed=include_closed)
    clean = clean_meeting(meeting)
    footer = [
        (i18n.header_label(f.key, f.label, doc.lang), f.value.strip())
        for key in FOOTER_KEYS
        for f in clean.header
        if f.key == key and f.value.strip()
    ]
    document = _Word(doc, footer).render()
    when = _when(clean)
    set_core(
        document,
        title=doc.title,
        author=clean.secretary.strip(),
        lang=doc.lang,
        subject=doc.doc_type,
        when=when,
    )
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), when)
