"""The meeting model: pure dataclasses and enums.

No I/O, no Textual, no tomlkit. Derived facts (item numbers, attachment numbers such as 5.1,
planned start times) are computed here, never stored twice.

Every model object carries an ``origin`` field: an opaque handle that only ``storage`` reads
and writes (the TOML table the object was loaded from). It takes no part in equality or repr.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from enum import StrEnum
from typing import Any

from ..text.words import LANGUAGES as LANGUAGES
from ..text.words import say_in
from .people import PARTICIPANTS_LAYOUTS as PARTICIPANTS_LAYOUTS
from .people import PRESENCE_EVENTS as PRESENCE_EVENTS
from .people import Attendance as Attendance
from .people import Participant as Participant
from .people import Presence as Presence  # re-exported: the languages of a meeting
from .record import Record
from .sent import SENT_STATUSES as SENT_STATUSES
from .sent import Sent as Sent


class Status(StrEnum):
    """Where the minutes are in their cycle."""

    DRAFT = "draft"
    REVIEW = "review"
    APPROVED = "approved"


class Kind(StrEnum):
    """The marker after an item title: (O) information, (D) discussion, (B) decision."""

    INFORMATION = "O"
    DISCUSSION = "D"
    DECISION = "B"


class RemarkSource(StrEnum):
    MEETING = "meeting"
    WRITTEN = "written"
    #: A protocol remark (protokolbemærkning): a member's statement put on record, shown
    #: under the item's decision; ``author`` is required.
    PROTOCOL = "protocol"


#: Section keys of an agenda item (its Markdown texts), in the order the minutes show them.
SECTIONS: tuple[str, ...] = (
    "case",
    "recommendation",
    "decision",
    "minutes",
    "problem",
    "solution",
    "next_steps",
)

#: The keys a ``[sections]`` layout may name: the sections, and ``remarks`` (where the
#: remarks go among them).
LAYOUT_KEYS: tuple[str, ...] = (*SECTIONS, "remarks")

#: The reference's layout, used without ``[sections]``: the remarks after the minutes.
DEFAULT_ORDER: tuple[str, ...] = (
    "case",
    "recommendation",
    "decision",
    "minutes",
    "remarks",
    "problem",
    "solution",
    "next_steps",
)

#: Known case-header keys, in the reference's order. Any other key is a custom field.
HEADER_KEYS: tuple[str, ...] = ("doc_date", "handler", "case_no", "doc_no")


class CaseField(Record):
    """One line of the document header, e.g. ``Sagsnr.: 2501039``.

    ``key`` is one of ``HEADER_KEYS`` (the label then comes from i18n) or a custom key, in
    which case ``label`` says what to show.
    """

    key: str
    value: str = ""
    label: str = ""
    origin: Any = field(default=None, compare=False, repr=False)


class Remark(Record):
    """A member's remark on an agenda item, given at the meeting or sent in writing."""

    text: str
    source: RemarkSource = RemarkSource.MEETING
    #: Topic path, outermost first: ("HPC/infrastructure", "Storage"). Empty: no topic.
    topic: list[str] = field(default_factory=list)
    author: str = ""
    #: When a written remark was received.
    received: dt.date | None = None
    origin: Any = field(default=None, compare=False, repr=False)


class Attachment(Record):
    """An attachment (Bilag). Its number (5.1, 5.2 …) follows from its place."""

    title: str
    #: A file path (relative to the meeting file) or an http(s) URL; empty when there is none.
    path: str = ""
    #: Sent after the agenda (eftersendt).
    late: bool = False
    origin: Any = field(default=None, compare=False, repr=False)


class Action(Record):
    """An action from the item: what, who, by when, and whether it is done."""

    text: str
    owner: str = ""
    due: dt.date | None = None
    done: bool = False
    origin: Any = field(default=None, compare=False, repr=False)


class Vote(Record):
    """A vote on an agenda item: how many voted for, against and abstained, and optionally who.

    ``for_`` is the TOML key ``for`` (a Python keyword). Negative counts are read as they are;
    ``referat check`` reports them.
    """

    for_: int = 0
    against: int = 0
    abstain: int = 0
    for_names: list[str] = field(default_factory=list)
    against_names: list[str] = field(default_factory=list)
    abstain_names: list[str] = field(default_factory=list)
    origin: Any = field(default=None, compare=False, repr=False)


#: The word that starts the Markdown export's note of a meeting's ``[sections]``
#: (``<!-- referat:sections {...} -->``), which ``referat import`` reads back.
LAYOUT_MARK = "referat:sections"
#: The Markdown export's mark where an item's remarks follow its minutes without a heading
#: (an HTML comment, unseen when the Markdown is shown), for ``referat import``.
REMARKS_MARK = "referat:remarks"
#: The Markdown export's marks around remarks written as they are (paragraphs, a list) rather
#: than one bullet each: one mark before each remark, the end mark after the last.
REMARK_MARK = "referat:remark"
REMARK_END = "referat:remark-end"


