"""The participant dialog's presence field and the time of the "came/went now" key."""

from __future__ import annotations

import datetime as dt

from ...domain.model import Presence
from ...text.presence import format_event_line, parse_event_line


def now_to_the_minute() -> dt.time:
    """The time now, rounded to the nearest minute."""
    moment = dt.datetime.now() + dt.timedelta(seconds=30)
    return moment.time().replace(second=0, microsecond=0)


def presence_text(events: list[Presence]) -> str:
    """The presence events as the participant dialog shows them: "left 20.25 5; returned …"."""
    return "; ".join(format_event_line((e.event, e.time, e.item)) for e in events)


def parse_presence_text(text: str, old: list[Presence]) -> list[Presence]:
    """The events typed in the dialog ("left 20.25 5; returned 21.16 10", one per ";" or line);
    an event equal to the one at its place in ``old`` is that one (its table in the file stays).
    Raises ``ValueError`` naming the event that is wrong."""
    events = []
    lines = [line for line in text.replace("\n", ";").split(";") if line.strip()]
    for index, line in enumerate(lines):
        event = Presence(*parse_event_line(line))
        if index < len(old) and old[index] == event:
            event = old[index]
        events.append(event)
    return events
