"""Fast loading: read a clean file with ``tomllib``, make the tomlkit document when needed.

tomlkit keeps every byte of the file, which saving needs, but it is several times slower than
the standard library's ``tomllib`` and the editor needs no bytes to show a meeting. So a
clean file is read with ``tomllib`` into the model, and the meeting's ``origin`` is a
``PendingDocument``: the text, and the plain tables the objects were read from. The first
save (or a background thread, ``PendingDocument.prepare``) parses the text with tomlkit,
reads it again the same way and pairs the two readings table by table; ``adopt`` then gives
every object its tomlkit table, also objects that come back later through undo.

Whenever the fast reading could differ from the full one (tomllib refuses the text, a field
has a problem, tables may be out of order, or the file has CR characters, which tomllib
turns into plain line ends in multi-line strings), the caller uses the full path instead.
"""

from __future__ import annotations

import threading
from typing import Any

from ..domain.errors import MeetingFileError
from ..domain.model import Meeting
from . import document
from .parse_limits import nesting_error
from .reader import Reader
from .table_order import tables_in_order
from .toml_read import loads

#: Attribute of a tomlkit document: id(plain table) -> (plain table, tomlkit table).
ORIGINS = "_referat_origins"


class PendingDocument:
    """The tomlkit document of a meeting read with ``tomllib``, made on first need."""

    def __init__(self, body: str, bom: bool, tables: list[Any], data: Any = None) -> None:
        #: The text the meeting was read from (``locator_for`` reads it for FILE:LINE:COL).
        self._referat_source = body
        self._referat_bom = bom
        self._tables = tables
        #: What ``tomllib`` read: tomlkit must read the very same, or nothing is saved.
        self._data = data
        #: The keys of the file the reader does not know (``unknown.unknown_key_problems``).
        self._referat_unknown: list[Any] = []
        self._lock = threading.RLock()
        self._doc: Any = None
        self._error: MeetingFileError | None = None
        self._done = False

    def prepare(self) -> None:
        """Parse the text with tomlkit and pair the tables (may run in a thread)."""
        with self._lock:
            if self._done:
                return
            self._done = True
            record: list[Any] = []
            try:
                doc = document.parse_document(self._referat_source, "<meeting>", strict=False)
                doc._referat_bom = self._referat_bom  # the text was read without its BOM
                Reader(record).read_meeting(doc)
                same = len(record) == len(self._tables)
                if same and self._data is not None:
                    same = same_data(doc.unwrap(), self._data)
            except MeetingFileError as error:
                self._error = error
                return
            except Exception as error:  # pragma: no cover - a tomlkit or reader bug
                self._error = MeetingFileError(f"cannot read the file for saving: {error!r}")
                return
            if not same:
                # Never a whole new document in place of the user's file: no save at all.
                self._error = MeetingFileError(
                    "cannot save: tomlkit reads this file differently from tomllib; "
                    "please report it (the file is unchanged)"
                )
                return
            setattr(
                doc,
                ORIGINS,
                {
                    id(plain): (plain, table)
                    for plain, table in zip(self._tables, record, strict=True)
                },
            )
            self._doc = doc

    def document(self) -> Any:
        """The tomlkit document (parsed now if ``prepare`` has not run), or
        ``MeetingFileError`` when tomlkit cannot read the text as ``tomllib`` did."""
        self.prepare()
        if self._error is not None:
            raise self._error
        return self._doc


def same_data(one: Any, other: Any) -> bool:
    """Whether two readings of a TOML text hold the same values of the same types (NaN is
    the same as NaN here, unlike ``==``)."""
    if type(one) is not type(other):
        return False
    if isinstance(one, dict):
        return one.keys() == other.keys() and all(same_data(one[k], other[k]) for k in one)
    if isinstance(one, list):
        return len(one) == len(other) and all(map(same_data, one, other))
    if isinstance(one, float) and one != one:
        return other != other
    return bool(one == other)


def read_fast(text: str) -> Meeting | None:
    """The meeting in ``text`` read with ``tomllib``, or None when the full path must read it."""
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    if "\r" in body or not body.strip() or nesting_error(body, "") is not None:
        return None  # the full path says why, with line and column
    try:
        data = loads(body)
    except Exception:  # not TOML for tomllib: the full path says why, with line and column
        return None
    tables: list[Any] = []
    reader = Reader(tables)
    try:
        meeting = reader.read_meeting(data)
    except Exception:  # StopReading (or a reader bug): the full path reports it
        return None
    if reader.problems or not tables_in_order(body):
        return None
    meeting.origin = PendingDocument(body, bom, tables, data)
    meeting.origin._referat_unknown = reader.unknown_keys()
    return meeting


def _objects(meeting: Meeting) -> list[Any]:
    objects: list[Any] = [*meeting.header, *meeting.participants]
    for person in meeting.participants:
        objects += person.presence
    for item in meeting.items:
        objects += [item, *item.remarks, *item.attachments, *item.actions]
        if item.vote is not None:
            objects.append(item.vote)
    if meeting.sections is not None:
        objects.append(meeting.sections)
    if meeting.next_meeting is not None:
        objects.append(meeting.next_meeting)
    objects += meeting.sent
    return objects


def adopt(meeting: Meeting) -> Any:
    """The meeting's tomlkit document, made if still pending, with every object that was
    read from a plain table given the tomlkit table it came from."""
    doc = meeting.origin
    if isinstance(doc, PendingDocument):
        doc = doc.document()
        meeting.origin = doc
    origins = getattr(doc, ORIGINS, None)
    if origins:
        for obj in _objects(meeting):
            found = origins.get(id(obj.origin))
            if found is not None and found[0] is obj.origin:
                obj.origin = found[1]
    return doc
