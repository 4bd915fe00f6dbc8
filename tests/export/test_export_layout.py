"""Layout and language: the reference's order, Danish and English labels, Babel dates."""

from __future__ import annotations

import datetime as dt

import pytest

from tui_referat.domain.model import Status
from tui_referat.export import FORMATS, default_suffix, render

from .conftest import built_meeting
from .docx_read import shown_text


def _text(meeting, fmt: str = "text") -> str:
    return render(meeting, fmt).decode()


def _in_order(text: str, parts: list[str]) -> bool:
    position = -1
    for part in parts:
        found = text.find(part, position + 1)
        if found < 0:
            return False
        position = found
    return True


@pytest.mark.parametrize("fmt", ["md", "html", "email", "text"])
def test_danish_layout_follows_the_reference(fmt: str) -> None:
    out = _text(built_meeting("da"), fmt)
    order = [
        "Referat",
        "UDKAST",
        "Sagsnr.",
        "Møde 4 i arbejdsgruppen",
        "16. september 2025",
        "Mødeleder",
        "Sekretær",
        "Punkt",
        "Ca. tid",
        "Aktivitet",
        "Deltagere",
        "Pkt. 3 Arbejdsprogram: input til emnebeskrivelser v/Bo Berg",
        "Indstilling",
        "Referat",
        "Skriftlige bemærkninger",  # after the minutes, without a heading of their own
        "Problemstilling",
        "Løsning",
        "Videre proces",
        "Opfølgning",
        "Næste møde",
        "tirsdag den 2. december 2025 kl. 14.30-16.00, virtuelt",
        "Frist for skriftlige bemærkninger",
        "25. september 2025 kl. 16.00",
    ]
    assert _in_order(out, order), fmt
    assert "Bilag 2.1" in out and "Strategi 2025-2027" in out
    assert "Status på datadeling (O) v/Carl Dahl og Bo Berg" in out
    assert "(deltog on-line)" in out and "(afbud)" in out


@pytest.mark.parametrize("fmt", ["md", "html", "email", "text"])
def test_english_labels_and_dates(fmt: str) -> None:
    out = _text(built_meeting("en"), fmt)
    for word in (
        "Minutes",
        "DRAFT",
        "Case no.",
        "16 September 2025",
        "Chair",
        "Secretary",
        "Approx. time",
        "Participants",
        "Item 3 Work programme by Bo Berg",
        "Recommendation",
        "Written remarks",
        "Next steps",
        "Attachment 2.1",
        "Next meeting",
        "Tuesday 2 December 2025 14:30-16:00, online",
        "(attended online)",
        "(apologies)",
    ):
        assert word in out, (fmt, word)
    for danish in ("Referat", "UDKAST", "Bemærkninger", "Næste møde", "september 2025 kl."):
        assert danish not in out, (fmt, danish)


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_approved_minutes_show_the_approval_date_not_draft(fmt: str) -> None:
    meeting = built_meeting("da")
    meeting.status = Status.APPROVED
    meeting.approved = dt.date(2025, 11, 4)
    out = _text(meeting, fmt)
    assert "Godkendt 4. november 2025" in out
    assert "UDKAST" not in out


@pytest.mark.parametrize("fmt", ["md", "text"])
def test_review_status_is_still_marked_as_draft(fmt: str) -> None:
    meeting = built_meeting("en")
    meeting.status = Status.REVIEW
    assert "DRAFT" in _text(meeting, fmt)


def test_remarks_are_grouped_by_topic_with_written_ones_apart() -> None:
    out = _text(built_meeting(), "text")
    # the remarks follow the minutes, without a heading of their own
    section = out[out.index("Bo orienterede") : out.index("Problemstilling")]
    assert _in_order(
        section,
        [
            "Generel bemærkning uden emne",
            "HPC",
            "Storage",
            "Vær opmærksom på omkostningerne.",
            "Bedre adgang til data.",  # same topic: grouped with the first, though given later
            "Sourcing",
            "Skriftlige bemærkninger:",
            "(Carl Dahl, modtaget 20. september 2025)",
            "Database",
            "Automatisering af udlevering.",
            "Skriftlige bemærkninger:",
            "Indberet andre data",
            "Skriftlige bemærkninger sendes til Bo",  # the remarks note comes last
        ],
    )


def test_actions_show_owner_and_due_date() -> None:
    md = _text(built_meeting(), "md")
    assert "- [ ] Sende oversigten til alle — Bo Berg, frist 2025-10-01" in md
    assert "- [x] Opdatere listen" in md
    text = _text(built_meeting(), "text")
    assert "- [ ] Sende oversigten til alle — Bo Berg, frist 1. oktober 2025" in text


def test_planned_times_come_from_durations_and_explicit_times() -> None:
    md = _text(built_meeting(), "md")
    assert "| 1. | 12.00 | Velkomst v/Åse Østergård |" in md
    assert "| 2. | 12.15 |" in md
    assert "| 3. | 13.00 |" in md
    assert "| 4. | 14.00 |" in md


def test_default_suffixes() -> None:
    assert [default_suffix(f) for f in FORMATS] == [
        ".md", ".html", ".html", ".txt", ".eml", ".docx"
    ]  # fmt: skip
    assert default_suffix("pdf") == ".pdf"
    with pytest.raises(ValueError):
        default_suffix("rtf")
    with pytest.raises(ValueError):
        render(built_meeting(), "rtf")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_an_empty_meeting_exports_without_empty_headings(fmt: str) -> None:
    from tui_referat.domain.model import AgendaItem, Meeting

    data = render(Meeting(items=[AgendaItem("")]), fmt)
    out = shown_text(data) if fmt == "docx" else data.decode("utf-8")
    assert "Pkt. 1" in out
    assert "<h1></h1>" not in out and "\n#\n" not in out and "Pkt. 1 \n" not in out