class SectionLayout(Record):
    """The meeting's own item sections (``[sections]``): which, in which order, and labels.

    ``order`` empty means the default order (``DEFAULT_ORDER``). Unknown keys are kept as
    written (``referat check`` reports them) and ignored by :meth:`effective_order`.
    """

    order: list[str] = field(default_factory=list)
    #: Label overrides by key, e.g. ``{"minutes": "Drøftelse"}``.
    labels: dict[str, str] = field(default_factory=dict)
    origin: Any = field(default=None, compare=False, repr=False)

    def effective_order(self) -> tuple[str, ...]:
        if not self.order:
            return DEFAULT_ORDER
        return tuple(dict.fromkeys(key for key in self.order if key in LAYOUT_KEYS))


class AgendaItem(Record):
    """One agenda item: its fields, its text sections, remarks, attachments and actions."""

    title: str
    kind: Kind | None = None
    #: Planned start ("Ca. tid"). When None it may be computed from durations.
    time: dt.time | None = None
    #: Planned length in minutes, used to compute planned times.
    duration: int | None = None
    presenters: list[str] = field(default_factory=list)
    #: A standing item (welcome, any other business) carried into the next meeting.
    standing: bool = False
    #: A closed item (lukket punkt): public exports show only its number and "Lukket punkt"
    #: (or ``public_title``); its content is shown only when closed items are asked for.
    closed: bool = False
    #: What public exports call a closed item instead of "Lukket punkt"; empty: that label.
    public_title: str = ""
    #: The case presentation (Sagsfremstilling), shown first.
    case: str = ""
    recommendation: str = ""
    #: The decision (Beslutning), shown after the recommendation.
    decision: str = ""
    #: The vote on the decision, if one was taken (shown under the decision).
    vote: Vote | None = None
    minutes: str = ""
    problem: str = ""
    solution: str = ""
    next_steps: str = ""
    remarks: list[Remark] = field(default_factory=list)
    #: Markdown shown before the item's remarks.
    remarks_intro: str = ""
    #: Deadline for written remarks on this item; overrides the meeting's.
    remarks_deadline: dt.datetime | None = None
    #: Markdown shown after the remarks, e.g. the deadline for further written remarks.
    remarks_note: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    origin: Any = field(default=None, compare=False, repr=False)

    def section(self, key: str) -> str:
        if key not in SECTIONS:
            raise KeyError(key)
        return getattr(self, key)

    def set_section(self, key: str, text: str) -> None:
        if key not in SECTIONS:
            raise KeyError(key)
        setattr(self, key, text)

    def has(self, key: str) -> bool:
        """Whether the item has anything to show in the section or layout key ``key``."""
        if key == "remarks":
            return bool(
                self.remarks
                or self.remarks_note.strip()
                or self.remarks_intro.strip()
                or self.remarks_deadline is not None
            )
        if key == "decision" and self.vote is not None:
            return True
        text = self.section(key)
        return bool(text) and not text.isspace()  # no copy of a long text, as strip() makes

    def remark_groups(self) -> list[tuple[tuple[str, ...], list[Remark], list[Remark]]]:
        """Remarks grouped by topic path in order of first appearance.

        Each group is ``(topic, meeting_remarks, written_remarks)``. Protocol remarks are not
        among them (:meth:`protocol_remarks`).
        """
        groups: dict[tuple[str, ...], tuple[list[Remark], list[Remark]]] = {}
        for remark in self.remarks:
            if remark.source is RemarkSource.PROTOCOL:
                continue
            said, written = groups.setdefault(tuple(remark.topic), ([], []))
            (written if remark.source is RemarkSource.WRITTEN else said).append(remark)
        return [(topic, said, written) for topic, (said, written) in groups.items()]

    def protocol_remarks(self) -> list[Remark]:
        """The protocol remarks, in order: shown under the decision, not among the remarks."""
        return [r for r in self.remarks if r.source is RemarkSource.PROTOCOL]


class NextMeeting(Record):
    """When and where the next meeting is (a date, or free text until there is one)."""

    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    location: str = ""
    #: Free text such as "maj 2027, dato følger", shown when there is no date.
    text: str = ""
    origin: Any = field(default=None, compare=False, repr=False)


