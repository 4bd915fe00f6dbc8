"""Attendance phrases of the minutes, written and read back in one place.

A participant's presence events: "forlod mødet kl. 20.25 (pkt. 5) og vendte tilbage kl. 21.16
(pkt. 10)" / "left the meeting at 20:25 (item 5) and returned at 21:16 (item 10)". The
meeting's actual times: "Mødet startede kl. 18.35 og sluttede kl. 21.35." / "The meeting
started at 18:35 and ended at 21:35." And the editor's line for one event: "left 20.25 5".
"""

from __future__ import annotations

import datetime as dt
import re

from .when import format_time, parse_time
from .words import say, say_in

#: (event, time, item number) of one presence event, as the model holds it.
Event = tuple[str, dt.time | None, int | None]

EVENTS: tuple[str, ...] = ("arrived", "left", "returned")


def _join(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {say_in(lang, 'and')} {parts[-1]}"


def format_event(lang: str, event: Event) -> str:
    """One event: "forlod mødet kl. 20.25 (pkt. 5)"; an unknown event name is shown as is."""
    name, moment, item = event
    key = f"presence.{name}"
    text = say_in(lang, key) if name in EVENTS else name
    if moment is not None:
        text += " " + say_in(lang, "presence.at", time=format_time(moment, lang))
    if item is not None:
        text += f" ({say_in(lang, 'presence.item', n=item)})"
    return text


def format_presence(lang: str, events: list[Event]) -> str:
    """Every event of one participant in one phrase, joined with "og" / "and"."""
    return _join([format_event(lang, event) for event in events], lang)


def _event_pattern(lang: str) -> re.Pattern[str]:
    names = "|".join(re.escape(say_in(lang, f"presence.{name}")) for name in EVENTS)
    at = re.escape(say_in(lang, "presence.at", time="\0")).replace("\0", r"(\d{1,2}[.:]\d{2})")
    item = re.escape(say_in(lang, "presence.item", n="\0")).replace("\0", r"(\d+)")
    return re.compile(rf"({names})(?: {at})?(?: \({item}\))?")


def parse_presence(lang: str, text: str) -> list[Event] | None:
    """The events of a phrase ``format_presence`` wrote in ``lang``, or None."""
    pattern = _event_pattern(lang)
    names = {say_in(lang, f"presence.{name}"): name for name in EVENTS}
    rest = text.strip()
    events: list[Event] = []
    separators = (", ", f" {say_in(lang, 'and')} ")
    while rest:
        match = pattern.match(rest)
        if match is None or match.end() == 0:
            return None
        word, moment, item = match.groups()
        events.append(
            (names[word], parse_time(moment) if moment else None, int(item) if item else None)
        )
        rest = rest[match.end() :]
        if not rest:
            break
        for separator in separators:
            if rest.startswith(separator):
                rest = rest[len(separator) :]
                break
        else:
            return None
    return events or None


def format_held(lang: str, started: dt.time | None, ended: dt.time | None) -> str:
    """ "Mødet startede kl. 18.35 og sluttede kl. 21.35." (either half alone; "" for none)."""
    start, end = format_time(started, lang), format_time(ended, lang)
    if start and end:
        return say_in(lang, "held.both", start=start, end=end)
    if start:
        return say_in(lang, "held.started", start=start)
    if end:
        return say_in(lang, "held.ended", end=end)
    return ""


def parse_held(lang: str, text: str) -> tuple[dt.time | None, dt.time | None] | None:
    """The actual start and end of a sentence ``format_held`` wrote in ``lang``, or None."""
    clock = r"(\d{1,2}[.:]\d{2})"
    for key, fields in (
        ("held.both", {"start": "\0", "end": "\1"}),
        ("held.started", {"start": "\0"}),
        ("held.ended", {"end": "\1"}),
    ):
        pattern = re.escape(say_in(lang, key, **fields))
        pattern = pattern.replace("\0", f"(?P<start>{clock[1:-1]})")
        pattern = pattern.replace("\1", f"(?P<end>{clock[1:-1]})")
        match = re.fullmatch(pattern, text.strip())
        if match:
            found = match.groupdict()
            start, end = found.get("start"), found.get("end")
            return (parse_time(start) if start else None, parse_time(end) if end else None)
    return None


def parse_event_line(line: str) -> Event:
    """One event as the editor's participant form takes it: "left 20.25 5" (event, time,
    item number; the Danish words "ankom", "gik", "tilbage" too). Raises ``ValueError`` with a
    message for the user, in the editor's language."""
    words = line.split()
    if len(words) != 3:
        raise ValueError(say("presence.bad_line", line=line.strip()))
    name = _EVENT_WORDS.get(words[0].lower())
    if name is None:
        raise ValueError(say("presence.bad_event", word=words[0]))
    try:
        moment = parse_time(words[1])
    except ValueError:
        raise ValueError(say("presence.bad_time", word=words[1])) from None
    if not words[2].isdigit() or int(words[2]) < 1:
        raise ValueError(say("presence.bad_item", word=words[2]))
    return name, moment, int(words[2])


def format_event_line(event: Event) -> str:
    """The editor's line for one event: "left 20.25 5"."""
    name, moment, item = event
    return " ".join(x for x in (name, format_time(moment, "da"), str(item or "")) if x)


_EVENT_WORDS = {
    **{name: name for name in EVENTS},
    "ankom": "arrived",
    "gik": "left",
    "tilbage": "returned",
}
