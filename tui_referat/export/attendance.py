"""The participants' part of the document view: lines, groups and who was away for an item.

A participant's line shows the role after the name and, in parentheses, the attendance,
"suppleant for NAME", the free note and the presence events ("forlod mødet kl. 20.25 (pkt.
5)"). ``participants_layout = "grouped"`` sorts the lines under Til stede, Afbud and
Fraværende uden afbud.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.model import Attendance, Meeting
from ..text import i18n
from ..text.presence import format_presence
from ..text.words import say_in


@dataclass
class ParticipantLine:
    name: str
    email: str
    details: list[str]  # title, organisation (non-empty ones)
    title: str
    organisation: str
    note: str  # "deltog on-line", "afbud, fra kl. 14" … without parentheses; may be empty
    role: str = ""  # "formand", shown after the name: "Anne Holm – formand, kontorchef"

    @property
    def name_part(self) -> str:
        """The name, with the role: "Anne Holm – formand"."""
        return f"{self.name} – {self.role}" if self.role else self.name

    @property
    def details_part(self) -> str:
        """What follows the name: "kontorchef, Teknik og Miljø (deltog on-line)"."""
        line = ", ".join(self.details)
        if not self.note:
            return line
        return f"{line} ({self.note})" if line else f"({self.note})"

    @property
    def text(self) -> str:
        line = ", ".join([self.name_part, *self.details])
        return f"{line} ({self.note})" if self.note else line


def join_names(names: list[str], lang: str) -> str:
    names = [n for n in names if n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {say_in(lang, 'and')} {names[-1]}"


#: The groups of participants_layout = "grouped", and the attendances in each.
GROUPS: tuple[tuple[str, tuple[Attendance, ...]], ...] = (
    ("group.present", (Attendance.PRESENT, Attendance.ONLINE, Attendance.PARTIAL)),
    ("group.apologies", (Attendance.APOLOGIES,)),
    ("group.absent", (Attendance.ABSENT,)),
)


def participant_line(
    meeting: Meeting, index: int, lang: str, grouped: bool = False
) -> ParticipantLine:
    """A participant's line. The note holds, in order: the attendance (left out in a group
    that says it), "suppleant for NAME", the free note, then the presence events."""
    person = meeting.participants[index]
    notes = []
    said_by_group = grouped and person.attendance in (Attendance.APOLOGIES, Attendance.ABSENT)
    if not said_by_group and (
        person.attendance not in (Attendance.PRESENT, Attendance.PARTIAL)
        or (person.attendance is Attendance.PARTIAL and not person.note.strip())
    ):
        notes.append(i18n.attendance_label(person.attendance, lang))
    if person.substitute_for.strip():
        notes.append(say_in(lang, "substitute_for", name=person.substitute_for.strip()))
    if person.note.strip():
        notes.append(person.note.strip())
    if person.presence:
        events = [(e.event.strip(), e.time, e.item) for e in person.presence]
        notes.append(format_presence(lang, events))
    details = [x.strip() for x in (person.title, person.organisation) if x.strip()]
    return ParticipantLine(
        name=person.name.strip(),
        email=person.email.strip(),
        details=details,
        title=person.title.strip(),
        organisation=person.organisation.strip(),
        note=", ".join(notes),
        role=person.role.strip(),
    )


def participant_groups(meeting: Meeting, lang: str) -> list[tuple[str, list[ParticipantLine]]]:
    if meeting.participants_layout != "grouped":
        return []
    groups = []
    for key, attendances in GROUPS:
        lines = [
            participant_line(meeting, index, lang, grouped=True)
            for index, person in enumerate(meeting.participants)
            if person.attendance in attendances
        ]
        if lines:
            groups.append((say_in(lang, key), lines))
    return groups


def absent_names(meeting: Meeting, number: int, lang: str) -> str:
    """ "Ikke til stede under punktet: X og Y", only when the presence events say so."""
    names = [person.name.strip() for person in meeting.absent_at(number)]
    return join_names(names, lang)
