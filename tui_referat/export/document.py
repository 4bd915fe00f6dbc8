"""What every export shows, computed once: the document view of a meeting.

:func:`build` turns a :class:`~tui_referat.domain.model.Meeting` into a :class:`Doc` of ready-made,
translated strings in the reference's order. Each format only lays the ``Doc`` out. Free text
fields stay plain (each format escapes them); Markdown fields stay Markdown.

Closed items (``AgendaItem.closed``) are decided here, once for every format: unless closed
items are asked for, :func:`public_meeting` puts a bare item ("Lukket punkt", or the public
title) in each one's place before anything else reads the meeting, so no part of a closed
item can reach a public export. Asked for, they are shown whole and marked confidential, and
so is the document.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ..domain.model import AgendaItem, Meeting, Status
from ..text import i18n
from ..text.markdown_html import is_safe_url
from ..text.presence import format_held
from ..text.votes import format_vote
from ..text.when import format_time
from ..text.words import say_in
from .attendance import ParticipantLine, absent_names, join_names, participant_groups
from .attendance import participant_line as _participant
from .clean import clean_meeting, strip_control
from .doc_parts import closing as _closing
from .doc_parts import handled_sentence, item_deadline, remarks_follow_minutes, with_protocol
from .doc_parts import marker as _marker

__all__ = [
    "Doc",
    "ParticipantLine",
    "build",
    "clean_meeting",
    "join_names",
    "markdown_texts",
    "public_meeting",
    "strip_control",
]


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://")) and is_safe_url(path)


@dataclass
class AgendaRow:
    number: str
    time: str
    activity: str
    presenters: list[str] = field(default_factory=list)  # names in ``activity``
    confidential: str = ""  # "Fortroligt" for a closed item shown whole, else ""


@dataclass
class RemarkView:
    text: str  # Markdown
    attribution: str  # "Carl Dahl, modtaget 12. oktober 2025" or ""


@dataclass
class RemarkGroup:
    topic: tuple[str, ...]
    top: str  # the outermost topic, shown when it changes ("" when unchanged or none)
    sub: str  # the rest of the path joined with " › " ("" when none)
    said: list[RemarkView]
    written: list[RemarkView]


@dataclass
class AttachmentView:
    number: str  # "5.1"
    label: str  # "Bilag 5.1"
    title: str
    url: str  # http(s) URL or ""
    path: str
    late: str = ""  # "eftersendt" / "sent after the agenda" for a late attachment, else ""


@dataclass
class ActionView:
    text: str
    owner: str
    due_iso: str
    due_text: str
    done: bool

    def tail(self, due_word: str) -> list[str]:
        """What follows the action's text: its owner and "frist DATE" ("due DATE")."""
        tail = [self.owner] if self.owner else []
        if self.due_text:
            tail.append(f"{due_word} {self.due_text}")
        return tail

    def line(self, due_word: str) -> str:
        """ "text — owner, frist DATE", as every format but Markdown shows an action."""
        tail = self.tail(due_word)
        return self.text + (" — " + ", ".join(tail) if tail else "")


@dataclass
class Section:
    """One section of an item. ``kind`` is "markdown", "remarks", "actions" or "attachments"."""

    kind: str
    key: str
    label: str
    text: str = ""  # Markdown (markdown sections; the remarks note for remarks)
    intro: str = ""  # Markdown before the remarks (remarks only)
    groups: list[RemarkGroup] = field(default_factory=list)
    actions: list[ActionView] = field(default_factory=list)
    attachments: list[AttachmentView] = field(default_factory=list)


@dataclass
class ItemView:
    number: int
    anchor: str
    heading: str  # "Pkt. 3 Status fra NGC v/Anne Holm"
    sections: list[Section]
    presenters: list[str] = field(default_factory=list)  # names in ``heading``
    confidential: str = ""  # "Fortroligt" for a closed item shown whole, else ""


