"""A whole meeting written in a real terminal, at a fast typist's pace.

``referat new`` makes the file; the editor (``python -m tui_referat FILE`` in a pty at 80x24)
gets every part of minutes of the reference kind: participants with three kinds of attendance,
chair and secretary, the meeting's header and a case field, items with kind, time, presenter,
minutes and recommendation, remarks given at the meeting and in writing (topics and
sub-topics), attachments, an action and the next meeting. Each step is sent as one write (the
keys arrive together, as from a fast typist, a paste or a slow SSH link); the test only looks at
the screen where a person would (a dialog or a new item appearing). Then ctrl+s, ctrl+q, and the
file must hold exactly what was typed, field by field.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui_referat.domain.model import Attendance, Kind, RemarkSource
from tui_referat.storage import load_meeting

pytestmark = pytest.mark.slow

TAB, ENTER, ESC = "\t", "\r", "\x1b"
UP, DOWN, END = "\x1b[A", "\x1b[B", "\x1b[F"
F6 = "\x1b[17~"
SPACE = " "
CTRL_R, CTRL_S = "\x12", "\x13"

PEOPLE = [
    ("Anne Holm", "kontorchef", "Teknik og Miljø"),
    ("Bo Berg", "fuldmægtig", "Sekretariatet"),
    ("Carl Dahl", "arkitekt", "Region Nord"),
    ("Dorte Eskildsen", "leder", "Biblioteket"),
    ("Erik Friis", "konsulent", "Region Syd"),
    ("Fie Gram", "specialist", "Kommune A"),
    ("Gustav Hald", "chef", "Kommune B"),
    ("Hanne Iversen", "rådgiver", "Kommune C"),
    ("Ib Juhl", "direktør", "Fonden"),
    ("Jette Krog", "projektleder", "Sekretariatet"),
    ("Kim Lund", "observatør", "Ministeriet"),
]
#: Attendance set in the table (Space: present -> online -> apologies); others present.
ONLINE = {"Ib Juhl", "Hanne Iversen"}
APOLOGIES = {"Kim Lund", "Gustav Hald"}

ITEMS = [
    # title, kind letter, time, presenter, minutes, recommendation
    (
        "Godkendelse af dagsorden",
        "B",
        "13.05",
        "Anne Holm",
        "Dagsordenen blev godkendt uden ændringer.",
        "Det indstilles, at dagsordenen godkendes.",
    ),
    (
        "Budget for næste år",
        "D",
        "13.15",
        "Bo Berg",
        "Bo gennemgik budgettet. Styregruppen drøftede især driften.",
        "Det indstilles, at styregruppen drøfter budgettet.",
    ),
    (
        "Orientering om it-strategi",
        "O",
        "14.00",
        "Carl Dahl",
        "Carl orienterede om strategien, og bemærkningerne står nedenfor.",
        "",
    ),
]
WELCOME = "Anne bød velkommen til mødet og til de nye medlemmer."


def referat_new(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "tui_referat", "new", str(path), "--title", "Nyt møde"],
        check=True,
        capture_output=True,
    )


def esc(editor) -> None:
    """Esc alone, as a person presses it (Esc and a letter in one read mean Alt+letter)."""
    editor.send(ESC)
    time.sleep(0.4)


def test_a_whole_meeting_typed_in_bursts_is_saved_exactly(tmp_path: Path, editor_pty) -> None:
    path = tmp_path / "styregruppe.toml"
    referat_new(path)
    editor = editor_pty(path)
    editor.expect("Dagsorden")

    # Participants: the table, one burst per person (add, name, title, organisation, OK).
    editor.send(UP + ENTER)
    for name, title, organisation in PEOPLE:
        editor.send("a" + name + TAB + title + TAB + organisation + ENTER)
    editor.expect(f"{len(PEOPLE)} deltagere")
    # The cursor is on the last row: attendance from the bottom up, then chair and secretary.
    rows = [name for name, _, _ in PEOPLE]
    keys = ""
    for name in reversed(rows):
        keys += SPACE * (1 if name in ONLINE else 2 if name in APOLOGIES else 0) + UP
    editor.send(keys + "c" + DOWN + "s")  # the top row: Anne Holm chairs, Bo Berg writes
    editor.expect("Sekretær: ✎ Bo Berg")
    esc(editor)

    # The meeting: title, date, times and place in one burst, then a case field.
    editor.send(UP + ENTER)
    editor.send(
        "Møde 4 i styregruppen"
        + TAB
        + "2.12.2025"
        + TAB
        + "13.00"
        + TAB
        + "15.30"
        + TAB
        + "Rådhuset, mødelokale 2"
    )
    editor.send(TAB * 12 + "a" + "Anne Holm" + ENTER)  # the next case field: its value
    editor.expect("Sagsbeh")
    esc(editor)

    # The standing first item: its minutes.
    editor.send(DOWN + DOWN + ENTER + WELCOME)  # Mødet -> Deltagere -> 1. Velkomst
    esc(editor)

    # Three new items (after the first): title, kind, time, presenter, minutes, recommendation.
    for title, kind, at, presenter, minutes, recommendation in ITEMS:
        keys = "a" + title + TAB + kind + TAB + at + TAB + TAB + presenter + ENTER + minutes
        if recommendation:
            keys += F6 + recommendation
        editor.send(keys)
        editor.expect((recommendation or minutes).split()[-1])  # on the screen: the item is done
        esc(editor)

    # Remarks on the third new item: two written (one email), one at the meeting.
    editor.send(ENTER + F6 + F6 + F6)
    editor.expect("Ingen bemærkninger")
    editor.send(
        "a"
        + "Økonomi > Drift"
        + TAB
        + "s"
        + TAB
        + "20.11.2025"
        + TAB
        + "Dorte Eskildsen"
        + ENTER
        + "Driften bør budgetteres for fem år ad gangen."
        + CTRL_R
        + "Husk licenserne i budgettet."
    )
    esc(editor)
    editor.send("a" + "Arkitektur" + TAB + "m" + ENTER + "Strategien bør bygge på åbne standarder.")
    esc(editor)
    esc(editor)  # the tab line
    # Attachments: two; an action.
    editor.send(F6 * 5)
    editor.expect("Ingen bilag")
    editor.send(
        "a"
        + "It-strategi 2026-2029"
        + TAB
        + "bilag/strategi.pdf"
        + ENTER
        + "a"
        + "Tidsplan"
        + ENTER
    )
    editor.send(F6)
    editor.send("a" + "Send strategien i høring" + TAB + "Carl Dahl" + TAB + "15.12.2025" + ENTER)
    editor.expect("høring")
    esc(editor)
    esc(editor)
    esc(editor)

    # The next meeting.
    editor.send(END + ENTER + "3.3.2026" + TAB + "13.00" + TAB + "15.00" + TAB + "Rådhuset")
    editor.send(CTRL_S)
    editor.expect("Gemt")
    tail = editor.quit()
    assert "Traceback" not in tail

    meeting = load_meeting(path)
    assert meeting.title == "Møde 4 i styregruppen"
    assert meeting.date == dt.date(2025, 12, 2)
    assert (meeting.start, meeting.end) == (dt.time(13, 0), dt.time(15, 30))
    assert meeting.location == "Rådhuset, mødelokale 2"
    assert (meeting.chair, meeting.secretary) == ("Anne Holm", "Bo Berg")
    assert any(f.key == "handler" and f.value == "Anne Holm" for f in meeting.header)

    assert [(p.name, p.title, p.organisation) for p in meeting.participants] == PEOPLE
    for person in meeting.participants:
        expected = (
            Attendance.ONLINE
            if person.name in ONLINE
            else Attendance.APOLOGIES
            if person.name in APOLOGIES
            else Attendance.PRESENT
        )
        assert person.attendance == expected, person.name

    titles = [item.title for item in meeting.items]
    assert titles == ["Velkomst", *[i[0] for i in ITEMS], "Evt."]
    assert meeting.items[0].minutes.strip() == WELCOME
    for item, (title, kind, at, presenter, minutes, recommendation) in zip(
        meeting.items[1:4], ITEMS, strict=True
    ):
        assert item.kind == Kind(kind), title
        assert item.time == dt.time(*map(int, at.split("."))), title
        assert item.presenters == [presenter], title
        assert item.minutes.strip() == minutes, title
        assert item.recommendation.strip() == recommendation, title

    strategy = meeting.items[3]
    assert [
        (r.topic, r.source, r.author, r.received, r.text.strip()) for r in strategy.remarks
    ] == [
        (
            ["Økonomi", "Drift"],
            RemarkSource.WRITTEN,
            "Dorte Eskildsen",
            dt.date(2025, 11, 20),
            "Driften bør budgetteres for fem år ad gangen.",
        ),
        (
            ["Økonomi", "Drift"],
            RemarkSource.WRITTEN,
            "",
            dt.date(2025, 11, 20),
            "Husk licenserne i budgettet.",
        ),
        (
            ["Arkitektur"],
            RemarkSource.MEETING,
            "",
            None,
            "Strategien bør bygge på åbne standarder.",
        ),
    ]
    assert [(a.title, a.path) for a in strategy.attachments] == [
        ("It-strategi 2026-2029", "bilag/strategi.pdf"),
        ("Tidsplan", ""),
    ]
    [action] = strategy.actions
    assert (action.text, action.owner, action.due) == (
        "Send strategien i høring",
        "Carl Dahl",
        dt.date(2025, 12, 15),
    )
    nxt = meeting.next_meeting
    assert nxt is not None and nxt.date == dt.date(2026, 3, 3)
    assert (nxt.start, nxt.end, nxt.location) == (dt.time(13, 0), dt.time(15, 0), "Rådhuset")
