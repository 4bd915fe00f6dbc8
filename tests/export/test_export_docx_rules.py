"""The Word export keeps the other exports' rules: the draft marker on every page, closed
items out unless asked for, the same bytes for the same meeting, and meeting text that stays
text (no fields, no macros, nothing XML cannot hold)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from tui_referat.cli import main
from tui_referat.domain.model import AgendaItem, Attachment, Meeting, Participant, Remark
from tui_referat.export import render
from tui_referat.storage import load_meeting

from .docx_read import shown_text, unzipped

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _sample(name: str, **options: bool) -> bytes:
    return render(load_meeting(SAMPLES / f"{name}.toml"), "docx", **options)


def _fields(paragraph: docx.text.paragraph.Paragraph) -> list[str]:
    return [f.get(f"{W}instr").strip() for f in paragraph._p.iter(f"{W}fldSimple")]


def test_a_draft_says_so_in_the_header_of_every_page_and_the_footer_counts_pages() -> None:
    document = _open(_sample("arbejdsgruppe"))  # status = "draft"
    section = document.sections[0]
    assert section.different_first_page_header_footer is False  # one header for every page
    assert [p.text for p in section.header.paragraphs] == ["UDKAST"]
    assert section.header.paragraphs[0].style.name == "Header"
    footer = section.footer.paragraphs[0]
    assert footer.style.name == "Footer"
    assert footer.text.startswith("Sagsnr.: 2507114 · Dok.nr.: 4102853 · Side ")
    assert _fields(footer) == ["PAGE", "NUMPAGES"]


def test_an_approved_meeting_has_no_draft_marker_and_english_pages() -> None:
    document = _open(_sample("board-meeting"))  # status = "approved", English
    section = document.sections[0]
    assert all(not p.text for p in section.header.paragraphs)
    assert "DRAFT" not in shown_text(_sample("board-meeting"))
    footer = section.footer.paragraphs[0]
    assert "Page " in footer.text and " of " in footer.text and "Side" not in footer.text
    # The approval sits in the case header box, as in the other exports.
    assert document.tables[0].cell(0, 0).text.startswith("Approved ")


def test_the_same_meeting_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    sample = str(SAMPLES / "lokaludvalg.toml")
    assert main(["export", sample, "-o", str(first)]) == 0  # the format from the suffix
    assert main(["export", sample, "--format", "docx", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.is_zipfile(first)


def test_a_closed_item_stays_out_unless_asked_for_and_then_every_page_says_so() -> None:
    public = shown_text(_sample("lokaludvalg"))
    assert "Pkt. 7 Personsag (lukket punkt)" in public
    for secret in ("honorar", "Orientere den frivillige koordinator", "Fortroligt"):
        assert secret not in public
    confidential = _sample("lokaludvalg", include_closed=True)
    text = shown_text(confidential)
    assert "Indstilling om honorar til en frivillig koordinator." in text
    assert "Orientere den frivillige koordinator" in text
    header = _open(confidential).sections[0].header.paragraphs[0].text
    assert header == "FORTROLIGT – indeholder lukkede punkter"


HOSTILE = "Før\x00\x01\x08\x0b\x0c\x1b[31m rød\x1b[0m\x1b]0;ejet\x07\x7f\x9b\ufffe\ud800 efter"
FIELD_TEXT = '{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc" } <w:fldSimple w:instr="X"/>'


def _hostile_meeting() -> Meeting:
    minutes = (
        f"{HOSTILE}\n\n{FIELD_TEXT}\n\n[javascript](javascript:alert(1)) [lokal](bilag/a.pdf) "
        "[godt](https://example.org/ok) <script>alert(1)</script>"
    )
    item = AgendaItem(
        f"Punkt {HOSTILE}",
        minutes=minutes,
        remarks=[Remark(HOSTILE, topic=[HOSTILE], author=HOSTILE)],
        attachments=[Attachment(HOSTILE, "javascript:alert(1)")],
    )
    return Meeting(
        title=f"Møde {HOSTILE}",
        secretary=HOSTILE,
        items=[item],
        participants=[Participant(HOSTILE, email="a@b.dk")],
    )


def test_hostile_text_stays_text() -> None:
    data = render(_hostile_meeting(), "docx")
    parts = unzipped(data)
    for name, raw in parts.items():
        if name.endswith((".xml", ".rels")):
            text = raw.decode("utf-8")  # valid UTF-8: no lone surrogate reached the file
            assert not any(c in text for c in "\x00\x01\x08\x0b\x0c\x1b\x7f\x9b\ufffe"), name
    document = _open(data)  # the XML parses
    assert document.core_properties.title == "Møde Før[31m rød[0m]0;ejet efter"
    shown = shown_text(data)
    assert "Før[31m rød[0m]0;ejet efter" in shown
    # A field code written in the text is text: the only fields are the footer's own two.
    body = parts["word/document.xml"].decode("utf-8")
    assert "<w:fldSimple" not in body and "<w:instrText" not in body and "<w:fldChar" not in body
    assert "DDEAUTO" in shown and "&lt;w:fldSimple" in body
    # Only http(s) and mailto become links; never javascript:, never a relative path.
    links = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK}
    assert links == {"https://example.org/ok", "mailto:a@b.dk"}
    assert "javascript:" not in shown and "<script" not in shown
    # No macros: a plain document, no VBA part.
    assert "[Content_Types].xml" in parts
    assert b"macroEnabled" not in parts["[Content_Types].xml"]
    assert not any("vba" in name.lower() for name in parts)


def test_a_docx_is_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main(["export", str(SAMPLES / "arbejdsgruppe.toml"), "-f", "docx"]) == 2
    assert "-o OUT.docx" in capsys.readouterr().err
    assert sys.stdout.getvalue() == ""


def test_stdout_gets_the_same_bytes_as_the_file(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / "r.docx"
    sample = str(SAMPLES / "board-meeting.toml")
    assert main(["export", sample, "-f", "docx", "-o", str(out)]) == 0
    capfdbinary.readouterr()
    assert main(["export", sample, "-f", "docx"]) == 0
    assert capfdbinary.readouterr().out == out.read_bytes()


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: the file is read back by python-docx "
    "and docx2python instead",
)
@pytest.mark.parametrize("sample", ["arbejdsgruppe", "board-meeting", "lokaludvalg"])
def test_libreoffice_opens_it(sample: str, tmp_path: Path) -> None:
    source = tmp_path / f"{sample}.docx"
    source.write_bytes(_sample(sample))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), source],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / f"{sample}.txt").read_text(encoding="utf-8-sig")
    assert load_meeting(SAMPLES / f"{sample}.toml").title in text


def test_a_one_line_remark_written_as_a_nested_quote_keeps_its_text() -> None:
    """ ">> text" as a one-line remark: the bullet has the text (it was empty: found by the
    closed-items leak property test)."""
    import io

    from docx import Document

    from tui_referat.domain.model import AgendaItem, Meeting, Remark
    from tui_referat.export import render

    for written in (">> nested quote", "> > > deeper *still*", "# a heading"):
        item = AgendaItem("x", remarks=[Remark(written, author="Bo", topic=["T"])])
        data = render(Meeting(title="t", lang="da", items=[item]), "docx")
        last = Document(io.BytesIO(data)).paragraphs[-1]
        assert last.style.name == "List Bullet"
        assert last.text.replace("(Bo) ", "") == written.lstrip("># ").replace("*", "")
