"""Protocol remarks, late attachments, the remarks intro and an item's own deadline, the
handled order and the next meeting's free text, in every export and back through import;
the draft marker in the header block, not in the first heading."""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy

import pytest

from tui_referat.export import render
from tui_referat.importer import import_markdown
from tui_referat.storage import loads_meeting

MEETING = """\
format = 1
lang = "{lang}"
title = "Bestyrelsen"
handled_order = [1, 3, 2]

[[items]]
title = "Velkomst"
minutes = "Formanden bød velkommen."

[[items.remarks]]
source = "protocol"
author = "Jens Lund"
text = "Jens Lund ønskede ført til protokol, at han ikke var indkaldt."

[[items]]
title = "Budget"
decision = "Budgettet godkendt."
minutes = "Drøftet grundigt."
remarks_intro = "Bemærkninger *til* budgettet:"
remarks_deadline = 2026-03-02T12:00:00

[items.vote]
for = 5
against = 1

[[items.remarks]]
text = "Et almindeligt spørgsmål."

[[items.remarks]]
source = "protocol"
author = "Ida Holm"
text = "Ida Holm stemte imod."

[[items.attachments]]
title = "Budgetforslag"
late = true

[[items]]
title = "Eventuelt"

[next_meeting]
text = "maj 2027, dato følger"
"""

WORDS = {
    "da": {
        "protocol": "Protokolbemærkning fra Ida Holm:",
        "protocol1": "Protokolbemærkning fra Jens Lund:",
        "late": "(eftersendt)",
        "handled": "Pkt. 3 blev behandlet efter pkt. 1.",
        "deadline": "Frist for skriftlige bemærkninger: 2. marts 2026 kl. 12.00",
        "next": "maj 2027, dato følger",
        "vote": "imod 1",
        "marker": "UDKAST",
    },
    "en": {
        "protocol": "Protocol remark by Ida Holm:",
        "protocol1": "Protocol remark by Jens Lund:",
        "late": "(sent after the agenda)",
        "handled": "Item 3 was handled after item 1.",
        "deadline": "Deadline for written remarks: 2 March 2026",
        "next": "maj 2027, dato følger",
        "vote": "against: 1",
        "marker": "DRAFT",
    },
}
FORMATS = ("md", "html", "email", "text", "eml")


def _str(meeting: object, fmt: str) -> str:
    data = render(meeting, fmt)  # type: ignore[arg-type]
    return data if isinstance(data, str) else data.decode()


def _shown(meeting: object, fmt: str) -> str:
    data = render(meeting, fmt)  # type: ignore[arg-type]
    if fmt != "eml":
        return data if isinstance(data, str) else data.decode()
    message = email.message_from_bytes(data, policy=policy.default)
    return "\n".join(
        part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
    )


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_shows_the_new_keys(lang: str, fmt: str) -> None:
    meeting = loads_meeting(MEETING.format(lang=lang), "m.toml")
    shown = " ".join(_shown(meeting, fmt).replace("&nbsp;", " ").split())
    words = WORDS[lang]
    for key in ("protocol", "protocol1", "late", "handled", "deadline", "next"):
        assert words[key] in shown, (key, fmt)
    # the protocol remark comes after the decision and its vote line, before the minutes
    vote = shown.index(words["vote"])
    protocol = shown.index(words["protocol"])
    assert vote < protocol < shown.index("Drøftet grundigt.")
    # not among the ordinary remarks
    assert shown.index("Et almindeligt spørgsmål.") > shown.index("Drøftet grundigt.")
    # without a decision: after the minutes
    assert shown.index(words["protocol1"]) > shown.index("Formanden bød velkommen.")
    # the intro before the remarks
    assert shown.index("til") < shown.index("Et almindeligt spørgsmål.")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_protocol_remark_reads_as_markdown(lang: str) -> None:
    meeting = loads_meeting(MEETING.format(lang=lang), "m.toml")
    md = _str(meeting, "md")
    assert f"*{WORDS[lang]['protocol']}* Ida Holm stemte imod." in md


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", ["md", "text"])
def test_the_marker_is_not_in_the_first_heading(lang: str, fmt: str) -> None:
    meeting = loads_meeting(MEETING.format(lang=lang), "m.toml")
    first = _str(meeting, fmt).splitlines()[0]
    assert WORDS[lang]["marker"] not in first
    assert "·" not in first
    assert WORDS[lang]["marker"] in _str(meeting, fmt)


@pytest.mark.parametrize("fmt", ["html", "email"])
def test_the_marker_sits_in_the_case_header_box(fmt: str) -> None:
    text = MEETING.format(lang="da") + '\n[[header]]\nkey = "case_no"\nvalue = "2501039"\n'
    html = _str(loads_meeting(text, "m.toml"), fmt)
    assert re.search(r'<p class="doctype"[^>]*>Referat</p>', html)
    box = html.index("marker draft")
    case = html.index('class="case"')
    assert box < case
    if fmt == "email":
        assert html.index('class="doc-case"') < box
    else:
        assert html.index('class="case-box"') < box


