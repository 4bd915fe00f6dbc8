"""The PDF export: archival (PDF/A-2a), accessible (PDF/UA-1, tagged), complete and safe."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

import pytest

from tui_referat.domain.model import AgendaItem, Meeting, Remark
from tui_referat.export import render
from tui_referat.export.document import build
from tui_referat.export.md_tree import to_text
from tui_referat.export.pdf import pdf_bytes
from tui_referat.storage import load_meeting
from tui_referat.text.markdown_html import parse

from .pdf_helpers import flat, fonts, in_order, page_texts, reader, xmp
from .test_export_closed import closed_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@cache
def sample_pdf(name: str) -> bytes:
    return pdf_bytes(load_meeting(SAMPLES / f"{name}.toml"))


def _plain(markdown: str) -> list[str]:
    """The lines of a remark as text (a list's items one by one, without their bullets)."""
    lines = to_text(parse(markdown), width=10_000)
    return [re.sub(r"^\s*(-|\d+\.)\s+", "", line) for line in lines if line.strip()]


def test_every_heading_item_title_and_remark_of_the_danish_sample_in_reading_order() -> None:
    doc = build(load_meeting(SAMPLES / "arbejdsgruppe.toml"))
    expected = [doc.doc_type, doc.title, doc.agenda_label]
    expected += [row.activity for row in doc.agenda]
    expected.append(doc.participants_label)
    remarks = 0
    for item in doc.items:
        expected.append(item.heading)
        for section in item.sections:
            if section.label:
                expected.append(section.label)
            for group in section.groups:
                expected += [g for g in (group.top, group.sub) if g]
                for remark in (*group.said, *group.written):
                    expected += _plain(remark.text)
                    remarks += 1
    assert remarks > 10  # the sample has remarks: this test reads them
    text = "\n".join(page_texts(sample_pdf("arbejdsgruppe")))
    assert in_order(text, expected) == []


def test_pdf_a_2a_and_pdf_ua_1_are_declared() -> None:
    meta = xmp(sample_pdf("arbejdsgruppe"))
    assert "<pdfaid:part>2</pdfaid:part>" in meta
    assert "<pdfaid:conformance>A</pdfaid:conformance>" in meta
    assert "<pdfuaid:part>1</pdfuaid:part>" in meta


@pytest.mark.parametrize(
    ("sample", "lang"), [("arbejdsgruppe", "da"), ("board-meeting", "en"), ("lokaludvalg", "da")]
)
def test_tagged_with_the_meetings_language_title_and_embedded_fonts(sample: str, lang: str) -> None:
    data = sample_pdf(sample)
    root = reader(data).trailer["/Root"]
    assert root["/Lang"] == lang
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    meeting = load_meeting(SAMPLES / f"{sample}.toml")
    title = reader(data).metadata.title
    assert title is not None and meeting.title.strip() in title
    used = fonts(data)
    assert used and all(used.values()), f"not embedded: {[f for f, e in used.items() if not e]}"
    assert all("Libertinus" in f or "DejaVu" in f for f in used)  # Typst's own, not the system's


def test_a4_pages_numbered_side_n_af_m_with_case_and_document_number_on_each() -> None:
    data = sample_pdf("arbejdsgruppe")
    pages = page_texts(data)
    assert len(pages) > 1
    for number, text in enumerate(pages, 1):
        assert f"Side {number} af {len(pages)}" in text
        assert "Sagsnr. 2507114 · Dok.nr. 4102853" in text
        assert "UDKAST" in text  # the draft marker on every page
    for page in reader(data).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    english = page_texts(sample_pdf("board-meeting"))
    assert f"Page 1 of {len(english)}" in english[0]


def test_an_approved_meeting_has_no_draft_marker_after_the_first_page() -> None:
    meeting = load_meeting(SAMPLES / "arbejdsgruppe.toml")
    approved = dataclasses.replace(meeting, status=type(meeting.status).APPROVED)
    pages = page_texts(pdf_bytes(approved))
    assert "Godkendt" in pages[0]
    assert not any("UDKAST" in page for page in pages)


def test_the_same_meeting_gives_the_same_bytes() -> None:
    meeting = load_meeting(SAMPLES / "arbejdsgruppe.toml")
    first = pdf_bytes(meeting)
    assert pdf_bytes(load_meeting(SAMPLES / "arbejdsgruppe.toml")) == first
    assert render(meeting, "pdf") == first
    assert reader(first).metadata["/CreationDate"].startswith("D:20251021")  # the meeting's date


HOSTILE = [
    '#read("/etc/passwd")',
    '#import "@preview/x:0.1.0": *',
    "#let x = 1 $a^2$ *bold* _under_ @ref <label> \\ ` ~ [link]",
    "// not a comment /* nor this */",
    "= not a heading",
]


def test_hostile_text_comes_out_literally_and_never_runs() -> None:
    long_word = "Grundvandsbeskyttelsesindsatsplanlægningskoordinationsudvalgsmedlemmer" * 3
    url = "https://example.org/" + "a1b2c3d4e5" * 20 + "/x"
    assert len(url) == 222
    items = [
        AgendaItem(line, minutes=f"Tekst {index}: {line}", remarks=[Remark(line)])
        for index, line in enumerate(HOSTILE)
    ]
    items.append(AgendaItem(long_word, minutes=f"{long_word}\n\nSe <{url}> og `{HOSTILE[0]}`."))
    meeting = Meeting(title="#set page(width: 1cm) " + HOSTILE[0], lang="da", items=items)
    text = "\n".join(page_texts(pdf_bytes(meeting)))
    assert "root:" not in text
    squeezed = flat(text)
    for line in HOSTILE:
        assert flat(line) in squeezed, line
    assert flat(long_word) in squeezed and flat(url) in squeezed
    assert "#set page(width: 1cm)" in text


def test_links_only_for_http_https_and_mailto() -> None:
    minutes = "[a](https://example.org/a) [b](mailto:b@example.org) [c](bilag/c.pdf) [d](ftp://x)"
    meeting = Meeting(title="Links", lang="da", items=[AgendaItem("Et punkt", minutes=minutes)])
    data = pdf_bytes(meeting)
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader(data).pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    ]
    assert sorted(uris) == ["https://example.org/a", "mailto:b@example.org"]
    assert re.search(r"a\s*b\s*c\s*d", page_texts(data)[0])  # the texts all stay


