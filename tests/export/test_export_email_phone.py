"""The email on a phone: long URLs break inside the column; participants keep their indent."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from tui_referat.export.email import render

from .conftest import built_meeting

#: A 217-character SharePoint link, as readers pasted it into an item's minutes (issue #15).
LONG_URL = (
    "https://example.sharepoint.com/sites/Arbejdsgruppen/Shared%20"
    "Documents/Forms/AllItems.aspx?id=%2Fsites%2FArbejdsgruppen%2FShared%20Documents%2F"
    "Referater%2F2025&viewid=3f2a9c1e-7b4d-4e0a-9c8f-1d2e3f4a5b6c&ovuser=abcdef"
)
BREAKS = ("overflow-wrap: anywhere", "word-break: break-word")


def _email_with_long_url() -> str:
    meeting = built_meeting()
    meeting.items[0].minutes = f"Se dokumenterne her: {LONG_URL}\n\n- Og her: {LONG_URL}"
    return render(meeting)


def test_long_url_is_in_the_email() -> None:
    assert len(LONG_URL) == 217
    assert escape(LONG_URL) in _email_with_long_url()


def test_text_holders_carry_the_css_that_breaks_long_words() -> None:
    html = _email_with_long_url()
    for tag in ("p", "li", "td", "h1", "h2", "h3"):
        styles = re.findall(rf"<{tag}\b(?![^>]*doctype)[^>]*\sstyle=\"([^\"]*)\"", html)
        assert styles, tag
        for style in styles:
            for rule in BREAKS:
                assert rule in style, (tag, style)
    assert "break-all" not in html  # it breaks ordinary words at the end of a line
    # Labels and the document type break only a word too long for the line, never "Minut|es".
    for opening in re.findall(r"<th\b[^>]*>|<p class=\"doctype\"[^>]*>", html):
        assert "overflow-wrap: break-word" in opening, opening
        assert "anywhere" not in opening, opening
    sheet = re.search(r'<table[^>]*class="sheet"[^>]*>', html)
    assert sheet and "table-layout: fixed" in sheet.group(0)


def scroll_width(html: str, tmp_path: Path, width: int = 375) -> int:
    """The page's scrollWidth in headless Chromium, shown ``width`` px wide.

    Headless Chromium will not make its window narrower than 500 px, so the email goes into
    an iframe of ``width`` px (``srcdoc``: same origin, so the host page can measure it).
    """
    host = tmp_path / "host.html"
    frame = (
        f'<iframe id="f" style="width:{width}px;height:2400px;border:0" '
        f'srcdoc="{escape(html, quote=True)}"></iframe>'
    )
    probe = (
        "<script>document.getElementById('f').onload=function(){"
        "document.title='w'+this.contentDocument.documentElement.scrollWidth+'w'};</script>"
    )
    host.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frame}{probe}</body></html>')
    out = subprocess.run(
        [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--hide-scrollbars", "--window-size=800,2400",
         "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000",
         "--dump-dom", host.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    match = re.search(r"<title>w(\d+)w</title>", out)
    assert match, out[:500]
    return int(match.group(1))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium on PATH")
@pytest.mark.parametrize("width", [375, 320])
def test_long_url_does_not_widen_the_email_on_a_phone(tmp_path: Path, width: int) -> None:
    assert scroll_width(_email_with_long_url(), tmp_path, width) <= width


def test_email_has_no_negative_text_indent() -> None:
    html = render(built_meeting())
    assert not re.search(r"text-indent:\s*-", html)


def test_participants_show_the_name_first_and_wrapped_lines_indented() -> None:
    meeting = built_meeting()
    html = render(meeting)
    rows = re.findall(
        r'<tr class="participant"[^>]*>\s*<td class="participant-name"[^>]*>([^<]*)</td>'
        r'\s*<td class="participant-details"[^>]*>([^<]*)</td>\s*</tr>',
        html,
    )
    assert len(rows) == len(meeting.participants)
    assert rows[1][0].startswith("Carl Dahl")
    assert rows[1][1].startswith("senior bioinformatiker, Ph.D., Universitetshospitalet")
