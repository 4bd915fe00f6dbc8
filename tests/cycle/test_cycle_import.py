"""`referat import`: the export's Markdown read back, hand-written minutes, warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui_referat import cli
from tui_referat.domain.model import (
    AgendaItem,
    Attendance,
    Kind,
    Meeting,
    RemarkSource,
    Status,
    Vote,
)
from tui_referat.export.markdown import render as render_md
from tui_referat.importer import import_markdown
from tui_referat.storage import load_meeting, loads_meeting

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.md")), ids=lambda p: p.name)
def test_golden_markdown_reads_back_to_the_same_markdown(path: Path):
    text = path.read_text(encoding="utf-8")
    result = import_markdown(text)
    assert result.warnings == []
    confidential = ".confidential." in path.name  # closed items shown whole
    assert render_md(result.meeting, include_closed=confidential) == text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_decision_and_its_vote_come_back(lang: str):
    decision = "Budgettet *godkendt*.\n\nMed én ændring."
    for vote in (
        Vote(9, 2, 1, ["Anne Holm", "Bo Berg"], [], ["Carl Dam"]),
        Vote(0, 0, 0),
    ):
        original = Meeting(
            title="M",
            lang=lang,
            items=[AgendaItem("Budget", kind=Kind.DECISION, decision=decision, vote=vote)],
        )
        back = import_markdown(render_md(original))
        assert back.warnings == []
        (item,) = back.meeting.items
        assert (item.decision, item.vote) == (decision, vote)
    alone = Meeting(title="M", lang=lang, items=[AgendaItem("B", vote=Vote(3, 0, 0))])
    (item,) = import_markdown(render_md(alone)).meeting.items
    assert (item.decision, item.vote) == ("", Vote(3, 0, 0))


def _strip(text: str) -> str:
    return text.strip()


@pytest.mark.parametrize("name", ["arbejdsgruppe.toml", "board-meeting.toml", "lokaludvalg.toml"])
def test_sample_meetings_come_back(samples_dir: Path, name: str):
    original = load_meeting(samples_dir / name)
    back = import_markdown(render_md(original)).meeting
    assert (back.title, back.lang, back.status, back.approved) == (
        original.title,
        original.lang,
        original.status if original.status is not Status.REVIEW else Status.DRAFT,
        original.approved,
    )
    assert (back.date, back.start, back.end, back.location) == (
        original.date,
        original.start,
        original.end,
        original.location,
    )
    assert (back.chair, back.secretary) == (original.chair, original.secretary)
    people = original.participants
    if original.participants_layout == "grouped":  # the groups set the order on the page
        group = {"apologies": 1, "absent": 2}
        people = sorted(people, key=lambda person: group.get(person.attendance.value, 0))
    assert back.participants == people
    assert (back.participants_layout, back.started, back.ended, back.handled_order) == (
        original.participants_layout,
        original.started,
        original.ended,
        original.handled_order,
    )
    assert back.sections == original.sections
    assert back.next_meeting == original.next_meeting
    assert back.remarks_deadline == original.remarks_deadline
    assert [(f.key, f.value) for f in back.header] == [(f.key, f.value) for f in original.header]
    assert back.planned_times() == original.planned_times()
    for mine, theirs in zip(back.items, original.items, strict=True):
        if theirs.closed:  # a public export shows its number and public title, nothing else
            assert (mine.title, mine.closed) == (theirs.public_title or "Lukket punkt", True)
            assert not (mine.case or mine.decision or mine.remarks or mine.actions)
            continue
        assert (mine.title, mine.kind, mine.presenters) == (
            theirs.title,
            theirs.kind,
            theirs.presenters,
        )
        keys = ("case", "recommendation", "decision", "minutes", "problem", "solution")
        for key in (*keys, "next_steps"):
            assert mine.section(key) == _strip(theirs.section(key))
        assert mine.vote == theirs.vote
        assert [(r.text, r.topic, r.source, r.author, r.received) for r in mine.remarks] == [
            (_strip(r.text), r.topic, r.source, r.author, r.received) for r in theirs.remarks
        ]
        assert mine.remarks_note == _strip(theirs.remarks_note)
        assert (mine.remarks_intro, mine.remarks_deadline) == (
            _strip(theirs.remarks_intro),
            theirs.remarks_deadline,
        )
        assert [(a.title, a.late) for a in mine.attachments] == [
            (a.title, a.late) for a in theirs.attachments
        ]
        assert mine.actions == theirs.actions


HAND_WRITTEN = """\
# Møde 1 i haveforeningen

Dato: 3. maj 2025
Tid: kl. 10.00-12.00
Sted: Fælleshuset

## Deltagere

- Anne Holm, formand, Haveforeningen (afbud)
- **Bo Berg**, kasserer (fra kl. 10.30)
- Carl Dahl

## 1. Velkomst

Anne bød velkommen.

