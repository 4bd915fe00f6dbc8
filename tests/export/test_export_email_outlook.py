"""The email in Outlook for Windows (the Word engine): exact line heights, padding only on
table cells, and lengths at 96 PPI (issue #15 item 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui_referat.export.email import render
from tui_referat.storage import load_meeting

from .conftest import built_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _emails() -> list[str]:
    meetings = [load_meeting(SAMPLES / f"{n}.toml") for n in ("arbejdsgruppe", "lokaludvalg")]
    return [render(m) for m in (*meetings, built_meeting("da"), built_meeting("en"))]


@pytest.fixture(scope="module")
def emails() -> list[str]:
    return _emails()


def test_every_line_height_is_exact_in_outlook(emails: list[str]) -> None:
    for html in emails:
        styles = re.findall(r' style="([^"]*)"', html)
        with_height = [s for s in styles if "line-height" in s]
        assert with_height
        for style in with_height:
            assert "mso-line-height-rule:exactly;line-height:" in style, style
        # and in the stylesheet Outlook alone reads
        outlook = re.search(r"<!--\[if mso\]>.*?<style>(.*?)</style>", html, re.S)
        assert outlook is not None
        for rule in re.findall(r"\{([^}]*line-height[^}]*)\}", outlook.group(1)):
            assert "mso-line-height-rule: exactly; line-height:" in rule, rule


def test_no_padding_on_div_or_headings_only_on_table_cells(emails: list[str]) -> None:
    for html in emails:
        for tag, style in re.findall(r"<(div|h[1-6]|p)\b[^>]*style=\"([^\"]*)\"", html):
            assert "padding" not in style, (tag, style)
        # An item heading's rule and the room around it are a cell's border and padding.
        headings = re.findall(r"<td\b[^>]*style=\"([^\"]*)\"[^>]*><h2\b", html)
        assert headings and len(headings) == html.count("<h2")
        for style in headings:
            assert "padding:14px 0 3px" in style and "border-bottom:1px solid" in style
    # The closing lines' rule too.
    closing = re.search(r"<td\b[^>]*style=\"([^\"]*)\"[^>]*>\s*<p\b[^>]*><strong>", emails[0])
    assert closing and "border-top:1px solid" in closing.group(1)
    assert "padding:8px 0 0" in closing.group(1)


def test_outlook_reads_lengths_at_96_ppi(emails: list[str]) -> None:
    settings = (
        "<!--[if mso]><xml><o:OfficeDocumentSettings><o:AllowPNG/>"
        "<o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml>"
    )
    for html in emails:
        head = html[: html.index("</head>")]
        assert settings in head
        opening = re.match(r"<!DOCTYPE html>\s*(<html\b[^>]*>)", html)
        assert opening is not None
        assert 'xmlns:v="urn:schemas-microsoft-com:vml"' in opening.group(1)
        assert 'xmlns:o="urn:schemas-microsoft-com:office:office"' in opening.group(1)
