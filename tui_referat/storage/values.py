"""Field kinds of the meeting format: how a TOML value reads into the model.

``parse_value`` turns a tomlkit value into a model value or raises ``FieldError`` with a
message for the user; the way back, ``make_item`` (a model value as a new tomlkit item), is
in ``values_write``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..domain.model import (
    PARTICIPANTS_LAYOUTS,
    SENT_STATUSES,
    Attendance,
    Kind,
    RemarkSource,
    Status,
)
from ..domain.record import Frozen
from ..text.when import parse_time

if TYPE_CHECKING:
    pass


def is_toml_bool(raw: Any) -> bool:
    """Whether ``raw`` is a tomlkit boolean (which is not a ``bool``). Reading a file with
    ``tomllib`` does not load tomlkit, and then no tomlkit object can exist."""
    items = sys.modules.get("tomlkit.items")
    return items is not None and isinstance(raw, items.Bool)


#: The newest format version this code reads and writes.
FORMAT_VERSION = 1

LANG_VALUES = ("da", "en")
#: A date alone as a deadline means the end of that day.
END_OF_DAY = dt.time(23, 59)


class FieldError(Exception):
    """A value of the wrong type or outside its choices; the message is for the user."""


class Field(Frozen):
    """One field of a table: its attribute, TOML key, kind of value and rules.

    Read-only, compared and hashed by value, as the frozen dataclass it was: written out,
    because making a frozen dataclass costs about a millisecond at start-up.
    """

    __slots__ = ("always", "attr", "choices", "key", "kind", "required")
    _FIELDS = ("attr", "key", "kind", "choices", "required", "always")
    attr: str
    key: str
    kind: str
    choices: type[Enum] | tuple[str, ...] | None
    #: Missing key is an error; always written, even when empty.
    required: bool
    #: Written for new objects even when it holds its default.
    always: bool

    def __init__(
        self,
        attr: str,
        key: str,
        kind: str,
        choices: type[Enum] | tuple[str, ...] | None = None,
        required: bool = False,
        always: bool = False,
    ) -> None:
        self._set(attr=attr, key=key, kind=kind, choices=choices, required=required, always=always)


def describe(raw: Any) -> str:
    """A short description of a TOML value for messages: ``"Q"``, ``3``, ``a table``."""
    if is_toml_bool(raw):
        raw = raw.value
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        text = str(raw)
        if len(text) > 40:
            text = text[:37] + "…"
        import json  # for messages only: not on the way to the first screen

        return json.dumps(text, ensure_ascii=False)
    if isinstance(raw, dict):
        return "a table"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, int | float | dt.date | dt.time):
        return str(raw)
    return "a value of another type"


def _or_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _meant(raw: Any, values: list[str]) -> str:
    """A hint for a choice written almost right: the digit 0 for the letter O, "b" for "B"."""
    text = str(raw).strip() if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
    if text == "0" and "O" in values:
        return " — did you mean O (the letter)?"
    if text and text not in values and text.upper() in values:
        return f' — did you mean "{text.upper()}"?'
    if text and text not in values and text.lower() in values:
        return f' — did you mean "{text.lower()}"?'
    return ""


def choice_values(field: Field) -> list[str]:
    if isinstance(field.choices, tuple):
        return list(field.choices)
    assert field.choices is not None
    return [member.value for member in field.choices]


def time_value(raw: Any) -> dt.time:
    """A TOML local time, or a string read by the editor's rules (``text.when.parse_time``:
    "13.30", "13:30", "13", "1330", "kl. 13.30" ...)."""
    if isinstance(raw, dt.time):
        return dt.time(raw.hour, raw.minute, raw.second, raw.microsecond, raw.tzinfo)
    if isinstance(raw, str):
        try:
            moment = parse_time(str.__str__(raw))
        except ValueError:
            moment = None
        if moment is not None:
            return moment
    raise FieldError(f'expected a time like "13.30", got {describe(raw)}')


def date_value(raw: Any) -> dt.date:
    """A TOML date; the string "2025-10-07" is read too (nothing looser: the file's dates are
    TOML dates, written by referat, not typed text)."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return dt.date(raw.year, raw.month, raw.day)
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise FieldError(f"expected a date like 2025-10-07, got {describe(raw)}")