@dataclass
class Doc:
    lang: str
    doc_type: str  # "Referat"
    marker: str  # "UDKAST" / "Godkendt 4. november 2025"
    draft: bool
    header: list[tuple[str, str]]
    title: str
    facts: list[tuple[str, str]]  # Dato, Tid, Sted, Mødeleder, Sekretær (non-empty only)
    agenda_label: str
    agenda_columns: tuple[str, str, str]
    agenda: list[AgendaRow]
    #: "Pkt. 6-9 blev behandlet efter pkt. 3." under the agenda, or "".
    agenda_note: str
    participants_label: str
    participants: list[ParticipantLine]
    items: list[ItemView]
    closing: list[tuple[str, str]]  # Næste møde, Frist for skriftlige bemærkninger
    written_label: str  # "Skriftlige bemærkninger"
    emails: list[tuple[str, str]]  # (name, address) of participants with an email
    #: The key of each of ``facts`` ("date", "time", "location", "chair", "secretary"): the
    #: html page sets when and where apart from who, in two columns, as the reference does.
    fact_keys: list[str] = field(default_factory=list)
    #: "FORTROLIGT – indeholder lukkede punkter" when closed items are shown, else "".
    confidential: str = ""
    #: The meeting's own sections as written (``{"order": [...], "labels": {...}}``), for
    #: the Markdown export's layout note that ``referat import`` reads; None without one.
    layout: dict[str, Any] | None = None
    #: Whether the agenda has the "Ca. tid" column: some item has a planned time.
    agenda_times: bool = True
    #: "Mødet startede kl. 18.35 og sluttede kl. 21.35." (the actual times), or "".
    held: str = ""
    #: participants_layout = "grouped": (label, lines) of Til stede, Afbud, Fraværende uden
    #: afbud (the non-empty ones), in place of the one list; empty for the one list.
    participant_groups: list[tuple[str, list[ParticipantLine]]] = field(default_factory=list)

    def label(self, key: str) -> str:
        return say_in(self.lang, key)


def markdown_texts(doc: Doc) -> list[str]:
    """Every distinct, non-blank Markdown text of ``doc``, to be parsed in one batch."""
    texts = []
    for item in doc.items:
        for section in item.sections:
            texts += [section.text, section.intro]
            for group in section.groups:
                texts += [r.text for r in group.said] + [r.text for r in group.written]
    return list(dict.fromkeys(t for t in texts if t.strip()))


def _facts(meeting: Meeting, lang: str) -> list[tuple[str, str, str]]:
    """(key, label, value) of each fact the meeting has, in the reference's order."""
    facts = []
    if meeting.date is not None:
        facts.append(("date", i18n.format_date(meeting.date, lang)))
    times = i18n.format_time_range(meeting.start, meeting.end, lang)
    if times:
        facts.append(("time", times))
    facts += [
        ("location", meeting.location),
        ("chair", meeting.chair),
        ("secretary", meeting.secretary),
    ]
    return [(key, say_in(lang, key), value.strip()) for key, value in facts if value.strip()]


def _remark(remark: Any, lang: str) -> RemarkView:
    bits = [remark.author.strip()] if remark.author.strip() else []
    if remark.received is not None:
        bits.append(f"{say_in(lang, 'received')} {i18n.format_date(remark.received, lang)}")
    return RemarkView(text=remark.text, attribution=", ".join(bits))


def _remark_groups(item: Any, lang: str) -> list[RemarkGroup]:
    raw = item.remark_groups()
    # Remarks without a topic first: after a topic they would read as part of it.
    raw.sort(key=lambda group: bool(group[0]))
    groups = []
    last_top = None
    for topic, said, written in raw:
        topic = tuple(t.strip() for t in topic if t.strip())
        top = topic[0] if topic else ""
        groups.append(
            RemarkGroup(
                topic=topic,
                top=top if top != last_top else "",
                sub=" › ".join(topic[1:]),
                said=[_remark(r, lang) for r in said],
                written=[_remark(r, lang) for r in written],
            )
        )
        last_top = top
    return groups


def _decision(item: AgendaItem, lang: str, label: str) -> list[Section]:
    """The decision (Beslutning), with the vote line under it as its last paragraph."""
    text = item.decision.strip()
    vote = item.vote
    if vote is not None:
        line = format_vote(
            lang,
            (vote.for_, vote.against, vote.abstain),
            (vote.for_names, vote.against_names, vote.abstain_names),
        )
        text = f"{text}\n\n{line}" if text else line
    if text:
        text = with_protocol(text, item, lang)
    if not text:
        return []
    return [Section("markdown", "decision", label, text=text + "\n")]


