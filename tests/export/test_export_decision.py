"""The decision (Beslutning) and its vote line in every export, Danish and English."""

from __future__ import annotations

import email
from email import policy

import pytest

from tui_referat.export import render
from tui_referat.storage import loads_meeting
from tui_referat.text.votes import format_vote, parse_vote

MEETING = """\
format = 1
lang = "{lang}"
title = "Styregruppen"

[[items]]
title = "Budget"
kind = "B"
recommendation = "Det indstilles, at budgettet godkendes."
decision = "Budgettet *godkendt*."
minutes = "Drøftet."

[items.vote]
for = 9
against = 2
abstain = 1
for_names = ["Anne Holm", "Bo Berg"]

[[items]]
title = "Eventuelt"
"""

MD = {
    "da": (
        "### Indstilling\n\nDet indstilles, at budgettet godkendes.\n\n"
        "### Beslutning\n\nBudgettet *godkendt*.\n\n"
        "For stemte 9 (Anne Holm, Bo Berg), imod 2, 1 undlod at stemme\n\n"
        "### Referat\n\nDrøftet.\n"
    ),
    "en": (
        "### Recommendation\n\nDet indstilles, at budgettet godkendes.\n\n"
        "### Decision\n\nBudgettet *godkendt*.\n\n"
        "For: 9 (Anne Holm, Bo Berg), against: 2, abstained: 1\n\n"
        "### Minutes\n\nDrøftet.\n"
    ),
}
HEADING = {"da": "Beslutning", "en": "Decision"}
LINE = {
    "da": "For stemte 9 (Anne Holm, Bo Berg), imod 2, 1 undlod at stemme",
    "en": "For: 9 (Anne Holm, Bo Berg), against: 2, abstained: 1",
}


def _meeting(lang: str):  # type: ignore[no-untyped-def]
    return loads_meeting(MEETING.format(lang=lang), "m.toml")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_markdown_shows_the_decision_after_the_recommendation_with_the_vote(lang: str) -> None:
    text = render(_meeting(lang), "md").decode()
    assert MD[lang] in text


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", ["html", "email", "text", "eml"])
def test_every_format_shows_the_heading_and_the_vote_line(lang: str, fmt: str) -> None:
    data = render(_meeting(lang), fmt)
    if fmt == "eml":
        message = email.message_from_bytes(data, policy=policy.default)
        text = "".join(
            part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
        )
    else:
        text = data.decode()
    assert HEADING[lang] in text
    assert LINE[lang] in text
    recommendation = text.index("Det indstilles")
    assert recommendation < text.index(HEADING[lang], recommendation) < text.index(LINE[lang])


def test_a_vote_without_a_decision_text_is_shown_alone_and_nothing_without_either() -> None:
    meeting = _meeting("da")
    meeting.items[0].decision = ""
    text = render(meeting, "md").decode()
    assert "### Beslutning\n\nFor stemte 9 (Anne Holm, Bo Berg), imod 2, 1 undlod" in text
    meeting.items[0].vote = None
    assert "Beslutning" not in render(meeting, "md").decode()


def test_a_closed_item_shows_no_vote_in_public() -> None:
    meeting = _meeting("da")
    meeting.items[0].closed = True
    public = render(meeting, "md").decode()
    assert "Beslutning" not in public and "For stemte" not in public
    assert LINE["da"] in render(meeting, "md", include_closed=True).decode()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_vote_line_reads_back(lang: str) -> None:
    counts, names = (9, 0, 3), (["A"], [], ["B", "C"])
    assert parse_vote(format_vote(lang, counts, names)) == (counts, names)
    assert parse_vote(format_vote(lang, (1, 2, 3))) == ((1, 2, 3), ([], [], []))
    assert parse_vote("For stemte mange") is None