def datetime_value(raw: Any) -> dt.datetime:
    if isinstance(raw, dt.datetime):
        return dt.datetime(
            raw.year,
            raw.month,
            raw.day,
            raw.hour,
            raw.minute,
            raw.second,
            raw.microsecond,
            raw.tzinfo,
        )
    if isinstance(raw, dt.date) or (isinstance(raw, str) and len(raw.strip()) == 10):
        return dt.datetime.combine(
            date_value(raw.strip() if isinstance(raw, str) else raw), END_OF_DAY
        )
    if isinstance(raw, str):
        try:
            return dt.datetime.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise FieldError(f"expected a date and time like 2025-10-14T16:00:00, got {describe(raw)}")


def _string(raw: Any) -> str:
    if isinstance(raw, str) and not is_toml_bool(raw):
        return str.__str__(raw)
    raise FieldError(f"expected a string, got {describe(raw)}")


def _labels(raw: Any) -> dict[str, str]:
    """A table of texts by key (``labels = {minutes = "Drøftelse"}``)."""
    if not isinstance(raw, dict):
        raise FieldError(f"expected a table of labels, got {describe(raw)}")
    labels = {}
    for key, value in raw.items():
        if not isinstance(value, str) or is_toml_bool(value):
            raise FieldError(f"expected a text for {key}, got {describe(value)}")
        labels[str.__str__(str(key))] = str.__str__(value)
    return labels


def _names(raw: Any, what: str) -> list[str]:
    if isinstance(raw, str):
        return [str.__str__(raw)]
    if isinstance(raw, list):
        values = []
        for index, element in enumerate(raw):
            if not isinstance(element, str):
                raise FieldError(f"expected {what}, got {describe(element)} at [{index}]")
            values.append(str.__str__(element))
        return values
    raise FieldError(f"expected {what}, got {describe(raw)}")


def _numbers(raw: Any) -> list[int]:
    if isinstance(raw, list):
        values = []
        for index, element in enumerate(raw):
            if is_toml_bool(element) or isinstance(element, bool) or not isinstance(element, int):
                raise FieldError(f"expected item numbers, got {describe(element)} at [{index}]")
            values.append(int(element))
        return values
    raise FieldError(f"expected a list of item numbers like [1, 2, 6, 3], got {describe(raw)}")


def parse_value(field: Field, raw: Any) -> Any:
    """The model value of ``raw`` for ``field``, or ``FieldError``."""
    kind = field.kind
    if is_toml_bool(raw):
        raw = raw.value
    if kind == "str":
        return _string(raw)
    if kind == "enum":
        values = choice_values(field)
        if isinstance(raw, str) and str(raw) in values:
            text = str.__str__(raw)
            return text if isinstance(field.choices, tuple) else field.choices(text)  # type: ignore[misc]
        raise FieldError(f"expected {_or_list(values)}, got {describe(raw)}{_meant(raw, values)}")
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        raise FieldError(f"expected true or false, got {describe(raw)}")
    if kind == "minutes":
        if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 100_000:
            return int(raw)
        raise FieldError(f"expected a whole number of minutes, got {describe(raw)}")
    if kind == "count":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return int(raw)
        raise FieldError(f"expected a whole number, got {describe(raw)}")
    if kind == "time":
        return time_value(raw)
    if kind == "date":
        return date_value(raw)
    if kind == "datetime":
        return datetime_value(raw)
    if kind == "names":
        return _names(raw, "a list of names")
    if kind == "topic":
        return _names(raw, "a topic or a list of topics")
    if kind == "labels":
        return _labels(raw)
    if kind == "numbers":
        return _numbers(raw)
    raise AssertionError(kind)  # pragma: no cover


# -- writing ---------------------------------------------------------------------------

# -- the fields of each object, in the order new keys are written ----------------------

