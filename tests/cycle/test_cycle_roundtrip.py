"""Export md then import gives back the same meeting, over generated meetings.

What round-trips exactly (the Markdown export carries it): title, language, status draft or
approved (with the approval day), date, times, place, chair, secretary, the case header (a
custom field's key is made from its label: "J.nr." -> "j_nr"), participants (name, title,
organisation, email, attendance, note), items (title, kind, explicit planned time, presenters,
the Markdown sections, remarks with topic path, source, author and received day, the remarks
note, attachments with a URL or none, actions), the next meeting and the remarks deadline.

Not carried by the Markdown, so generated in their canonical form here: status review (reads
back as draft), durations and the standing flag, attachment file paths (only URLs are shown),
a first item without a time of its own (the agenda shows the meeting's start; it reads back as
the item's time), a remarks deadline at 00.00 (shown as the date alone, which reads back as
23.59 that day), Markdown with leading or trailing blank lines or whitespace (read back
stripped), and remarks in an order other than the export's grouping (by topic, said before
written).
Markdown texts are "normal" Markdown: paragraphs and "-" lists, no headings or rules.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    RemarkSource,
    Status,
)
from tui_referat.export.markdown import render as render_md
from tui_referat.importer import import_markdown

LOWER = "abcdefghijklmnopqrstuvwxyzæøå"
RESERVED = {"by", "og", "and", "den", "kl", "fra", "til"}

alpha = st.text(LOWER, min_size=1, max_size=8).filter(lambda w: w not in RESERVED)
special = st.sampled_from(["*x*", "_y_", "`z`", "[a]", "<b>", "&amp;", "a|b", "\\", "#1", "R&D"])
plain_word = st.one_of(alpha, alpha, alpha, special, st.text("0123456789", min_size=1, max_size=4))


def phrase(word=plain_word, min_size=1, max_size=5):
    return st.lists(word, min_size=min_size, max_size=max_size).map(" ".join)


name = st.lists(alpha.map(str.capitalize), min_size=1, max_size=3).map(" ".join)
days = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))
times = st.times().map(lambda t: dt.time(t.hour, t.minute))
deadline = times.filter(lambda t: t != dt.time(0, 0))  # midnight is shown as the date alone

sentence = st.lists(
    st.one_of(alpha, alpha, alpha, alpha.map(lambda w: f"**{w}**")), min_size=1, max_size=8
).map(lambda words: " ".join(words).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
bullets = st.lists(phrase(alpha), min_size=1, max_size=3).map(
    lambda rows: "\n".join(f"- {row}" for row in rows)
)
markdown = st.lists(st.one_of(paragraph, paragraph, bullets), min_size=1, max_size=3).map(
    "\n\n".join
)
note_text = st.lists(paragraph, min_size=1, max_size=2).map("\n\n".join)


@st.composite
def participants(draw) -> Participant:
    attendance = draw(st.sampled_from(list(Attendance)))
    notes = ["", "sekretær for gruppen", "gæst", "observer"]
    if attendance is Attendance.PARTIAL:
        notes = ["", "fra kl. 13.20, pkt. 3-6", "left at 19:15"]
    return Participant(
        name=draw(name),
        title=draw(st.one_of(st.just(""), phrase(), st.just("senior rådgiver, Ph.D."))),
        organisation=draw(st.one_of(st.just(""), phrase())),
        email=draw(st.sampled_from(["", "a.b@example.org"])),
        attendance=attendance,
        note=draw(st.sampled_from(notes)),
    )


TOPICS = [(), ("Drift",), ("Drift", "Lager"), ("Drift", "Net"), ("Data",), ("Data", "Adgang")]


@st.composite
def remark_list(draw) -> list[Remark]:
    chosen = draw(st.lists(st.sampled_from(TOPICS), unique=True, max_size=3))
    chosen.sort(key=TOPICS.index)  # canonical: no topic first, "(top,)" before its subtopics
    # protocol remarks (always with an author) come back first: they are read from the
    # decision or the minutes, before the remarks
    found = [
        Remark(text=draw(markdown), source=RemarkSource.PROTOCOL, author=draw(name))
        for _ in range(draw(st.integers(0, 2)))
    ]
    for topic in chosen:
        for source in (RemarkSource.MEETING, RemarkSource.WRITTEN):
            for _ in range(draw(st.integers(0, 2))):
                found.append(
                    Remark(
                        text=draw(markdown),
                        source=source,
                        topic=list(topic),
                        author=draw(st.one_of(st.just(""), name)),
                        received=draw(st.one_of(st.none(), days)),
                    )
                )
    return found


@st.composite
def items(draw) -> AgendaItem:
    item = AgendaItem(
        title=draw(phrase()),
        kind=draw(st.one_of(st.none(), st.sampled_from(list(Kind)))),
        time=draw(st.one_of(st.none(), times)),
        presenters=draw(st.lists(name, max_size=3)),
    )
    for key in ("recommendation", "minutes", "problem", "solution", "next_steps"):
        item.set_section(key, draw(st.one_of(st.just(""), markdown)))
    item.remarks = draw(remark_list())
    item.remarks_note = draw(st.one_of(st.just(""), note_text))
    item.attachments = [
        Attachment(draw(phrase()), draw(st.sampled_from(["", "https://example.org/a b.pdf"])))
        for _ in range(draw(st.integers(0, 2)))
    ]
    item.actions = [
        Action(
            text=draw(phrase()),
            owner=draw(st.one_of(st.just(""), name)),
            due=draw(st.one_of(st.none(), days)),
            done=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    return item


@st.composite
def meetings(draw) -> Meeting:
    start = draw(st.one_of(st.none(), times))
    status = draw(st.sampled_from([Status.DRAFT, Status.APPROVED]))
    meeting = Meeting(
        title=draw(phrase()),
        lang=draw(st.sampled_from(["da", "en"])),
        status=status,
        approved=draw(st.one_of(st.none(), days)) if status is Status.APPROVED else None,
        date=draw(st.one_of(st.none(), days)),
        start=start,
        end=draw(st.one_of(st.none(), times)) if start else None,
        location=draw(st.one_of(st.just(""), phrase(alpha))),
        chair=draw(st.one_of(st.just(""), name)),
        secretary=draw(st.one_of(st.just(""), name)),
        header=[
            CaseField(key, draw(phrase()))
            for key in draw(
                st.lists(st.sampled_from(["doc_date", "handler", "case_no", "doc_no"]), unique=True)
            )
        ],
        participants=draw(st.lists(participants(), max_size=4)),
        items=draw(st.lists(items(), max_size=3)),
        remarks_deadline=draw(st.one_of(st.none(), st.builds(dt.datetime.combine, days, deadline))),
    )
    if draw(st.booleans()):
        meeting.header.append(CaseField("j_nr", draw(phrase()), label="J.nr."))
    if draw(st.booleans()):
        nxt_start = draw(st.one_of(st.none(), times))
        nxt = NextMeeting(
            date=draw(st.one_of(st.none(), days)),
            start=nxt_start,
            end=draw(st.one_of(st.none(), times)) if nxt_start else None,
            location=draw(st.one_of(st.just(""), phrase(alpha))),
        )
        if nxt.date or nxt.start or nxt.location:
            meeting.next_meeting = nxt
    if meeting.items and meeting.items[0].time is None:
        meeting.items[0].time = start  # the agenda shows the start; it reads back explicit
    return meeting


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_export_md_then_import_gives_back_the_meeting(meeting: Meeting):
    text = render_md(meeting)
    result = import_markdown(text)
    assert result.warnings == []
    assert result.meeting == meeting