## Punkt 2 Økonomi (B) v/Bo Berg

### Referat

Regnskabet blev godkendt.

### Noter fra kaffen

Noget helt andet.

### Bemærkninger

- *(Carl Dahl, modtaget 4. maj 2025)* Husk kvitteringerne.

### Opfølgning

- [ ] Betale regningen — Bo Berg, frist 2025-05-10
- [x] Købe kaffe

En sætning mellem handlingerne.
"""


def test_hand_written_minutes_nothing_dropped_and_warnings_with_lines():
    result = import_markdown(HAND_WRITTEN)
    meeting = result.meeting
    assert meeting.title == "Møde 1 i haveforeningen"
    assert meeting.date == dt.date(2025, 5, 3)
    assert (meeting.start, meeting.end) == (dt.time(10, 0), dt.time(12, 0))
    assert meeting.location == "Fælleshuset"
    anne, bo, carl = meeting.participants
    assert (anne.name, anne.title, anne.organisation, anne.attendance) == (
        "Anne Holm",
        "formand",
        "Haveforeningen",
        Attendance.APOLOGIES,
    )
    assert (bo.title, bo.attendance, bo.note) == ("kasserer", Attendance.PARTIAL, "fra kl. 10.30")
    assert carl.attendance is Attendance.PRESENT
    welcome, economy = meeting.items
    assert welcome.minutes == "Anne bød velkommen."
    assert (economy.title, economy.kind, economy.presenters) == (
        "Økonomi",
        Kind.DECISION,
        ["Bo Berg"],
    )
    assert "Regnskabet blev godkendt." in economy.minutes
    assert "### Noter fra kaffen\n\nNoget helt andet." in economy.minutes
    assert "En sætning mellem handlingerne." in economy.minutes
    (remark,) = economy.remarks
    assert (remark.author, remark.received, remark.text) == (
        "Carl Dahl",
        dt.date(2025, 5, 4),
        "Husk kvitteringerne.",
    )
    assert remark.source is RemarkSource.MEETING
    assert [(a.text, a.owner, a.due, a.done) for a in economy.actions] == [
        ("Betale regningen", "Bo Berg", dt.date(2025, 5, 10), False),
        ("Købe kaffe", "", None, True),
    ]
    lines = [line for line, _ in result.warnings]
    assert lines == [15, 23, 36]
    assert "unknown section heading" in result.warnings[1][1]


def test_agenda_only_minutes_become_items_with_kind_and_time():
    text = (
        "# Board meeting 1\n\nDate: 2025-03-04\nTime: 18:00-19:00\n\n## Agenda\n\n"
        "| Item | Approx. time | Activity |\n| ---: | --- | --- |\n"
        "| 1. | 18:00 | Welcome by Ann Lee |\n| 2. | 18:20 | Budget (B) by Bo Berg and Ann Lee |\n"
    )
    meeting = import_markdown(text).meeting
    assert meeting.lang == "en"
    assert [(i.title, i.kind, i.time, i.presenters) for i in meeting.items] == [
        ("Welcome", None, dt.time(18, 0), ["Ann Lee"]),
        ("Budget", Kind.DECISION, dt.time(18, 20), ["Bo Berg", "Ann Lee"]),
    ]


def test_hand_written_dates_and_times_follow_the_editors_rules():
    text = (
        "# Møde\n\nDato: tirsdag d. 2/12-2025\nTid: 13-15.30\n\n## Dagsorden\n\n"
        "1. kl. 13.00 Velkomst\n2. 2025 budget\n3. 13.50 Eventuelt\n\n"
        "---\n\nNæste møde: 6.1.2026 kl. 13, 3. sal\n"
    )
    result = import_markdown(text)
    meeting = result.meeting
    assert not [w for _, w in result.warnings if "not understood" in w]
    assert (meeting.date, meeting.start, meeting.end) == (
        dt.date(2025, 12, 2),
        dt.time(13, 0),
        dt.time(15, 30),
    )
    # "2025 budget" is a title, not a time: a bare number is a time only after "kl."
    assert [(i.title, i.time) for i in meeting.items] == [
        ("Velkomst", dt.time(13, 0)),
        ("2025 budget", None),
        ("Eventuelt", dt.time(13, 50)),
    ]
    nxt = meeting.next_meeting
    assert (nxt.date, nxt.start, nxt.end, nxt.location) == (
        dt.date(2026, 1, 6),
        dt.time(13, 0),
        None,
        "3. sal",
    )


def test_cli_import_writes_the_file_and_refuses_to_overwrite(tmp_path: Path, capsys):
    source = tmp_path / "referat.md"
    source.write_text(HAND_WRITTEN, encoding="utf-8")
    target = tmp_path / "referat.toml"
    assert cli.main(["import", str(source), "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert "2 items" in out
    assert f"{source}:15: warning: " in err
    assert load_meeting(target).items[1].actions[0].owner == "Bo Berg"
    target.write_text("# mine\n", encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert cli.main(["import", str(source), "-o", str(target), "--force"]) == 0
    assert load_meeting(target).title == "Møde 1 i haveforeningen"


def test_cli_import_missing_file(tmp_path: Path, capsys):
    code = cli.main(["import", str(tmp_path / "nope.md"), "-o", str(tmp_path / "x.toml")])
    assert code == 1
    assert "nope.md" in capsys.readouterr().err


def test_item_times_the_markdown_shows_are_kept():
    meeting = Meeting(
        title="Møde",
        start=dt.time(13, 0),
        items=[AgendaItem("Velkomst", time=dt.time(13, 0)), AgendaItem("Lokaler")],
    )
    back = import_markdown(render_md(meeting)).meeting
    assert [item.time for item in back.items] == [dt.time(13, 0), None]


def test_planned_times_from_durations_come_back_as_item_times():
    meeting = Meeting(
        title="Møde",
        start=dt.time(13, 0),
        items=[AgendaItem("Velkomst", duration=10), AgendaItem("Lokaler", duration=20)],
    )
    back = import_markdown(render_md(meeting)).meeting
    assert [item.time for item in back.items] == [dt.time(13, 0), dt.time(13, 10)]
    assert back.planned_times() == meeting.planned_times()


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("14. oktober 2025", dt.datetime(2025, 10, 14, 23, 59)),
        ("2025-10-14", dt.datetime(2025, 10, 14, 23, 59)),
        ("14. oktober 2025 kl. 16.00", dt.datetime(2025, 10, 14, 16, 0)),
        ("14 October 2025, 09:30", dt.datetime(2025, 10, 14, 9, 30)),
    ],
)
def test_a_deadline_without_a_time_means_the_end_of_that_day(shown, expected):
    text = f"# Møde\n\n---\n\nFrist for skriftlige bemærkninger: {shown}\n"
    result = import_markdown(text)
    assert result.warnings == []
    assert result.meeting.remarks_deadline == expected


def test_a_date_only_deadline_in_the_file_comes_back_as_the_same_moment():
    meeting = loads_meeting('format = 1\ntitle = "Møde"\nremarks_deadline = 2025-10-14\n')
    back = import_markdown(render_md(meeting)).meeting
    assert back.remarks_deadline == meeting.remarks_deadline == dt.datetime(2025, 10, 14, 23, 59)


# -- closed items (lukket punkt) -----------------------------------------------------------


def _closed_meeting(lang: str) -> Meeting:
    return Meeting(
        title="Møde",
        lang=lang,
        start=dt.time(13, 0),
        items=[
            AgendaItem("Velkomst", duration=10, minutes="Velkommen."),
            AgendaItem(
                "Personalesag",
                kind=Kind.DECISION,
                duration=20,
                presenters=["Anne Holm"],
                closed=True,
                minutes="Fortroligt referat.",
            ),
            AgendaItem("Køb", duration=15, closed=True, public_title="Ejendomshandel"),
        ],
    )


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_public_exports_closed_items_come_back_closed_with_their_public_title(lang: str):
    result = import_markdown(render_md(_closed_meeting(lang)))
    assert result.warnings == []
    welcome, closed, bought = result.meeting.items
    assert (welcome.closed, welcome.minutes) == (False, "Velkommen.")
    label = "Lukket punkt" if lang == "da" else "Closed item"
    assert (closed.title, closed.closed, closed.public_title) == (label, True, "")
    assert (closed.minutes, closed.presenters, closed.kind) == ("", [], None)
    assert (bought.title, bought.closed, bought.public_title) == (
        "Ejendomshandel",
        True,
        "Ejendomshandel",
    )
    assert [item.time for item in result.meeting.items] == [
        dt.time(13, 0),
        dt.time(13, 10),
        dt.time(13, 30),
    ]


def test_a_confidential_exports_closed_items_come_back_closed_and_whole():
    result = import_markdown(render_md(_closed_meeting("da"), include_closed=True))
    assert result.warnings == []  # the document's FORTROLIGT line too is understood
    _, closed, bought = result.meeting.items
    assert (closed.title, closed.presenters, closed.kind) == (
        "Personalesag",
        ["Anne Holm"],
        Kind.DECISION,
    )
    assert (closed.closed, closed.minutes) == (True, "Fortroligt referat.")
    assert (bought.title, bought.closed) == ("Køb", True)


def test_agenda_only_minutes_with_a_closed_item():
    text = (
        "# Møde\n\n## Dagsorden\n\n| Punkt | Ca. tid | Aktivitet |\n| ---: | --- | --- |\n"
        "| 1. | 13.00 | Velkomst |\n| 2. | 13.10 | Lukket punkt |\n"
    )
    items = import_markdown(text).meeting.items
    assert [(i.title, i.closed) for i in items] == [("Velkomst", False), ("Lukket punkt", True)]
