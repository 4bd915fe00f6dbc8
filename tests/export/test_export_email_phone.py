"""The email on a phone: long URLs break inside the column; participants keep their indent."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

from tui_referat.domain.model import CaseField
from tui_referat.export.email import render

from .conftest import built_meeting

#: A 217-character SharePoint link, as readers pasted it into an item's minutes (issue #15).
LONG_URL = (
    "https://example.sharepoint.com/sites/Arbejdsgruppen/Shared%20"
    "Documents/Forms/AllItems.aspx?id=%2Fsites%2FArbejdsgruppen%2FShared%20Documents%2F"
    "Referater%2F2025&viewid=3f2a9c1e-7b4d-4e0a-9c8f-1d2e3f4a5b6c&ovuser=abcdef"
)
BREAKS = ("overflow-wrap:anywhere", "word-break:break-word")


def _email_with_long_url() -> str:
    meeting = built_meeting()
    meeting.items[0].minutes = f"Se dokumenterne her: {LONG_URL}\n\n- Og her: {LONG_URL}"
    return render(meeting)


def test_long_url_is_in_the_email() -> None:
    assert len(LONG_URL) == 217
    assert escape(LONG_URL) in _email_with_long_url()


def test_text_holders_inherit_the_css_that_breaks_long_words() -> None:
    html = _email_with_long_url()
    # Set once on the content cell, inherited by every paragraph, list, heading and cell in it.
    content = re.search(r'<td class="content"[^>]*style="([^"]*)"', html)
    assert content is not None
    for rule in BREAKS:
        assert rule in content.group(1)
    assert "break-all" not in html  # it breaks ordinary words at the end of a line
    # Nothing in the column undoes it but the labels, which break only a word too long for
    # the line, and the document type, which never breaks ("Minut|es"): on a phone it moves
    # under the case header.
    undone = re.findall(r"<[a-z0-9]+\b[^>]*overflow-wrap:(?!anywhere)[^>]*>", html)
    assert undone
    for opening in undone:
        assert re.match(r"<th\b|<p class=\"doctype\"", opening), opening
    for opening in re.findall(r"<th\b[^>]*>", html):
        assert "overflow-wrap:break-word" in opening, opening
    doctype = re.search(r'<p class="doctype"[^>]*>', html)
    assert doctype and "overflow-wrap:normal" in doctype.group(0)
    # Outlook's Word engine does not inherit: its own stylesheet sets it on each text holder.
    outlook = re.search(r"<!--\[if mso\]>.*?<style>(.*?)</style>", html, re.S)
    assert outlook and "td, th, p, li, h1, h2, h3" in outlook.group(1)
    assert "word-break: break-word; overflow-wrap: anywhere;" in outlook.group(1)
    sheet = re.search(r'<table[^>]*class="sheet"[^>]*>', html)
    assert sheet and "table-layout:fixed" in sheet.group(0)


def measure(html: str, tmp_path: Path, width: int = 375, probe: str = "") -> str:
    """What the JavaScript expression ``probe`` (over ``d``, the email's document) gives, and
    the page's scrollWidth, in headless Chromium with the email shown ``width`` px wide:
    ``"SCROLLWIDTH|PROBE"``.

    Headless Chromium will not make its window narrower than 500 px, so the email goes into
    an iframe of ``width`` px (``srcdoc``: same origin, so the host page can measure it).
    """
    host = tmp_path / "host.html"
    frame = (
        f'<iframe id="f" style="width:{width}px;height:2400px;border:0" '
        f'srcdoc="{escape(html, quote=True)}"></iframe>'
    )
    script = (
        "<script>document.getElementById('f').onload=function(){var d=this.contentDocument;"
        f"document.title='w'+d.documentElement.scrollWidth+'|'+({probe or '1'})+'w'}};</script>"
    )
    host.write_text(f'<!DOCTYPE html><html><body style="margin:0">{frame}{script}</body></html>')
    out = subprocess.run(
        [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--hide-scrollbars", "--window-size=800,2400",
         "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000",
         "--dump-dom", host.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    match = re.search(r"<title>w(.*?)w</title>", out, re.S)
    assert match, out[:500]
    return match.group(1)


def scroll_width(html: str, tmp_path: Path, width: int = 375) -> int:
    """The page's scrollWidth in headless Chromium, shown ``width`` px wide."""
    return int(measure(html, tmp_path, width).split("|", 1)[0])


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


#: Case-header values as readers saw them break at a hyphen on a phone (issue #15 item 7).
CASE_VALUES = ["26-09-2025", "Rasmus Kjær Lund", "2026-004512", "26-118042-7", "2025-114-00012-ABC"]


def _email_with_hyphenated_case_values() -> str:
    meeting = built_meeting()
    keys = ["doc_date", "handler", "case_no", "doc_no", "journal"]
    meeting.header = [CaseField(k, v) for k, v in zip(keys, CASE_VALUES, strict=True)]
    return render(meeting)


def test_case_header_values_are_kept_whole_without_changing_their_text() -> None:
    html = _email_with_hyphenated_case_values()
    case = re.search(r'<table class="case".*?</table>', html, re.S)
    assert case is not None
    cells = re.findall(r"<td\b([^>]*)>(.*?)</td>", case.group(0))
    assert [re.sub(r"<[^>]*>", "", text) for _, text in cells] == CASE_VALUES  # no U+2011
    for attrs, text in cells:
        if " " in text:  # a name wraps between its words, as before
            assert "nowrap" not in attrs
        else:
            assert "white-space:nowrap" in attrs, text
    assert "\u2011" not in html
    # In a value of several words, a word with a hyphen stays whole and the rest may wrap.
    meeting = built_meeting()
    meeting.header = [CaseField("handler", "Team Kjær-Lund og Co")]
    cell = re.search(r'<table class="case".*?<td\b[^>]*>(.*?)</td>', render(meeting), re.S)
    assert cell is not None
    assert re.fullmatch(
        r'Team <span[^>]*style="white-space:nowrap"[^>]*>Kjær-Lund</span> og Co', cell.group(1)
    ), cell.group(1)


#: For every case-header value cell: its text and the number of lines it takes.
CASE_LINES = (
    "Array.from(d.querySelectorAll('table.case td')).map(function(td){"
    "var r=d.createRange();r.selectNodeContents(td);var tops={};"
    "Array.from(r.getClientRects()).forEach(function(c){tops[Math.round(c.top)]=1});"
    "return td.textContent+'='+Object.keys(tops).length}).join(';')"
)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs chromium on PATH")
@pytest.mark.parametrize("width", [375, 320])
def test_case_header_values_stay_whole_on_a_phone(tmp_path: Path, width: int) -> None:
    found = measure(_email_with_hyphenated_case_values(), tmp_path, width, CASE_LINES)
    scroll, lines = found.split("|", 1)
    assert int(scroll) <= width  # no sideways scrolling
    assert lines == ";".join(f"{value}=1" for value in CASE_VALUES)
