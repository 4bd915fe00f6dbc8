"""Read a parsed tomlkit document into the model, collecting every field problem."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from ..domain.model import (
    Action,
    AgendaItem,
    Attachment,
    CaseField,
    Meeting,
    NextMeeting,
    Participant,
    Presence,
    Remark,
    SectionLayout,
    Sent,
    Vote,
)
from .table_entries import entries, scalar
from .unknown import KeyUse
from .values import (
    ACTION_FIELDS,
    ATTACHMENT_FIELDS,
    FORMAT_VERSION,
    HEADER_FIELDS,
    ITEM_FIELDS,
    MEETING_FIELDS,
    NEXT_MEETING_FIELDS,
    PARTICIPANT_FIELDS,
    PRESENCE_FIELDS,
    REMARK_FIELDS,
    SECTIONS_FIELDS,
    SENT_FIELDS,
    VOTE_FIELDS,
    Field,
    FieldError,
    describe,
    parse_value,
)

if TYPE_CHECKING:
    from .key_hints import UnknownKey

#: (attribute, key, class, fields, nested lists) for each array of tables.
ListSpec = tuple[str, str, type, tuple[Field, ...], tuple[Any, ...]]

REMARKS: ListSpec = ("remarks", "remarks", Remark, REMARK_FIELDS, ())
ATTACHMENTS: ListSpec = ("attachments", "attachments", Attachment, ATTACHMENT_FIELDS, ())
ACTIONS: ListSpec = ("actions", "actions", Action, ACTION_FIELDS, ())
HEADER: ListSpec = ("header", "header", CaseField, HEADER_FIELDS, ())
PRESENCE: ListSpec = ("presence", "presence", Presence, PRESENCE_FIELDS, ())
PARTICIPANTS: ListSpec = (
    "participants",
    "participants",
    Participant,
    PARTICIPANT_FIELDS,
    (PRESENCE,),
)
ITEMS: ListSpec = ("items", "items", AgendaItem, ITEM_FIELDS, (REMARKS, ATTACHMENTS, ACTIONS))
SENT: ListSpec = ("sent", "sent", Sent, SENT_FIELDS, ())
MEETING_LISTS: tuple[ListSpec, ...] = (HEADER, PARTICIPANTS, ITEMS, SENT)

#: (attribute, key, class, fields) of an optional single table inside an object.
TableSpec = tuple[str, str, type, tuple[Field, ...]]

VOTE: TableSpec = ("vote", "vote", Vote, VOTE_FIELDS)
#: The optional sub-tables of each class (``[items.vote]``).
SUB_TABLES: dict[type, tuple[TableSpec, ...]] = {AgendaItem: (VOTE,)}


class StopReading(Exception):
    """The file is not a meeting file this version can read; nothing more to say."""


class FieldProblem:
    """A field the reader could not take, and why (a plain class: a dataclass costs about
    0.3 ms to make at start-up, for what only a file with problems uses)."""

    __slots__ = ("field", "message")

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"FieldProblem(field={self.field!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldProblem):
            return NotImplemented
        return (self.field, self.message) == (other.field, other.message)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass was


def _defaults(cls: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in dataclasses.fields(cls):
        if spec.default is not dataclasses.MISSING:
            out[spec.name] = spec.default
        elif spec.default_factory is not dataclasses.MISSING:
            out[spec.name] = spec.default_factory
    return out


DEFAULTS: dict[type, dict[str, Any]] = {
    cls: _defaults(cls)
    for cls in (
        Meeting,
        CaseField,
        Participant,
        Presence,
        AgendaItem,
        Remark,
        Attachment,
        Action,
        Vote,
        Sent,
    )
}
DEFAULTS[NextMeeting] = _defaults(NextMeeting)
DEFAULTS[SectionLayout] = _defaults(SectionLayout)

#: The optional single tables of the meeting, in the order they are read.
SECTIONS_TABLE: TableSpec = ("sections", "sections", SectionLayout, SECTIONS_FIELDS)


def default_of(cls: type, attr: str) -> Any:
    value = DEFAULTS[cls].get(attr, "")
    return value() if callable(value) else value


class Reader:
    def __init__(self, record: list[Any] | None = None) -> None:
        """``record``: every table that becomes an object's ``origin`` is appended to it, in
        reading order (the same order for the same file, whichever parser read it)."""
        self.problems: list[FieldProblem] = []
        self.record = record
        #: Every table read, with where it sits: its keys nobody asked for are unknown.
        self.tables: list[tuple[str, KeyUse]] = []

    def track(self, found: dict[str, Any], where: str) -> KeyUse:
        """``found`` as a ``KeyUse`` noted for ``unknown_keys`` (the same one if it is one)."""
        if isinstance(found, KeyUse):
            return found
        use = KeyUse(found)
        self.tables.append((where, use))
        return use

    def unknown_keys(self) -> list[UnknownKey]:
        """The keys of the tables read that the reader never looked up (one pass, linear)."""
        out: list[UnknownKey] = []
        top = self.tables[0][1].used if self.tables and not self.tables[0][0] else set()
        for where, use in self.tables:
            for key in use.unknown():
                from .key_hints import UnknownKey  # here: most files have no unknown key

                moved = bool(where) and key in top
                out.append(UnknownKey(where, key, tuple(sorted(use.used)), moved))
        return out

    def problem(self, field: str, message: str) -> None:
        self.problems.append(FieldProblem(field, message))

    def read_fields(
        self, cls: type, fields: tuple[Field, ...], found: dict[str, Any], prefix: str
    ) -> dict[str, Any]:
        found = self.track(found, prefix[:-1])
        values: dict[str, Any] = {}
        for field in fields:
            raw = found.get(field.key)
            if raw is None:
                if field.required:
                    self.problem(f"{prefix}{field.key}", "required key is missing")
                    values[field.attr] = ""
                continue
            try:
                values[field.attr] = parse_value(field, raw)
            except FieldError as error:
                self.problem(f"{prefix}{field.key}", str(error))
                if field.required:
                    values[field.attr] = ""
        return values

    def read_object(self, spec: ListSpec, table: Any, path: str) -> Any:
        _, _, cls, fields, nested = spec
        found = self.track(entries(table), path)
        values = self.read_fields(cls, fields, found, f"{path}.")
        for sub in nested:
            values[sub[0]] = self.read_list(sub, found.get(sub[1]), f"{path}.{sub[1]}")
        for spec_table in SUB_TABLES.get(cls, ()):
            raw_sub = found.get(spec_table[1])
            if raw_sub is not None:
                values[spec_table[0]] = self.read_table(spec_table, raw_sub, path)
        obj = cls(**values)
        obj.origin = table
        if self.record is not None:
            self.record.append(table)
        return obj

    def read_table(self, spec: TableSpec, raw: Any, path: str) -> Any:
        """The object of an optional sub-table, or None (with a problem) when not a table."""
        _, key, cls, fields = spec
        where = f"{path}.{key}" if path else key
        if not isinstance(raw, dict):
            self.problem(where, f"expected a table, got {describe(raw)}")
            return None
        obj = cls(**self.read_fields(cls, fields, entries(raw), f"{where}."))
        obj.origin = raw
        if self.record is not None:
            self.record.append(raw)
        return obj

    def read_list(self, spec: ListSpec, raw: Any, path: str) -> list[Any]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.problem(path, f"expected [[{path.split('.')[-1]}]] tables, got {describe(raw)}")
            return []
        out = []
        for index, table in enumerate(raw):
            where = f"{path}[{index}]"
            if not isinstance(table, dict):
                self.problem(where, f"expected a table, got {describe(table)}")
                continue
            out.append(self.read_object(spec, table, where))
        return out

    def read_meeting(self, doc: Any) -> Meeting:
        found = self.track(entries(doc), "")
        self.check_format(found.get("format"))
        values = self.read_fields(Meeting, MEETING_FIELDS, found, "")
        for spec in MEETING_LISTS:
            values[spec[0]] = self.read_list(spec, found.get(spec[1]), spec[1])
        raw_sections = found.get("sections")
        if raw_sections is not None:
            values["sections"] = self.read_table(SECTIONS_TABLE, raw_sections, "")
        raw_next = found.get("next_meeting")
        if raw_next is not None:
            if isinstance(raw_next, dict):
                next_values = self.read_fields(
                    NextMeeting, NEXT_MEETING_FIELDS, entries(raw_next), "next_meeting."
                )
                values["next_meeting"] = NextMeeting(**next_values)
                values["next_meeting"].origin = raw_next
                if self.record is not None:
                    self.record.append(raw_next)
            else:
                self.problem("next_meeting", f"expected a table, got {describe(raw_next)}")
        meeting = Meeting(**values)
        meeting.origin = doc
        return meeting

    def check_format(self, raw: Any) -> None:
        raw = scalar(raw)
        if raw is None:
            self.problem("format", "not a meeting file: the key 'format = 1' is missing")
            raise StopReading
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
            self.problem("format", f"expected a format version number, got {describe(raw)}")
            raise StopReading
        if raw > FORMAT_VERSION:
            self.problem(
                "format",
                f"format {int(raw)} is newer than this referat can read "
                f"(up to {FORMAT_VERSION}); update referat",
            )
            raise StopReading
