"""The Word file's plumbing for ``export/docx.py``: styles, language, links, list numbering,
page fields, core properties and a zip with the same bytes every time.

Nothing here builds a field or an instruction from meeting text: the only fields are PAGE and
NUMPAGES, written from constants. Meeting text goes into runs, escaped by python-docx, after
the characters XML cannot hold are removed (:func:`xml_text`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

#: The document language Word and the case systems read (``w:lang``), by meeting language.
LANG_TAGS = {"da": "da-DK", "en": "en-GB"}
#: Our own named styles (built on Normal and Word's "Hyperlink"); everything else is built in.
CASE_STYLE = "Case Header"
LINK_STYLE = "Hyperlink"
LINK_STYLE_ID = "Hyperlink"  # the id python-docx gives LINK_STYLE
#: Link schemes that become hyperlinks; any other link (a relative path) stays its text.
LINK_SCHEMES = ("http://", "https://", "mailto:")

# C0 controls but tab and newline, lone surrogates and the two non-characters XML 1.0 refuses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters an XML 1.0 document cannot hold (a carriage return
    becomes nothing: line ends are newlines). Tabs and newlines stay (Word tabs and breaks)."""
    return _NOT_XML.sub("", text.replace("\r", ""))


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
) -> Run:
    """A run of plain text (never interpreted) with the emphasis the source asked for."""
    run = paragraph.add_run(xml_text(text))
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if strike:
        run.font.strike = True
    return run


def is_link(url: str) -> bool:
    return url.lower().startswith(LINK_SCHEMES)


def add_hyperlink(
    paragraph: Paragraph, url: str, text: str, *, bold: bool = False, italic: bool = False
) -> None:
    """An external hyperlink (http, https or mailto only; else the text alone)."""
    if not is_link(url):
        add_run(paragraph, text, bold=bold, italic=italic)
        return
    rel = paragraph.part.relate_to(xml_text(url), RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = add_run(paragraph, text, bold=bold, italic=italic)
    run._r.style = LINK_STYLE_ID  # set by id: a lookup by name walks every style
    link.append(run._r)  # moved from the paragraph into the link
    paragraph._p.append(link)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A simple field (``PAGE``, ``NUMPAGES``): ``instruction`` is always one of ours."""
    assert instruction in ("PAGE", "NUMPAGES"), instruction
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_page_of(paragraph: Paragraph, template: str) -> None:
    """ "Side {page} af {pages}" with PAGE and NUMPAGES fields in place of the braces."""
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            add_field(paragraph, "PAGE")
        elif part == "{pages}":
            add_field(paragraph, "NUMPAGES")
        elif part:
            add_run(paragraph, part)


def set_up(document: DocxDocument, lang: str) -> None:
    """A4 with 2.5 cm margins, the document language on Normal, and our two named styles;
    without the template's thumbnail."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of python-docx's empty template
            package.rels.pop(rel_id)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    normal = document.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), LANG_TAGS.get(lang, "en-GB"))
    rpr.append(tag)
    styles = document.styles
    case = styles.add_style(CASE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    case.base_style = normal
    case.font.size = Pt(9)
    case.paragraph_format.space_after = Pt(0)
    case.quick_style = True
    link = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    link.base_style = styles["Default Paragraph Font"]
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True


class StyleIds:
    """Paragraphs in a named style, the style's id looked up once (python-docx looks a name
    up among all of the template's styles on every paragraph: minutes for a big meeting)."""

    def __init__(self, document: DocxDocument) -> None:
        self.styles = document.styles
        self._ids: dict[str, str] = {}

    def id(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = self.styles[name].style_id
        return found

    def paragraph(self, container: Any, name: str) -> Paragraph:
        """A new paragraph at the end of ``container`` (the body or a cell) in style ``name``
        ("Normal", the default, is written as no style, as Word does)."""
        paragraph = container.add_paragraph()
        self.set(paragraph, name)
        return paragraph

    def set(self, paragraph: Paragraph, name: str) -> None:
        if name != "Normal":
            paragraph._p.style = self.id(name)


class Numbering:
    """Ordered lists that each start at their own number (Word's "List Number" style would
    otherwise count on from the list before). Each list gets a numbering instance of the
    style's own list definition, restarted at the list's first number."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self._numbering = document.part.numbering_part.element

    def restart(self, style: str, start: int) -> tuple[int, int] | None:
        """(numId, ilvl) for a new list of ``style`` starting at ``start``; None if the style
        has no numbering of its own."""
        ppr = self.document.styles[style].element.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            return None
        level = numpr.ilvl.val if numpr.ilvl is not None else 0
        num = self._numbering.num_having_numId(numpr.numId.val)
        new = self._numbering.add_num(num.abstractNumId.val)
        new.add_lvlOverride(ilvl=level).add_startOverride(start)
        return new.numId, level

    @staticmethod
    def apply(paragraph: Paragraph, numbering: tuple[int, int] | None) -> None:
        if numbering is None:
            return
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = numbering[1]
        numpr.get_or_add_numId().val = numbering[0]


def set_core(
    document: DocxDocument, *, title: str, author: str, lang: str, subject: str, when: dt.datetime
) -> None:
    """Title, author (the secretary), language, and fixed dates from the meeting."""
    core = document.core_properties
    core.title = xml_text(title)
    core.author = xml_text(author)
    core.last_modified_by = xml_text(author)
    core.subject = xml_text(subject)
    core.language = LANG_TAGS.get(lang, "en-GB")
    core.created = when
    core.modified = when
    core.revision = 1
    core.comments = ""
    core.keywords = ""


#: The application properties: ours, not the template's ("Microsoft Macintosh Word", its
#: page and word counts).
APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>tui-referat</Application></Properties>'
)


def fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The saved .docx rewritten with the same timestamp, mode and order for every entry, so
    the same meeting gives the same bytes (and with our application properties)."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            body = APP_XML if info.filename == "docProps/app.xml" else source.read(info.filename)
            target.writestr(entry, body, compresslevel=6)
    return out.getvalue()
