"""Roles, substitutes, presence events, the actual start and end, the grouped participants
and the agenda without a time column, in every export, Danish and English."""

from __future__ import annotations

import email
import re
from email import policy

import pytest

from tui_referat.export import render
from tui_referat.storage import loads_meeting

MEETING = """\
format = 1
lang = "{lang}"
title = "Bestyrelsen"
started = "18.35"
ended = "21.35"
participants_layout = "{layout}"

[[participants]]
name = "Anne Holm"
role = "formand"

[[participants.presence]]
event = "left"
time = "20.25"
item = 2

[[participants.presence]]
event = "returned"
time = "21.16"
item = 3

[[participants]]
name = "Bo Berg"
attendance = "apologies"

[[participants]]
name = "Cai Dahl"
attendance = "online"
substitute_for = "Bo Berg"

[[participants.presence]]
event = "arrived"
time = "19.05"
item = 1

[[participants]]
name = "Dea Ek"
attendance = "absent"

[[items]]
title = "Velkomst"

[[items]]
title = "Budget"

[[items]]
title = "Eventuelt"
"""

PHRASES = {
    "da": [
        "Mødet startede kl. 18.35 og sluttede kl. 21.35.",
        "Anne Holm – formand (forlod mødet kl. 20.25 (pkt. 2) og vendte tilbage kl. 21.16 "
        "(pkt. 3))",
        "Cai Dahl (deltog on-line, suppleant for Bo Berg, tilsluttede sig mødet kl. 19.05 "
        "(pkt. 1))",
        "Ikke til stede under punktet",
    ],
    "en": [
        "The meeting started at 18:35 and ended at 21:35.",
        "Anne Holm – formand (left the meeting at 20:25 (item 2) and returned at 21:16 (item 3))",
        "Cai Dahl (attended online, substitute for Bo Berg, joined the meeting at 19:05 (item 1))",
        "Not present for the item",
    ],
}
GROUPS = {
    "da": ("Til stede", "Afbud", "Fraværende uden afbud"),
    "en": ("Present", "Apologies", "Absent without apologies"),
}


def _text(lang: str, fmt: str, layout: str = "list", source: str = MEETING) -> str:
    meeting = loads_meeting(source.format(lang=lang, layout=layout), "m.toml")
    data = render(meeting, fmt)
    if fmt == "eml":
        message = email.message_from_bytes(data, policy=policy.default)
        part = message.get_body(("plain",))
        assert part is not None
        return part.get_content()
    text = data.decode()
    if fmt == "email":  # the name and the rest are two cells of a participant's row
        text = re.sub(r'</td><td class="participant-details"[^>]*>', " ", text)
    return text


def _flat(text: str) -> str:
    """Markdown and text without their emphasis and line wrapping, for a phrase search."""
    return " ".join(text.replace("**", "").split())


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "email", "text", "eml"])
def test_every_export_shows_the_attendance_phrases(lang: str, fmt: str) -> None:
    text = _flat(_text(lang, fmt))
    for phrase in PHRASES[lang]:
        assert phrase in text


def test_an_item_everyone_attended_has_no_absence_line() -> None:
    text = _text("da", "md")
    item_3 = text.split("## Pkt. 3 Eventuelt")[1]
    assert "Ikke til stede" not in item_3
    item_2 = text.split("## Pkt. 2 Budget")[1].split("## Pkt. 3")[0]
    assert "### Ikke til stede under punktet\n\nAnne Holm\n" in item_2


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_grouped_layout_in_markdown(lang: str) -> None:
    text = _text(lang, "md", "grouped")
    present, apologies, absent = GROUPS[lang]
    part = text.split(f"### {present}\n\n")[1].split("\n\n## ")[0]
    assert part.startswith("- **Anne Holm** – formand (")
    assert "- **Cai Dahl** (" in part.split(f"### {apologies}")[0]
    assert f"### {apologies}\n\n- **Bo Berg**\n\n### {absent}\n\n- **Dea Ek**" in part


@pytest.mark.parametrize("fmt", ["html", "email", "text", "eml"])
def test_the_grouped_layout_in_the_other_formats(fmt: str) -> None:
    text = _text("da", fmt, "grouped")
    places = [text.index(label) for label in GROUPS["da"]]
    assert places == sorted(places)
    assert text.index("Bo Berg", places[1]) < places[2] < text.index("Dea Ek")
    assert "Bo Berg (afbud)" not in text  # the group says it


def test_the_list_layout_is_unchanged_by_default() -> None:
    text = _text("da", "md")
    assert "### Til stede" not in text
    assert "- **Bo Berg** (afbud)" in text


@pytest.mark.parametrize("fmt", ["md", "html", "email", "text", "eml"])
def test_no_time_column_when_no_item_has_a_time(fmt: str) -> None:
    assert "Ca. tid" not in _text("da", fmt)
    timed = MEETING.replace('title = "Velkomst"', 'title = "Velkomst"\ntime = "18.30"')
    assert "Ca. tid" in _text("da", fmt, source=timed)
    # the planned start alone dates only the first item: still no column
    started = MEETING.replace('title = "Bestyrelsen"', 'title = "Bestyrelsen"\nstart = "18.30"')
    assert "Ca. tid" not in _text("da", fmt, source=started)
    lengths = started.replace('title = "Velkomst"', 'title = "Velkomst"\nduration = 10')
    assert "Ca. tid" in _text("da", fmt, source=lengths)


def test_only_one_actual_time() -> None:
    text = MEETING.format(lang="da", layout="list").replace('ended = "21.35"\n', "")
    assert "Mødet startede kl. 18.35." in render(loads_meeting(text, "m.toml"), "md").decode()
    text = MEETING.format(lang="en", layout="list").replace('started = "18.35"\n', "")
    assert "The meeting ended at 21:35." in render(loads_meeting(text, "m.toml"), "md").decode()


def test_a_closed_item_does_not_say_who_was_away_in_a_public_export() -> None:
    text = MEETING.replace('title = "Budget"', 'title = "Budget"\nclosed = true')
    meeting = loads_meeting(text.format(lang="da", layout="list"), "m.toml")
    public = render(meeting, "md").decode()
    assert "## Pkt. 2 Lukket punkt\n" in public
    assert "Ikke til stede under punktet" not in public.split("## Pkt. 2")[1].split("## Pkt. 3")[0]
    whole = render(meeting, "md", include_closed=True).decode()
    assert "### Ikke til stede under punktet\n\nAnne Holm" in whole