class Meeting(Record):
    """A meeting: its header, participants, agenda items, next meeting and sends."""

    title: str = ""
    lang: str = "da"
    status: Status = Status.DRAFT
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    #: When the meeting actually started and ended (``start``/``end`` are the plan).
    started: dt.time | None = None
    ended: dt.time | None = None
    location: str = ""
    #: Names of participants.
    chair: str = ""
    secretary: str = ""
    header: list[CaseField] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    #: Deadline for written remarks (members' comments after the meeting / on the draft).
    remarks_deadline: dt.datetime | None = None
    #: The day the minutes were approved (status approved).
    approved: dt.date | None = None
    #: The meeting's own item sections (``[sections]``); None: the default layout.
    sections: SectionLayout | None = None
    #: "list" (one list, as always) or "grouped" (present / apologies / absent).
    participants_layout: str = "list"
    #: Item numbers in the order the items were handled; empty: the agenda's order.
    handled_order: list[int] = field(default_factory=list)
    #: Each time the minutes were sent (``[[sent]]``), oldest first.
    sent: list[Sent] = field(default_factory=list)
    origin: Any = field(default=None, compare=False, repr=False)

    # -- derived facts -------------------------------------------------------------------

    @staticmethod
    def item_number(index: int) -> int:
        """The number shown for the item at ``index`` (0-based) in ``items``."""
        return index + 1

    def attachment_number(self, item_index: int, attachment_index: int) -> str:
        """ "5.1" for the first attachment of item 5."""
        return f"{self.item_number(item_index)}.{attachment_index + 1}"

    def section_order(self) -> tuple[str, ...]:
        """The layout keys items use, in order: ``[sections].order``, else the default."""
        if self.sections is None:
            return DEFAULT_ORDER
        return self.sections.effective_order()

    def item_layout(self, item: AgendaItem) -> list[str]:
        """The layout keys shown for ``item``: the meeting's order, then (so no text is
        lost) every key left out of it that the item has something in, in default order."""
        order = self.section_order()
        return [*order, *(k for k in DEFAULT_ORDER if k not in order and item.has(k))]

    def unlisted(self, item: AgendaItem) -> list[str]:
        """The sections with text in ``item`` that the meeting's order leaves out."""
        order = self.section_order()
        return [k for k in SECTIONS if k not in order and item.has(k)]

    def section_label(self, key: str) -> str:
        """What the minutes call the section ``key``: the meeting's label, else the word."""
        if self.sections is not None:
            label = self.sections.labels.get(key, "").strip()
            if label:
                return label
        return say_in(self.lang if self.lang in LANGUAGES else "en", key)

    def participant(self, name: str) -> Participant | None:
        for person in self.participants:
            if person.name == name:
                return person
        return None

    def planned_times(self) -> list[dt.time | None]:
        """Each item's planned start: its own time, else the running clock from ``start``.

        The clock starts at the meeting's start time, is reset by every explicit item time
        and advanced by every item's duration. Where neither is known the time is None.
        """
        clock: dt.datetime | None = None
        if self.start is not None:
            clock = dt.datetime.combine(dt.date(2000, 1, 1), self.start)
        times: list[dt.time | None] = []
        for item in self.items:
            if item.time is not None:
                clock = dt.datetime.combine(dt.date(2000, 1, 1), item.time)
            times.append(clock.time() if clock is not None else None)
            if clock is not None and item.duration is not None:
                clock += dt.timedelta(minutes=item.duration)
            else:
                clock = None
        return times

    def planned_end(self) -> dt.time | None:
        """When the agenda plan ends, if every duration from the last known time is known."""
        if not self.items:
            return None
        last = self.items[-1]
        start = self.planned_times()[-1]
        if start is None or last.duration is None:
            return None
        moment = dt.datetime.combine(dt.date(2000, 1, 1), start)
        return (moment + dt.timedelta(minutes=last.duration)).time()

    def handled_positions(self) -> dict[int, int] | None:
        """Item number -> its place in ``handled_order`` when that lists every item number
        once; None: the items were handled in the agenda's order (or the list is wrong)."""
        order = self.handled_order
        if sorted(order) != list(range(1, len(self.items) + 1)) or not order:
            return None
        return {number: place for place, number in enumerate(order, start=1)}

    def present_at(self, number: int) -> list[Participant]:
        """The participants present for item ``number`` (1-based), following their presence
        events (``Participant.present_at``) in the order the items were handled."""
        position = self.handled_positions()
        return [person for person in self.participants if person.present_at(number, position)]

    def absent_at(self, number: int) -> list[Participant]:
        """Participants who attended the meeting but were away for item ``number``."""
        position = self.handled_positions()
        return [
            person
            for person in self.participants
            if person.presence and not person.present_at(number, position)
        ]

    def attendance_counts(self) -> dict[Attendance, int]:
        counts = dict.fromkeys(Attendance, 0)
        for person in self.participants:
            counts[person.attendance] += 1
        return counts

    def open_actions(self) -> list[tuple[int, AgendaItem, Action]]:
        """(item index, item, action) for every action not done, in agenda order."""
        return [
            (index, item, action)
            for index, item in enumerate(self.items)
            for action in item.actions
            if not action.done
        ]