@pytest.mark.parametrize("lang", ["da", "en"])
def test_import_reads_the_new_keys_back(lang: str) -> None:
    meeting = loads_meeting(MEETING.format(lang=lang), "m.toml")
    back = import_markdown(_str(meeting, "md")).meeting
    assert back.handled_order == [1, 3, 2]
    assert back.next_meeting is not None
    assert back.next_meeting.text == "maj 2027, dato følger"
    assert back.next_meeting.location == ""
    welcome, budget, _ = back.items
    assert welcome.minutes.strip() == "Formanden bød velkommen."
    assert [(r.source.value, r.author, r.text) for r in welcome.remarks] == [
        ("protocol", "Jens Lund", "Jens Lund ønskede ført til protokol, at han ikke var indkaldt.")
    ]
    assert budget.decision.strip() == "Budgettet godkendt."
    assert budget.vote is not None and (budget.vote.for_, budget.vote.against) == (5, 1)
    assert sorted((r.source.value, r.author, r.text) for r in budget.remarks) == [
        ("meeting", "", "Et almindeligt spørgsmål."),
        ("protocol", "Ida Holm", "Ida Holm stemte imod."),
    ]
    assert budget.remarks_intro.strip() == "Bemærkninger *til* budgettet:"
    assert budget.remarks_deadline == dt.datetime(2026, 3, 2, 12, 0)
    assert budget.remarks_note == ""
    assert [(a.title, a.late) for a in budget.attachments] == [("Budgetforslag", True)]
    assert back.status == meeting.status


REMARKED = """\
format = 1
title = "Bestyrelsen"

[[items]]
title = "Budget"
minutes = "{minutes}"

[[items.remarks]]
topic = "Reserve"
text = "Reserven er for lille."
"""


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_remarks_follow_the_minutes_without_a_heading(fmt: str) -> None:
    meeting = loads_meeting(REMARKED.format(minutes="Drøftet."), "m.toml")
    out = _str(meeting, fmt)
    assert "Bemærkninger" not in out
    assert out.index("Drøftet.") < out.index("Reserve") < out.index("Reserven er for lille.")
    back = import_markdown(_str(meeting, "md")).meeting
    assert back.items[0].minutes.strip() == "Drøftet."
    assert [(r.topic, r.text) for r in back.items[0].remarks] == [
        (["Reserve"], "Reserven er for lille.")
    ]


@pytest.mark.parametrize("fmt", ["md", "text", "html"])
def test_remarks_keep_their_heading_without_minutes(fmt: str) -> None:
    meeting = loads_meeting(REMARKED.format(minutes=""), "m.toml")
    assert "Bemærkninger" in _str(meeting, fmt)


PARAGRAPHS = """\
format = 1
title = "Bestyrelsen"

[[items]]
title = "Budget"

[[items.remarks]]
text = \"\"\"
Reserven er for lille.

Den bør mindst fordobles.
\"\"\"

[[items.remarks]]
author = "Ida Holm"
text = \"\"\"
- Flere penge til drift.
- Færre til anlæg.
\"\"\"
"""


@pytest.mark.parametrize("fmt", ["html", "email"])
def test_a_remark_of_paragraphs_stays_paragraphs_in_html(fmt: str) -> None:
    html = _str(loads_meeting(PARAGRAPHS, "m.toml"), fmt)
    assert not re.search(r"<li[^>]*>\s*<p[^>]*>\s*Reserven", html)  # not a bullet
    assert re.search(r"<p[^>]*>\s*Reserven er for lille.</p>\s*<p[^>]*>\s*Den bør", html)
    # the attribution of a list is a line of its own, the list's points the bullets
    assert re.search(r"\(Ida Holm\)</em>\s*</p>\s*<ul[^>]*>\s*<li[^>]*>\s*Flere penge", html)
    assert not re.search(r"<li[^>]*>\s*<p[^>]*>\s*<em[^>]*>\(Ida Holm\)", html)


def test_a_remark_of_paragraphs_stays_paragraphs_in_text() -> None:
    text = _str(loads_meeting(PARAGRAPHS, "m.toml"), "text")
    assert "\nReserven er for lille.\n\nDen bør mindst fordobles.\n" in text
    assert "- Reserven" not in text
    assert "\n(Ida Holm)\n- Flere penge til drift.\n- Færre til anlæg.\n" in text


def test_one_line_remarks_are_still_bullets() -> None:
    meeting = loads_meeting(PARAGRAPHS, "m.toml")
    meeting.items[0].remarks[0].text = "Reserven er for lille."
    meeting.items[0].remarks[1].text = "Flere penge til drift."
    text = _str(meeting, "text")
    assert "- Reserven er for lille.\n- (Ida Holm) Flere penge til drift.\n" in text
