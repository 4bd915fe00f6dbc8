"""A new meeting: from the template, or the next meeting started from the last one.

Pure Python on the model: no Textual, no TOML, no files.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text import i18n
from ..text.when import parse_date
from ..text.words import say_in
from .model import (
    Action,
    AgendaItem,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    Participant,
    SectionLayout,
    Status,
)

#: Minutes given to the added items when the previous meeting planned with durations.
APPROVAL_MINUTES = 5
FOLLOW_UP_MINUTES = 10

#: The date format of a new ``doc_date`` when the previous one is missing or not a date.
_LANG_DATE_FORMAT = {"da": "%d-%m-%Y", "en": "%Y-%m-%d"}
_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")


def _lang(lang: str | None, fallback: str = "da") -> str:
    return lang if lang in i18n.LANGUAGES else fallback


def today_text(today: dt.date, lang: str) -> str:
    """``today`` as a header date in the language's format: 03-11-2025 / 2025-11-03."""
    return today.strftime(_LANG_DATE_FORMAT.get(lang, _LANG_DATE_FORMAT["da"]))


def new_meeting(
    lang: str = "da", title: str | None = None, today: dt.date | None = None
) -> Meeting:
    """A template meeting: a title, a welcome and an any-other-business item, status draft."""
    lang = _lang(lang)
    today = today or dt.date.today()
    return Meeting(
        title=title or say_in(lang, "new_meeting_title"),
        lang=lang,
        status=Status.DRAFT,
        header=[CaseField(key="doc_date", value=today_text(today, lang))],
        items=[
            AgendaItem(title=say_in(lang, "welcome_item"), standing=True),
            AgendaItem(title=say_in(lang, "aob_item"), standing=True),
        ],
    )


_NUMBER_AFTER = re.compile(r"(?i)\b(møde|meeting|mødet|session|nr\.?|no\.?)(\s+)(\d{1,4})(?!\d)")
_NUMBER_BEFORE = re.compile(r"(?i)(?<!\d)(\d{1,4})(\.?\s+)(møde|meeting)\b")


def next_title(title: str) -> str:
    """The title with its meeting number one up: "Møde 2 i …" -> "Møde 3 i …".

    A title without a meeting number is returned as it is.
    """
    match = _NUMBER_AFTER.search(title)
    if match:
        number = int(match.group(3)) + 1
        return f"{title[: match.start(3)]}{number}{title[match.end(3) :]}"
    match = _NUMBER_BEFORE.search(title)
    if match:
        number = int(match.group(1)) + 1
        return f"{title[: match.start(1)]}{number}{title[match.end(1) :]}"
    return title


def _today_like(value: str, today: dt.date, lang: str) -> str:
    """Today's date written the way ``value`` writes a date, else in ``lang``'s format."""
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            dt.datetime.strptime(value, fmt)
        except ValueError:
            continue
        return today.strftime(fmt)
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    for code in i18n.LANGUAGES:
        if day is not None and i18n.format_date(day, code) == value:
            return i18n.format_date(today, code)
    return today_text(today, lang)


def _carried_header(previous: Meeting, today: dt.date, lang: str) -> list[CaseField]:
    """The case header: ``doc_date`` today, ``doc_no`` emptied (a new document), rest kept."""
    header = []
    for field in previous.header:
        value = field.value
        if field.key == "doc_date":
            value = _today_like(value, today, lang)
        elif field.key == "doc_no":
            value = ""
        header.append(CaseField(key=field.key, value=value, label=field.label))
    return header


# -- recognising the items the cycle adds --------------------------------------------------

_APPROVAL = re.compile(
    r"(?i)godkend\w*\s+af\s+(?:\w+\s+)*?referat"
    r"|referat(?:et)?\s+fra\s+(?:sidste|forrige|seneste)\s+møde"
    r"|approv\w*\s+(?:of\s+)?(?:the\s+)?(?:last\s+|previous\s+)?minutes"
    r"|minutes\s+of\s+the\s+(?:last|previous)\s+meeting"
    r"|(?:last|previous)\s+(?:meeting'?s\s+)?minutes"
)
_FOLLOW_UP = re.compile(
    r"(?i)opfølgning\s+(?:på|fra)\s+(?:handlinger|aktioner|opgaver|beslutninger"
    r"|(?:sidste|forrige|seneste)\s+møde)"
    r"|follow[- ]?ups?\s+(?:on|of|from)\s+(?:the\s+)?(?:actions|action\s+points"
    r"|(?:last|previous)\s+meeting)"
    r"|matters\s+arising|action\s+(?:log|points\s+from)"
)


def _labels(key: str) -> set[str]:
    return {say_in(lang, key).casefold() for lang in i18n.LANGUAGES}


def is_approval_item(title: str) -> bool:
    """True for a title like "Godkendelse af referat" / "Minutes of the previous meeting"."""
    text = " ".join(title.split())
    return text.casefold() in _labels("approval_item") or bool(_APPROVAL.search(text))


def is_follow_up_item(title: str) -> bool:
    """True for a title like "Opfølgning på handlinger" / "Follow-up on actions"."""
    text = " ".join(title.split())
    return text.casefold() in _labels("follow_up_item") or bool(_FOLLOW_UP.search(text))


def _carried_item(item: AgendaItem) -> AgendaItem:
    return AgendaItem(
        title=item.title,
        kind=item.kind,
        duration=item.duration,
        presenters=list(item.presenters),
        standing=True,
        closed=item.closed,
        public_title=item.public_title,
    )


