"""The Word export read back with a second library (docx2python) and compared with the
Markdown export of the same sample: the same headings, agenda table and lists; every
paragraph in a named style, with no direct paragraph formatting."""

from __future__ import annotations

import html
import io
import itertools
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx2python import docx2python
from docx2python.iterators import iter_paragraphs
from markdown_it.tree import SyntaxTreeNode

from tui_referat.export import render
from tui_referat.storage import load_meeting
from tui_referat.text.markdown_html import parse

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ALL_SAMPLES = ["arbejdsgruppe", "board-meeting", "lokaludvalg"]
#: What the Markdown heading levels are in Word: "# " the title, "## " an item, "### " a section.
WORD_HEADING = {1: "Title", 2: "Heading1", 3: "Heading2", 4: "Heading3"}
#: The paragraph styles the export may use (docx2python gives style ids; "" is Normal).
ALLOWED = {
    "",
    "Title",
    "Subtitle",
    "Heading1",
    "Heading2",
    "Heading3",
    "Heading4",
    "Heading5",
    "Heading6",
    "NoSpacing",
    "ListBullet",
    "ListBullet2",
    "ListBullet3",
    "ListNumber",
    "ListNumber2",
    "ListNumber3",
    "ListContinue",
    "ListContinue2",
    "ListContinue3",
    "Quote",
    "macro",
    "CaseHeader",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _exports(sample: str) -> tuple[str, bytes]:
    path = SAMPLES / f"{sample}.toml"
    meeting = load_meeting(path)
    return render(meeting, "md").decode("utf-8"), render(meeting, "docx")


def _plain(node: SyntaxTreeNode) -> str:
    out = []
    for child in node.children:
        if child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.children:
            out.append(_plain(child))
        else:
            out.append(child.content)
    return "".join(out)


def _md_structure(md: str) -> tuple[list[tuple[str, str]], list[list[list[str]]], list[str]]:
    """(Word style, text) of each heading; each table's rows; each list item's first line
    with the heading it is under (actions aside: Markdown writes them for the importer)."""
    headings: list[tuple[str, str]] = []
    tables: list[list[list[str]]] = []
    items: list[str] = []

    def walk(node: SyntaxTreeNode) -> None:
        for child in node.children:
            if child.type == "heading":
                headings.append((WORD_HEADING[int(child.tag[1])], _plain(child.children[0])))
            elif child.type == "table":
                rows = [row for part in child.children for row in part.children]
                tables.append([[_plain(c.children[0]) for c in row.children] for row in rows])
            elif child.type == "list_item":
                first = child.children[0] if child.children else None
                if first is not None and first.type == "paragraph":
                    items.append(f"{headings[-1][1]} / {_plain(first.children[0])}")
                walk(child)
            elif child.children:
                walk(child)

    walk(SyntaxTreeNode(parse(md)))
    return headings, tables, items


def _text(par: object) -> str:
    raw = "".join(run.text for run in par.runs)  # type: ignore[attr-defined]
    raw = re.sub(r"^(\d+\)|--)\t", "", raw)  # docx2python's rendering of the list number
    return html.unescape(re.sub(r"<[^>]+>", "", raw))


def _docx_structure(
    data: bytes,
) -> tuple[list[tuple[str, str]], list[list[list[str]]], list[str], list[str]]:
    """The same from the .docx (read by docx2python), and every paragraph's style id."""
    headings: list[tuple[str, str]] = []
    items: list[str] = []
    styles: list[str] = []
    with docx2python(io.BytesIO(data)) as read:
        for par in iter_paragraphs(read.body_pars):
            styles.append(par.style)
            if par.lineage[1] == "tbl":
                continue
            if par.style in ("Title", "Heading1", "Heading2", "Heading3"):
                headings.append((par.style, _text(par)))
            elif par.style.startswith(("ListBullet", "ListNumber")):
                items.append(f"{headings[-1][1]} / {_text(par)}")
        tables = [
            [[html.unescape(re.sub(r"<[^>]+>", "", "".join(cell))) for cell in row] for row in t]
            for t in read.body
            if len(t) > 1 or len(t[0]) > 1  # docx2python puts text between tables in 1x1 ones
        ]
    return headings, tables, items, styles


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_headings_agenda_and_lists_are_those_of_the_markdown_export(sample: str) -> None:
    md, data = _exports(sample)
    md_headings, md_tables, md_items = _md_structure(md)
    headings, tables, items, _ = _docx_structure(data)
    assert headings == md_headings
    # Tables: the case header box first, then the agenda and any table in the text.
    assert tables[1:] == md_tables
    actions = {"Opfølgning", "Actions"}  # Markdown writes "[ ] … frist 2026-11-20" for import
    assert [i for i in items if i.split(" / ")[0] not in actions] == [
        i for i in md_items if i.split(" / ")[0] not in actions
    ]
    assert len(items) == len(md_items)


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_every_paragraph_has_a_named_style_and_no_direct_paragraph_formatting(
    sample: str,
) -> None:
    _, data = _exports(sample)
    *_, styles = _docx_structure(data)
    assert set(styles) <= ALLOWED
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    for p in body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        direct = {c.tag.removeprefix(W) for c in ppr} if ppr is not None else set()
        assert direct <= {"pStyle", "numPr"}, direct  # numPr: a numbered list restarts
        for rpr in p.iter(f"{W}rPr"):
            assert {c.tag.removeprefix(W) for c in rpr} <= {"b", "i", "strike", "rStyle"}
    # Heading 1 to 3 are the ones in Word's navigation pane, in order, none skipped.
    levels = [
        int(p.style.name[-1]) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    assert sum(p.style.name == "Title" for p in document.paragraphs) == 1


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_the_agenda_is_a_table_in_a_table_style_with_a_repeating_header_row(sample: str) -> None:
    meeting = load_meeting(SAMPLES / f"{sample}.toml")
    document = docx.Document(io.BytesIO(render(meeting, "docx")))
    case, agenda = document.tables[:2]
    assert agenda.style.name == "Light List Accent 1"
    assert len(agenda.rows) == len(meeting.items) + 1
    assert agenda.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert agenda._tbl.tblPr.find(f"{W}tblLook").get(f"{W}firstRow") == "1"
    # The case header: a small box at the top right, before the title.
    assert case.style.name == "Table Grid"
    assert case._tbl.tblPr.find(f"{W}jc").get(f"{W}val") == "right"
    assert {p.style.name for c in case._cells for p in c.paragraphs} == {"Case Header"}
    assert document.element.body[0].tag == f"{W}tbl"


@pytest.mark.parametrize(
    ("sample", "lang"), [("arbejdsgruppe", "da-DK"), ("board-meeting", "en-GB")]
)
def test_the_document_language_and_properties_come_from_the_meeting(sample: str, lang: str) -> None:
    meeting = load_meeting(SAMPLES / f"{sample}.toml")
    data = render(meeting, "docx")
    document = docx.Document(io.BytesIO(data))
    normal = document.styles["Normal"].element
    assert normal.find(f"{W}rPr/{W}lang").get(f"{W}val") == lang
    core = document.core_properties
    assert core.title == meeting.title
    assert core.author == meeting.secretary
    assert core.language == lang
    assert core.created.date() == meeting.date == core.modified.date()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        stamps = {info.date_time[:3] for info in package.infolist()}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
    assert stamps == {(meeting.date.year, meeting.date.month, meeting.date.day)}


def test_numbered_lists_each_start_at_one() -> None:
    from tui_referat.domain.model import AgendaItem, Meeting

    text = "1. a\n2. b\n\nMellem.\n\n1. c\n2. d\n\n3. e\n"
    data = render(Meeting(title="M", items=[AgendaItem("P", minutes=text)]), "docx")
    with docx2python(io.BytesIO(data)) as read:
        numbered = [
            "".join(r.text for r in par.runs)
            for par in iter_paragraphs(read.body_pars)
            if par.style == "ListNumber"
        ]
    assert numbered == ["1)\ta", "2)\tb", "1)\tc", "2)\td", "3)\te"]


def test_markdown_blocks_become_word_styles() -> None:
    from tui_referat.domain.model import AgendaItem, Meeting

    text = (
        "# Overskrift\n\nTekst med **fed**, *kursiv* og [et link](https://example.org).\n\n"
        "- a\n  - a.1\n\n> citat\n\n```\nkode\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    )
    data = render(Meeting(title="M", items=[AgendaItem("P", minutes=text)]), "docx")
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    start = styled.index(("Heading 2", "Referat")) + 1
    assert styled[start:] == [
        ("Heading 3", "Overskrift"),  # under the section, never above it
        ("Normal", "Tekst med fed, kursiv og et link."),
        ("List Bullet", "a"),
        ("List Bullet 2", "a.1"),
        ("Quote", "citat"),
        ("macro", "kode"),
    ]
    runs = {r.text: (r.bold, r.italic) for r in document.paragraphs[start + 1].runs}
    assert runs["fed"] == (True, None) and runs["kursiv"] == (None, True)
    assert [link.address for link in document.paragraphs[start + 1].hyperlinks] == [
        "https://example.org"
    ]
    table = document.tables[-1]
    assert table.style.name == "Table Grid"
    assert [[c.text for c in row.cells] for row in table.rows] == [["A", "B"], ["1", "2"]]