def _absent(meeting: Meeting, number: int, lang: str) -> list[Section]:
    """ "Ikke til stede under punktet": X og Y, only when the presence events say so."""
    names = absent_names(meeting, number, lang)
    if not names:
        return []
    label = say_in(lang, "absent_for_item")
    return [Section("markdown", "absent_for_item", label, text=names + "\n")]


def _item(meeting: Meeting, index: int, lang: str, hidden: bool = False) -> ItemView:
    """The item at ``index``; ``hidden``: a closed item in a public export, whose absences
    are not shown either (who left may say what the item was about)."""
    item = meeting.items[index]
    number = meeting.item_number(index)
    heading = " ".join(
        x for x in (say_in(lang, "item_short"), str(number), item.title.strip()) if x
    )
    presenters = join_names(item.presenters, lang)
    if presenters:
        heading += f" {say_in(lang, 'presenter_prefix')}{presenters}"

    sections: list[Section] = [] if hidden else _absent(meeting, number, lang)
    groups = _remark_groups(item, lang)
    decision = _decision(item, lang, meeting.section_label("decision"))
    protocol_shown = bool(decision)  # protocol remarks go under the decision, else the minutes
    # the meeting's order ([sections]), then whatever it leaves out that has text
    for key in meeting.item_layout(item):
        label = meeting.section_label(key)
        if key == "remarks":
            note, deadline = item.remarks_note, item_deadline(item, lang)
            if deadline:
                note = f"{note.rstrip()}\n\n{deadline}\n" if note.strip() else deadline + "\n"
            if groups or note.strip() or item.remarks_intro.strip():
                minutes = sections[-1:] if sections and sections[-1].key == "minutes" else []
                if remarks_follow_minutes(minutes, groups, item):
                    label = ""  # right after the minutes, without a heading of their own
                sections.append(
                    Section(
                        "remarks", key, label, text=note, intro=item.remarks_intro, groups=groups
                    )
                )
        elif key == "decision":
            sections += decision
        elif key == "minutes" and not protocol_shown and item.protocol_remarks():
            text = with_protocol(item.minutes, item, lang)
            sections.append(Section("markdown", key, label, text=text))
            protocol_shown = True
        elif item.section(key).strip():
            sections.append(Section("markdown", key, label, text=item.section(key)))
    if not protocol_shown and item.protocol_remarks():  # a layout without minutes: not lost
        text = with_protocol("", item, lang)
        sections.append(Section("markdown", "minutes", meeting.section_label("minutes"), text=text))
    if item.actions:
        actions = [
            ActionView(
                text=a.text.strip(),
                owner=a.owner.strip(),
                due_iso=a.due.isoformat() if a.due else "",
                due_text=i18n.format_date(a.due, lang) if a.due else "",
                done=a.done,
            )
            for a in item.actions
        ]
        sections.append(Section("actions", "actions", say_in(lang, "actions"), actions=actions))
    if item.attachments:
        word = say_in(lang, "attachment")
        attachments = []
        for k, att in enumerate(item.attachments):
            num = meeting.attachment_number(index, k)
            path = att.path.strip()
            url = path if is_url(path) else ""
            late = say_in(lang, "late_attachment") if att.late else ""
            view = AttachmentView(num, f"{word} {num}", att.title.strip(), url, path, late)
            attachments.append(view)
        sections.append(
            Section(
                "attachments",
                "attachments",
                say_in(lang, "attachments"),
                attachments=attachments,
            )
        )
    return ItemView(
        number=number,
        anchor=f"item-{number}",
        heading=heading,
        sections=sections,
        presenters=[n.strip() for n in item.presenters if n.strip()],
        confidential=say_in(lang, "confidential") if item.closed else "",
    )


def _has_plan(meeting: Meeting) -> bool:
    """Whether the agenda shows the "Ca. tid" column: some item has its own time or a
    length (the meeting's start alone only dates the first item: no column for that)."""
    planned = any(item.time is not None or item.duration is not None for item in meeting.items)
    return planned and any(moment is not None for moment in meeting.planned_times())