def test_closed_items_do_not_reach_the_public_pdf() -> None:
    secrets = ["Personalesag", "tavshedspligten", "Nørregade", "Sagen blev drøftet", "Notat"]
    secrets += ["Svare medarbejderen", "Det indstilles at købe"]
    public = "\n".join(page_texts(pdf_bytes(closed_meeting("da"))))
    assert [s for s in secrets if s in public] == []
    assert "Lukket punkt" in public and "Ejendomshandel (lukket punkt)" in public
    shown = "\n".join(page_texts(pdf_bytes(closed_meeting("da"), include_closed=True)))
    assert [s for s in secrets if s not in shown] == []
    assert "FORTROLIGT – indeholder lukkede punkter" in shown


def test_lang_and_theme_arguments() -> None:
    meeting = closed_meeting("da")
    english = pdf_bytes(meeting, lang="en")
    assert reader(english).trailer["/Root"]["/Lang"] == "en"
    assert "Closed item" in page_texts(english)[0]
    assert pdf_bytes(meeting, theme="plain") != pdf_bytes(meeting)
    with pytest.raises(ValueError, match="unknown export theme"):
        pdf_bytes(meeting, theme="nope")


def test_a_long_agenda_breaks_across_pages_with_its_header_repeated() -> None:
    items = [AgendaItem(f"Punkt nummer {n} med en titel", duration=5) for n in range(1, 81)]
    meeting = Meeting(title="Langt møde", lang="da", items=items)
    pages = page_texts(pdf_bytes(meeting))
    with_header = [p for p in pages if "Punkt Ca. tid Aktivitet" in p or "Punkt Aktivitet" in p]
    assert len(with_header) >= 2
    assert "Punkt nummer 80 med en titel" in "\n".join(pages)


def test_a_run_with_no_break_point_wraps_inside_the_column() -> None:
    """300 letters with no space and no hyphenation point, and a URL whose last part is
    200 letters, wrap inside the text column instead of running off the page, and the text
    layer keeps them as written: the zero-width break opportunity the template adds shows
    only where a line was broken, never inside a line."""
    run = "a" * 300
    url = "https://example.sharepoint.com/" + "x" * 200
    meeting = Meeting(title="x", lang="en", items=[AgendaItem("t", minutes=f"{run} and {url}")])
    text = "\n".join(page_texts(pdf_bytes(meeting)))
    lines = [line for line in text.splitlines() if "aaa" in line or "xxx" in line]
    assert len(lines) >= 5 and max(len(line) for line in lines) <= 100, lines
    assert not any("\u200b" in line.rstrip("\u200b") for line in text.splitlines())
    flat_text = flat(text.replace("\u200b", ""))
    assert flat(run) in flat_text and flat(url) in flat_text
