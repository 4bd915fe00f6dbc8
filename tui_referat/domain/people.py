"""The people at a meeting: participants, their attendance and what happened during it
(arrived, left, returned). Part of the model (``domain/model.py`` re-exports every name)."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from enum import StrEnum
from typing import Any

from .record import Record


class Attendance(StrEnum):
    PRESENT = "present"
    ONLINE = "online"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    PARTIAL = "partial"


#: The events of ``[[participants.presence]]``: who came, went and came back during the meeting.
PRESENCE_EVENTS: tuple[str, ...] = ("arrived", "left", "returned")

#: The values of the meeting's ``participants_layout``.
PARTICIPANTS_LAYOUTS: tuple[str, ...] = ("list", "grouped")


class Presence(Record):
    """One presence event: a participant arrived, left or returned at an item, at a time.

    ``event`` is kept as written (``referat check`` reports one it does not know); ``item``
    is the item's number (1, 2 …) as the minutes show it.
    """

    event: str = "arrived"
    time: dt.time | None = None
    item: int | None = None
    origin: Any = field(default=None, compare=False, repr=False)


class Participant(Record):
    """A person on the meeting's list, with how they attend."""

    name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    attendance: Attendance = Attendance.PRESENT
    #: Free note shown in parentheses, e.g. "from 19.05, item 5-12" or "secretary for the group".
    note: str = ""
    #: Free text shown next to the name: formand, næstformand, referent, observatør …
    role: str = ""
    #: A substitute (suppleant): the name of the member attended for.
    substitute_for: str = ""
    #: Arrivals, departures and returns during the meeting, in order.
    presence: list[Presence] = field(default_factory=list)
    origin: Any = field(default=None, compare=False, repr=False)

    def next_presence_event(self) -> str:
        """What happens next to this participant: "left" while here, "returned" after a
        "left", "arrived" for one not here from the start (apologies, absent)."""
        if not self.presence:
            here = self.attendance in (Attendance.PRESENT, Attendance.ONLINE, Attendance.PARTIAL)
            return "left" if here else "arrived"
        return "returned" if self.presence[-1].event == "left" else "left"

    def present_at(self, number: int, position: dict[int, int] | None = None) -> bool:
        """Whether this participant was present for item ``number`` (1-based).

        Present, online and partial attendance start present; apologies and absent start away;
        a first event "arrived" means away until then. An event at item N counts from item N
        on: arrived or returned at 3 is present for 3, left at 5 is away for 5. "From item N
        on" follows the order the items were handled in: ``position`` maps an item number to
        its place in that order (``Meeting.handled_positions``); None: the agenda's order.
        """
        at = position or {}
        here = self.attendance in (Attendance.PRESENT, Attendance.ONLINE, Attendance.PARTIAL)
        if self.presence and self.presence[0].event == "arrived":
            here = False
        for event in self.presence:
            if event.item is None or at.get(event.item, event.item) > at.get(number, number):
                continue
            if event.event in ("arrived", "returned"):
                here = True
            elif event.event == "left":
                here = False
        return here
