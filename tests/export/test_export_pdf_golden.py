"""The PDF of each sample against a text golden file (page count, the text of each page, the
metadata), not the bytes of its compressed streams; and a look at the pages as images.

``pytest tests/export/test_export_pdf_golden.py --update-golden`` rewrites
tests/golden/SAMPLE.pdf.txt after a reviewed change.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tui_referat.export.pdf import pdf_bytes
from tui_referat.storage import load_meeting

from .pdf_helpers import reader, xmp

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
_XMP_FIELDS = ("pdfaid:part", "pdfaid:conformance", "pdfuaid:part", "dc:language")


def summary(data: bytes) -> str:
    """What a reader of the PDF gets, as text: metadata, page count, each page's text."""
    pdf = reader(data)
    meta = pdf.metadata or {}
    lines = [f"{key}: {meta[key]}" for key in ("/Title", "/Author", "/CreationDate") if key in meta]
    root = pdf.trailer["/Root"]
    lines.append(f"/Lang: {root['/Lang']}")
    packet = xmp(data)
    for field in _XMP_FIELDS:
        start = packet.find(f"<{field}>")
        if start >= 0:
            inner = packet[start + len(field) + 2 : packet.find(f"</{field}>", start)]
            lines.append(f"{field}: {inner.replace('<rdf:Bag><rdf:li>', '').split('<')[0]}")
    lines.append(f"pages: {len(pdf.pages)}")
    for number, page in enumerate(pdf.pages, 1):
        lines += [f"--- page {number} ---", (page.extract_text() or "").rstrip()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("sample", ["arbejdsgruppe", "board-meeting", "lokaludvalg"])
def test_sample_pdf_matches_golden(sample: str, golden: Callable[[str, bytes], None]) -> None:
    data = pdf_bytes(load_meeting(SAMPLES / f"{sample}.toml"))
    golden(f"{sample}.pdf.txt", summary(data).encode("utf-8"))


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (``P5``, 8 bit) as pdftoppm writes it."""
    magic, size, depth, pixels = path.read_bytes().split(b"\n", 3)
    assert magic == b"P5" and depth == b"255"
    width, height = (int(n) for n in size.split())
    return width, height, pixels


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm (poppler-utils) is not installed: the pages are not rendered to images",
)
def test_the_danish_sample_renders_to_non_blank_a4_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "arbejdsgruppe.pdf"
    pdf.write_bytes(pdf_bytes(load_meeting(SAMPLES / "arbejdsgruppe.toml")))
    subprocess.run(
        ["pdftoppm", "-r", "50", "-gray", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page-*.pgm"))
    assert len(pages) == len(reader(pdf.read_bytes()).pages)
    for page in pages:
        width, height, pixels = _pgm(page)
        assert abs(height / width - 297 / 210) < 0.01, (page.name, width, height)
        inked = sum(1 for value in pixels if value < 160) / len(pixels)
        assert inked > 0.005, f"{page.name} looks blank ({inked:.2%} inked)"
