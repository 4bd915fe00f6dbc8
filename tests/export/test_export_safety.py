"""Hostile meeting text: no script, event handler, javascript: or data: URL in any output."""

from __future__ import annotations

import email
import re
from email import policy

import pytest

from tui_referat.domain.model import AgendaItem, Attachment, Meeting, Participant, Remark
from tui_referat.export import FORMATS, render
from tui_referat.text.markdown_html import is_safe_url, md_to_html, parser

from .docx_read import shown_text, unzipped

HOSTILE = [
    "Før <script>alert(1)</script> efter",
    "<script>\nalert(1)\n</script>\n\nEfter blokken",
    'Før <img src=x onerror="alert(1)"> efter',
    "Før [klik](javascript:alert(1)) efter",
    "Før [klik](JaVaScRiPt:alert(1)) efter",
    "Før [klik](&#106;avascript:alert(1)) efter",
    "Før [klik](java%09script:alert(1)) efter",
    "Før <javascript:alert(1)> efter",
    "Før [klik][ref] efter\n\n[ref]: javascript:alert(1)",
    "Før ![billede](data:image/png;base64,AAAA) efter",
    "Før [klik](data:text/html;base64,PHNjcmlwdD4=) efter",
    'Før <a href="javascript:alert(1)" onclick="x()">link</a> efter',
    'Før <div onmouseover="alert(1)">\nefter\n</div>',
    "Før <style>body{}</style> <iframe src=https://evil.example></iframe> efter",
    "Før [vb](vbscript:msgbox(1)) efter",
]

FORBIDDEN = re.compile(
    r"<script|<iframe|<img|<style[ >]|\bon[a-z]+\s*=|javascript:|vbscript:|data:", re.I
)


def hostile_meeting(text: str) -> Meeting:
    item = AgendaItem(
        "Punkt",
        minutes=text,
        recommendation=text,
        remarks=[Remark(text, topic=["Emne"])],
        remarks_note=text,
        attachments=[Attachment("Bilag", "javascript:alert(1)")],
    )
    return Meeting(title="Møde", items=[item], participants=[Participant("Åse", email="a@b.dk")])


def _outputs(meeting: Meeting) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        data = render(meeting, fmt)
        if fmt == "eml":
            message = email.message_from_bytes(data, policy=policy.default)
            body = [p.get_content() for p in message.walk() if not p.is_multipart()]
            out[fmt] = "\n".join(body)
        elif fmt == "docx":  # every part's text and every link target
            out[fmt] = shown_text(data)
        else:
            out[fmt] = data.decode("utf-8")
    return out


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_markdown_never_reaches_any_output(text: str) -> None:
    for fmt, output in _outputs(hostile_meeting(text)).items():
        found = FORBIDDEN.search(output.replace("<style>", "").replace("</style>", ""))
        if fmt == "html":  # the page's own theme <style> is ours; search the body only
            body = output.split("<body>", 1)[1]
            found = FORBIDDEN.search(body)
        assert found is None, f"{fmt}: {found.group(0)!r} from {text!r}"


@pytest.mark.parametrize("text", HOSTILE)
def test_text_around_hostile_markdown_is_kept(text: str) -> None:
    for fmt, output in _outputs(hostile_meeting(text)).items():
        assert "efter" in output.lower(), fmt
        if "Før" in text:
            assert "Før" in output, fmt


def test_unsafe_link_keeps_its_text_and_loses_its_url() -> None:
    html = md_to_html("Se [referatet](javascript:alert(1)) her")
    assert html.strip() == "<p>Se referatet her</p>"
    md = render(hostile_meeting("Se [referatet](javascript:alert(1)) her"), "md").decode()
    assert "Se referatet her" in md


def test_safe_links_survive_in_html_and_md() -> None:
    text = "Se [aftalen](https://example.org/a) og [mail](mailto:x@example.org)"
    html = md_to_html(text)
    assert 'href="https://example.org/a"' in html and 'href="mailto:x@example.org"' in html
    md = render(hostile_meeting(text), "md").decode()
    assert text in md  # a harmless text is copied as written


def test_plain_fields_are_escaped_in_html() -> None:
    meeting = Meeting(
        title='<script>alert("t")</script> & co',
        chair="<b onclick=x>Åse</b>",
        participants=[Participant("<img src=x onerror=alert(1)>", "titel")],
        items=[AgendaItem("<i>Punkt</i>", presenters=["<svg onload=x>"])],
    )
    for fmt in ("html", "email"):
        output = render(meeting, fmt).decode()
        body = output.split("<body", 1)[1]
        assert "<script" not in body and "<img" not in body and "<svg" not in body
        assert "&lt;script&gt;" in body and "&amp; co" in body


def test_plain_fields_are_escaped_in_markdown() -> None:
    meeting = Meeting(title="<script>x</script> *fed* [a](b)", items=[AgendaItem("a | b")])
    md = render(meeting, "md").decode()
    assert "<script" not in md
    assert "\\*fed\\*" in md and "\\[a\\](b)" in md
    assert "a \\| b" in md  # the pipe does not split the agenda table


def test_control_characters_are_stripped_from_every_output() -> None:
    meeting = hostile_meeting("Før \x1b[31mrød\x1b[0m \x07efter\x9b")
    meeting.title = "Møde\x1b]0;owned\x07"
    for fmt in FORMATS:
        data = render(meeting, fmt)
        if fmt == "docx":  # the parts inside the zip
            data = b"\n".join(unzipped(data).values())
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", data), fmt
        assert "\x9b" not in data.decode("utf-8"), fmt


def test_renderer_has_raw_html_removed_even_when_called_directly() -> None:
    html = parser().render("<script>alert(1)</script>\n\nHej <b onclick=x>med</b> dig")
    assert "<script" not in html and "onclick" not in html and "Hej med dig" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("mailto:a@b.dk", True),
        ("bilag/5.1.pdf", True),
        ("#pkt-3", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java%0ascript:alert(1)", False),
        ("data:text/html,x", False),
        ("file:///etc/passwd", False),
        ("ftp://example.org", False),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_the_exporters_marker_characters_in_a_meeting_change_nothing_else() -> None:
    # The exporters mark places in their work with private-use characters (U+E000...). Text
    # that holds them must not move or swallow anything: they are dropped, the rest stays.
    markers = "".join(chr(c) for c in range(0xE000, 0xE010))
    meeting = Meeting(
        title=f"Møde{markers}1",
        location="Sal \ue0000\ue001 B",
        items=[
            AgendaItem(f"Punkt \ue005{0}\ue006 et", minutes=f"Referat \ue000{0}\ue001 slut.\n"),
            AgendaItem("Punkt to", minutes="Andet referat.\n", presenters=["Ann \ue003 Lee"]),
        ],
    )
    for fmt in FORMATS:
        data = render(meeting, fmt)
        text = shown_text(data) if fmt == "docx" else data.decode("utf-8")
        if fmt == "eml":
            message = email.message_from_string(text, policy=policy.default)
            text = "".join(part.get_content() for part in message.walk() if not part.is_multipart())
        assert not re.search("[\ue000-\ue00f]", text), fmt
        for kept in ("Møde1", "Sal 0 B", "Punkt 0 et", "Referat 0 slut.", "Andet referat."):
            assert kept in text, (fmt, kept)
        assert "Ann  Lee" in text or "Ann Lee" in text, fmt