def _carried_actions(previous: Meeting, closed: bool) -> list[Action]:
    """Copies of the open actions of the previous meeting's closed (or other) items."""
    return [
        Action(text=action.text, owner=action.owner, due=action.due)
        for _, item, action in previous.open_actions()
        if item.closed is closed
    ]


def _agenda(previous: Meeting, lang: str) -> list[AgendaItem]:
    """Approval first, the opening standing items, follow-up, the other standing items."""
    opening: list[AgendaItem] = []
    closing: list[AgendaItem] = []
    approval: AgendaItem | None = None
    follow_up: AgendaItem | None = None
    closed_follow_up: AgendaItem | None = None  # holds the closed items' actions
    seen_other = False
    for item in previous.items:
        if not item.standing:
            # last cycle's added items are not "other" items: the opening stays the opening
            if not (is_approval_item(item.title) or is_follow_up_item(item.title)):
                seen_other = True
            continue
        carried = _carried_item(item)
        if approval is None and is_approval_item(item.title):
            approval = carried
            continue
        if is_approval_item(item.title):  # a second approval item: one is enough
            continue
        if is_follow_up_item(item.title):
            if (closed_follow_up if item.closed else follow_up) is not None:
                continue
            if item.closed:
                closed_follow_up = carried
            else:
                follow_up = carried
        (closing if seen_other else opening).append(carried)
    if not seen_other and len(opening) > 1:  # only standing items: the first opens, rest close
        opening, closing = opening[:1], opening[1:]
    planned = any(item.duration is not None for item in previous.items)
    if approval is None:
        approval = AgendaItem(
            title=say_in(lang, "approval_item"),
            kind=Kind.DECISION,
            duration=APPROVAL_MINUTES if planned else None,
        )
    actions = _carried_actions(previous, closed=False)
    if follow_up is None and actions and not approval.standing:
        follow_up = AgendaItem(
            title=say_in(lang, "follow_up_item"),
            kind=Kind.INFORMATION,
            duration=FOLLOW_UP_MINUTES if planned else None,
        )
        opening.append(follow_up)
    (follow_up or approval).actions = actions
    # A closed item's actions stay closed: only a closed follow-up item holds them.
    closed_actions = _carried_actions(previous, closed=True)
    if closed_follow_up is None and closed_actions:
        closed_follow_up = AgendaItem(
            title=say_in(lang, "closed_follow_up_item"),
            kind=Kind.INFORMATION,
            duration=FOLLOW_UP_MINUTES if planned else None,
            closed=True,
        )
        opening.append(closed_follow_up)
    if closed_follow_up is not None:
        closed_follow_up.actions = closed_actions
    return [approval, *opening, *closing]


def next_meeting_from(
    previous: Meeting,
    lang: str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
) -> Meeting:
    """The next meeting's draft, started from ``previous``.

    Carries participants (attendance reset to present, notes and presence events cleared,
    roles kept; substitutes, those with ``substitute_for``, left out: they came for one
    meeting), the participants layout, chair, secretary and
    the case header (``doc_date`` set to today in the format the previous one used, else the
    language's: 03-11-2025 / 2025-11-03; ``doc_no`` emptied, as a new document gets a new
    number), and standing items (title, kind, presenters, duration; empty sections). Date,
    times and place come from ``previous.next_meeting`` (times and place fall back to the
    previous meeting's).

    The agenda: first the approval of the last minutes, then the opening standing items
    (those before the first other item, e.g. a welcome), a follow-up item with every open
    action (only when there are open actions), then the remaining standing items (e.g. any
    other business). When every item is standing, only the first counts as opening.
    A standing item of the previous meeting that already is the approval ("Godkendelse af
    referat …", "Minutes of the previous meeting …") is reused as the first item instead of
    adding one, and holds the open actions unless a standing follow-up item ("Opfølgning på
    handlinger", "Matters arising") is there to hold them. When the previous meeting planned
    with durations, an added approval gets 5 minutes and an added follow-up 10, so the later
    items keep planned times.

    Closed items (lukket punkt) stay closed: a standing one is carried closed, with its public
    title, and the open actions of closed items go only into a closed follow-up item ("Opfølgning
    på handlinger fra lukkede punkter", after the other follow-up; a standing closed follow-up
    item is reused), never into the approval or an open follow-up item.
    """
    lang = _lang(lang, _lang(previous.lang))
    today = today or dt.date.today()
    participants = [
        Participant(
            name=person.name,
            title=person.title,
            organisation=person.organisation,
            email=person.email,
            attendance=Attendance.PRESENT,
            role=person.role,
        )
        for person in previous.participants
        if not person.substitute_for.strip()
    ]
    nxt = previous.next_meeting
    return Meeting(
        title=title or next_title(previous.title),
        lang=lang,
        status=Status.DRAFT,
        date=nxt.date if nxt else None,
        start=(nxt.start if nxt and nxt.start else previous.start),
        end=(nxt.end if nxt and nxt.end else previous.end),
        location=(nxt.location if nxt and nxt.location else previous.location),
        chair=previous.chair,
        secretary=previous.secretary,
        header=_carried_header(previous, today, lang),
        participants=participants,
        items=_agenda(previous, lang),
        sections=_carried_sections(previous),
        participants_layout=previous.participants_layout,
    )


def _carried_sections(previous: Meeting) -> SectionLayout | None:
    """The meeting's own item sections, kept as they were (a copy, written anew)."""
    layout = previous.sections
    if layout is None:
        return None
    return SectionLayout(order=list(layout.order), labels=dict(layout.labels))
