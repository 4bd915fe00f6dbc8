"""How a closed item (lukket punkt) looks in the exports, public and with closed items shown.

Golden files: tests/golden/closed-{da,en}[.confidential].md and the html page's ``<main>``
(closed-{da,en}[.confidential].main.html); ``pytest tests/export --update-golden`` rewrites
them after a reviewed change.
"""

from __future__ import annotations

import datetime as dt
import email
import re
from collections.abc import Callable
from email.policy import default as default_policy
from pathlib import Path

import pytest

from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attachment,
    Kind,
    Meeting,
    Participant,
    Remark,
)
from tui_referat.export import FORMATS, render


def closed_meeting(lang: str = "da") -> Meeting:
    """Four items: an open one, a closed one, a closed one with a public title, an open one."""
    da = lang == "da"
    return Meeting(
        title="Møde 5 i styregruppen" if da else "Meeting 5 of the board",
        lang=lang,
        date=dt.date(2025, 10, 7),
        start=dt.time(13, 0),
        end=dt.time(14, 0),
        participants=[Participant("Anne Holm"), Participant("Bo Berg")],
        items=[
            AgendaItem("Velkomst" if da else "Welcome", duration=10, minutes="Anne bød velkommen."),
            AgendaItem(
                "Personalesag vedr. BB" if da else "Staff matter regarding BB",
                kind=Kind.DECISION,
                duration=20,
                presenters=["Anne Holm"],
                closed=True,
                minutes="Sagen blev drøftet." if da else "The matter was discussed.",
                remarks=[Remark("Husk tavshedspligten.", author="Bo Berg")],
                attachments=[Attachment("Notat", "bilag/notat.pdf")],
                actions=[Action("Svare medarbejderen", owner="Anne Holm")],
            ),
            AgendaItem(
                "Køb af Nørregade 4" if da else "Buying 4 North Street",
                kind=Kind.DISCUSSION,
                duration=15,
                closed=True,
                public_title="Ejendomshandel" if da else "Property",
                recommendation="Det indstilles at købe." if da else "We recommend buying.",
            ),
            AgendaItem("Evt." if da else "Any other business", duration=5, presenters=["Bo Berg"]),
        ],
    )


def _main(html: bytes) -> bytes:
    found = re.search(rb"<main>\n(.*)</main>", html, re.S)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("confidential", [False, True], ids=["public", "confidential"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_closed_items_match_golden(
    lang: str, confidential: bool, golden: Callable[[str, bytes], None]
) -> None:
    meeting = closed_meeting(lang)
    name = f"closed-{lang}{'.confidential' if confidential else ''}"
    golden(f"{name}.md", render(meeting, "md", include_closed=confidential))
    golden(f"{name}.main.html", _main(render(meeting, "html", include_closed=confidential)))


def test_a_closed_item_is_its_number_and_lukket_punkt_in_the_agenda_and_the_body() -> None:
    md = render(closed_meeting("da"), "md").decode()
    assert "| 2. | 13.10 | Lukket punkt |" in md
    assert "| 3. | 13.30 | Ejendomshandel (lukket punkt) |" in md
    assert "| 4. | 13.45 | Evt. v/Bo Berg |" in md  # the plan after a closed item holds
    body = md.split("## Pkt. 2 Lukket punkt\n\n", 1)[1]
    assert body.startswith("## Pkt. 3 Ejendomshandel (lukket punkt)\n\n## Pkt. 4 Evt.")
    assert "FORTROLIGT" not in md and "Fortroligt" not in md


def test_with_closed_items_each_and_the_document_are_marked_confidential() -> None:
    md = render(closed_meeting("da"), "md", include_closed=True).decode()
    assert md.startswith(
        "**Referat**\n\n**FORTROLIGT – indeholder lukkede punkter**\n\n**UDKAST**\n"
    )
    assert "## Pkt. 2 Personalesag vedr. BB v/Anne Holm *(Fortroligt)*\n" in md
    assert "| 2. | 13.10 | Personalesag vedr. BB (B) v/Anne Holm *(Fortroligt)* |" in md
    assert "## Pkt. 1 Velkomst\n" in md  # open items are not marked
    text = render(closed_meeting("en"), "text", include_closed=True).decode()
    assert text.startswith("Minutes\nCONFIDENTIAL – includes closed items\n\nDRAFT\n")
    assert "Item 2 Staff matter regarding BB by Anne Holm (Confidential)\n" in text


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_asking_for_closed_items_changes_nothing_when_there_are_none(fmt: str) -> None:
    meeting = closed_meeting("da")
    for item in meeting.items:
        item.closed = False
    assert render(meeting, fmt, include_closed=True) == render(meeting, fmt)


@pytest.mark.parametrize("fmt", ["email", "eml"])
def test_the_email_shows_the_document_marker(fmt: str) -> None:
    data = render(closed_meeting("da"), fmt, include_closed=True)
    if fmt == "eml":
        message = email.message_from_bytes(data, policy=default_policy)
        html = message.get_body(("html",))
        assert html is not None
        data = html.get_content().encode()
    assert "FORTROLIGT – indeholder lukkede punkter".encode() in data
    assert b"(Fortroligt)</em>" in data


def test_the_eml_draft_attaches_no_file_of_a_closed_item(tmp_path: Path) -> None:
    (tmp_path / "bilag").mkdir()
    (tmp_path / "bilag" / "notat.pdf").write_bytes(b"%PDF fortroligt")
    (tmp_path / "bilag" / "program.pdf").write_bytes(b"%PDF program")
    meeting = closed_meeting("da")
    meeting.items[0].attachments = [Attachment("Program", "bilag/program.pdf")]

    def attached(include_closed: bool) -> list[str]:
        data = render(meeting, "eml", base_dir=tmp_path, attach=True, include_closed=include_closed)
        message = email.message_from_bytes(data, policy=default_policy)
        return [part.get_filename() for part in message.iter_attachments()]

    assert attached(False) == ["program.pdf"]
    assert attached(True) == ["program.pdf", "notat.pdf"]


@pytest.mark.parametrize(("lang", "mark"), [("da", "FORTROLIGT: "), ("en", "CONFIDENTIAL: ")])
def test_the_eml_subject_says_confidential_with_closed_items(lang: str, mark: str) -> None:
    meeting = closed_meeting(lang)

    def subject(include_closed: bool) -> str:
        data = render(meeting, "eml", include_closed=include_closed)
        return str(email.message_from_bytes(data, policy=default_policy)["Subject"])

    word, draft = ("Referat", "UDKAST") if lang == "da" else ("Minutes", "DRAFT")
    assert subject(False) == f"{word}: {meeting.title} ({draft})"
    assert subject(True) == mark + subject(False)


@pytest.mark.parametrize("confidential", [False, True], ids=["public", "confidential"])
def test_the_email_styles_closed_items_as_inlining_the_whole_page_does(confidential: bool) -> None:
    from tui_referat.export import email as email_export
    from tui_referat.export.document import build
    from tui_referat.export.html_body import Body

    from .test_export_batching import _elements, _inlined_in_one_go

    doc = build(closed_meeting("da"), include_closed=confidential)
    fast = email_export.render_doc(doc)
    assert fast == _inlined_in_one_go(doc)
    whole = email_export.inline_page(doc, Body(doc, email=True).render())
    assert _elements(fast) == _elements(whole)
    if confidential:  # the marks are red and bold in every mail client (styles inlined)
        mark = '<em style="color:#b00020;font-weight:bold">(Fortroligt)'
        assert fast.count(mark) == 4  # two headings, two agenda rows