MEETING_FIELDS = (
    Field("lang", "lang", "enum", LANG_VALUES, always=True),
    Field("status", "status", "enum", Status, always=True),
    Field("title", "title", "str", always=True),
    Field("date", "date", "date"),
    Field("start", "start", "time"),
    Field("end", "end", "time"),
    Field("started", "started", "time"),
    Field("ended", "ended", "time"),
    Field("location", "location", "str"),
    Field("chair", "chair", "str"),
    Field("secretary", "secretary", "str"),
    Field("remarks_deadline", "remarks_deadline", "datetime"),
    Field("approved", "approved", "date"),
    Field("participants_layout", "participants_layout", "enum", PARTICIPANTS_LAYOUTS),
    Field("handled_order", "handled_order", "numbers"),
)
HEADER_FIELDS = (
    Field("key", "key", "str", required=True),
    Field("label", "label", "str"),
    Field("value", "value", "str", always=True),
)
PARTICIPANT_FIELDS = (
    Field("name", "name", "str", required=True),
    Field("title", "title", "str"),
    Field("organisation", "organisation", "str"),
    Field("email", "email", "str"),
    Field("role", "role", "str"),
    Field("substitute_for", "substitute_for", "str"),
    Field("attendance", "attendance", "enum", Attendance, always=True),
    Field("note", "note", "str"),
)
#: ``event`` is read as any string: ``referat check`` names one it does not know.
PRESENCE_FIELDS = (
    Field("event", "event", "str", required=True),
    Field("time", "time", "time"),
    Field("item", "item", "count"),
)
ITEM_FIELDS = (
    Field("title", "title", "str", required=True),
    Field("public_title", "public_title", "str"),
    Field("kind", "kind", "enum", Kind),
    Field("time", "time", "time"),
    Field("duration", "duration", "minutes"),
    Field("presenters", "presenters", "names"),
    Field("standing", "standing", "bool"),
    Field("closed", "closed", "bool"),
    Field("case", "case", "str"),
    Field("recommendation", "recommendation", "str"),
    Field("decision", "decision", "str"),
    Field("minutes", "minutes", "str"),
    Field("problem", "problem", "str"),
    Field("solution", "solution", "str"),
    Field("next_steps", "next_steps", "str"),
    Field("remarks_intro", "remarks_intro", "str"),
    Field("remarks_deadline", "remarks_deadline", "datetime"),
    Field("remarks_note", "remarks_note", "str"),
)
REMARK_FIELDS = (
    Field("topic", "topic", "topic"),
    Field("source", "source", "enum", RemarkSource, always=True),
    Field("author", "author", "str"),
    Field("received", "received", "date"),
    Field("text", "text", "str", required=True),
)
ATTACHMENT_FIELDS = (
    Field("title", "title", "str", required=True),
    Field("path", "path", "str"),
    Field("late", "late", "bool"),
)
ACTION_FIELDS = (
    Field("text", "text", "str", required=True),
    Field("owner", "owner", "str"),
    Field("due", "due", "date"),
    Field("done", "done", "bool", always=True),
)
VOTE_FIELDS = (
    Field("for_", "for", "count", always=True),
    Field("against", "against", "count", always=True),
    Field("abstain", "abstain", "count", always=True),
    Field("for_names", "for_names", "names"),
    Field("against_names", "against_names", "names"),
    Field("abstain_names", "abstain_names", "names"),
)
SECTIONS_FIELDS = (
    Field("order", "order", "names"),
    Field("labels", "labels", "labels"),
)
NEXT_MEETING_FIELDS = (
    Field("date", "date", "date"),
    Field("start", "start", "time"),
    Field("end", "end", "time"),
    Field("location", "location", "str"),
    Field("text", "text", "str"),
)
#: ``[[sent]]``: one sending of the minutes (``domain/sent.py``); ``at`` is an offset
#: date-time, ``to``/``cc`` the addresses that got it.
SENT_FIELDS = (
    Field("at", "at", "datetime", required=True),
    Field("to", "to", "names", always=True),
    Field("cc", "cc", "names"),
    Field("status", "status", "enum", SENT_STATUSES, always=True),
    Field("message_id", "message_id", "str"),
    Field("test", "test", "bool"),
)