def _agenda(meeting: Meeting, lang: str) -> list[AgendaRow]:
    rows = []
    for index, (item, planned) in enumerate(
        zip(meeting.items, meeting.planned_times(), strict=True)
    ):
        activity = item.title.strip()
        if item.kind is not None:
            activity += f" ({item.kind.value})"
        presenters = join_names(item.presenters, lang)
        if presenters:
            activity += f" {say_in(lang, 'presenter_prefix')}{presenters}"
        time = format_time(planned, lang)
        names = [n.strip() for n in item.presenters if n.strip()]
        mark = say_in(lang, "confidential") if item.closed else ""
        rows.append(AgendaRow(f"{meeting.item_number(index)}.", time, activity, names, mark))
    return rows


def closed_title(item: AgendaItem, lang: str) -> str:
    """What a public export calls a closed item: "Lukket punkt", or its public title with
    "(lukket punkt)" after it (so a reader, and ``referat import``, can tell)."""
    public = item.public_title.strip()
    if not public:
        return say_in(lang, "closed_item")
    return f"{public} ({say_in(lang, 'closed_note')})"


def public_meeting(meeting: Meeting) -> Meeting:
    """``meeting`` as the public may read it: each closed item replaced by a bare item that
    has only its title (:func:`closed_title`) and its planned time and duration (so the
    times of the items after it stay). ``meeting`` itself when no item is closed."""
    if not any(item.closed for item in meeting.items):
        return meeting
    lang = meeting.lang if meeting.lang in i18n.LANGUAGES else "en"
    items = [
        AgendaItem(closed_title(item, lang), time=item.time, duration=item.duration)
        if item.closed
        else item
        for item in meeting.items
    ]
    return dataclasses.replace(meeting, items=items, origin=None)


def build(meeting: Meeting, *, include_closed: bool = False) -> Doc:
    """The document view of ``meeting`` (control characters already removed).

    Closed items are shown as "Lukket punkt" only (:func:`public_meeting`), unless
    ``include_closed``: then whole, each marked "Fortroligt" and the document too.
    """
    meeting = clean_meeting(meeting)
    lang = meeting.lang if meeting.lang in i18n.LANGUAGES else "en"
    confidential = ""
    hidden = [item.closed and not include_closed for item in meeting.items]
    if not include_closed:
        meeting = public_meeting(meeting)
    elif any(item.closed for item in meeting.items):
        confidential = say_in(lang, "confidential_doc")
    header = [
        (i18n.header_label(f.key, f.label, lang), f.value.strip())
        for f in meeting.header
        if f.value.strip()
    ]
    facts = _facts(meeting, lang)
    return Doc(
        lang=lang,
        doc_type=say_in(lang, "minutes_doc"),
        marker=_marker(meeting, lang),
        draft=meeting.status is not Status.APPROVED,
        header=header,
        title=meeting.title.strip(),
        facts=[(label, value) for _, label, value in facts],
        agenda_label=say_in(lang, "agenda"),
        agenda_columns=(
            say_in(lang, "item"),
            say_in(lang, "planned_time"),
            say_in(lang, "activity"),
        ),
        agenda=_agenda(meeting, lang),
        agenda_note=handled_sentence(meeting, lang),
        participants_label=say_in(lang, "participants"),
        participants=[_participant(meeting, i, lang) for i in range(len(meeting.participants))],
        items=[_item(meeting, i, lang, hidden[i]) for i in range(len(meeting.items))],
        closing=_closing(meeting, lang),
        written_label=say_in(lang, "written_remarks"),
        emails=[(p.name.strip(), p.email.strip()) for p in meeting.participants if p.email.strip()],
        fact_keys=[key for key, _, _ in facts],
        confidential=confidential,
        layout=None
        if meeting.sections is None
        else {"order": list(meeting.sections.order), "labels": dict(meeting.sections.labels)},
        agenda_times=_has_plan(meeting),
        held=format_held(lang, meeting.started, meeting.ended),
        participant_groups=participant_groups(meeting, lang),
    )
