"""Load, check and save a meeting file: the functions the ``storage`` package exports.

The parsed tomlkit document stays with the meeting (``meeting.origin``) and each nested
object keeps its table; on save the model is merged back key by key (see ``writer``), so
comments, unknown keys, key order and untouched values survive byte for byte. Every failure
is a ``MeetingFileError``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import MeetingFileError
from ..domain.model import Meeting
from .disk import MAX_BYTES, read_text, save_file, too_large, too_many_entries
from .document import BOM, parse_document, with_eol
from .fast_read import adopt, read_fast
from .locate import Position, make_locator
from .reader import Reader, StopReading

if TYPE_CHECKING:
    # Imported where a problem is made: a clean file is opened without them (``Problem`` is
    # a frozen dataclass, which costs about a millisecond to make).
    from ..domain.problems import Problem


def validate_text(text: str, path: str | Path = "<string>") -> tuple[Meeting | None, list[Problem]]:
    """Read ``text`` and report every problem with the file, in file order.

    The meeting comes back whenever the TOML could be parsed and is a meeting file; fields
    with problems then hold their defaults.
    """
    from ..domain.problems import Problem, with_item_number

    name = str(path)
    try:
        doc = parse_document(text, name)
    except MeetingFileError as error:
        return None, [_problem_from(error)]
    reader = Reader()
    meeting: Meeting | None
    try:
        meeting = reader.read_meeting(doc)
    except StopReading:
        meeting = None
    except Exception as error:  # pragma: no cover - a reader bug must not be a traceback
        return None, [Problem(name, None, None, "error", f"cannot read the file: {error!r}")]
    else:
        doc._referat_unknown = reader.unknown_keys()
    crowded = too_many_entries(meeting) if meeting is not None else None
    if crowded is not None:
        return None, [Problem(name, None, None, "error", crowded)]
    locate = make_locator(doc._referat_source)
    offset = 1 if doc._referat_bom else 0
    problems = []
    for found in reader.problems:
        line, col = locate(found.field) or (1, 1)
        if line == 1:
            col += offset
        message = with_item_number(found.field, found.message)
        problems.append(Problem(name, line, col, "error", message, found.field))
    problems.sort(key=lambda problem: (problem.line or 0, problem.col or 0))
    return meeting, problems


def validate_file(path: str | Path) -> tuple[Meeting | None, list[Problem]]:
    """Like ``validate_text`` for a file, with read problems (missing, not UTF-8…) reported."""
    try:
        text = read_text(path)
    except MeetingFileError as error:
        return None, [_problem_from(error)]
    return validate_text(text, path)


def _problem_from(error: MeetingFileError) -> Problem:
    from ..domain.problems import Problem, with_item_number

    field = error.field or ""
    message = with_item_number(field, error.message)
    return Problem(error.path or "<meeting>", error.line, error.col, "error", message, field)


def loads_meeting(text: str, path: str | Path = "<string>") -> Meeting:
    """The meeting in ``text``; the first problem is raised as ``MeetingFileError``.

    A clean file is read with ``tomllib`` and gets its tomlkit document on first save
    (``fast_read``); anything else takes the full path, for its messages.
    """
    if len(text) > MAX_BYTES:
        raise MeetingFileError(too_large(len(text.encode("utf-8", "replace"))), path)
    meeting = read_fast(text)
    if meeting is not None:
        crowded = too_many_entries(meeting)
        if crowded is not None:
            raise MeetingFileError(crowded, path)
        return meeting
    meeting, problems = validate_text(text, path)
    if problems:
        first = problems[0]
        raise MeetingFileError(
            first.message, first.path, first.line, first.col, first.field or None
        )
    assert meeting is not None
    return meeting


def load_meeting(path: str | Path) -> Meeting:
    """The meeting in the file at ``path``, or ``MeetingFileError``."""
    return loads_meeting(read_text(path), path)


def dumps_meeting(meeting: Meeting) -> str:
    """The meeting as TOML text, merged into the document it was loaded from (if any)."""
    from .writer import merge

    adopt(meeting)  # a document that cannot be made stops here, before anything is written
    try:
        doc, changed = merge(meeting)
        source = getattr(doc, "_referat_source", None)
        # tomlkit may move out-of-order tables when it renders; an untouched file stays as is
        # (also a file with mixed line endings); an edited one gets the file's line ending
        text = with_eol(doc, doc.as_string()) if changed or not isinstance(source, str) else source
    except Exception as error:
        # A merge that stopped half way has changed the document already: the text it was
        # loaded from (or last saved as) no longer matches it, so it must never be reused.
        if hasattr(meeting.origin, "_referat_source"):
            meeting.origin._referat_source = None
        if isinstance(error, MeetingFileError):
            raise
        raise MeetingFileError(f"cannot write the meeting: {error}") from None
    doc._referat_source = text
    return BOM + text if getattr(doc, "_referat_bom", False) else text


def save_meeting(meeting: Meeting, path: str | Path) -> bytes:
    """Write ``meeting`` to ``path`` atomically (temp file, fsync, replace; mode kept);
    returns the bytes written (the editor hashes them to notice later changes by others).

    A meeting with more entries than a file may hold is refused: it could not be opened again.
    """
    crowded = too_many_entries(meeting)
    if crowded is not None:
        raise MeetingFileError(f"cannot save: {crowded}", path)
    try:
        text = dumps_meeting(meeting)
    except MeetingFileError as error:
        if error.path is None:
            error.path = str(path)
        raise
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise MeetingFileError(
            f"cannot save: the text has a character that cannot be stored ({error.reason})", path
        ) from None
    save_file(path, data)
    return data


def locator_for(meeting: Meeting) -> Callable[[str], Position | None] | None:
    """Field path -> (line, col) in the text the meeting was last loaded from or saved as."""
    text = getattr(meeting.origin, "_referat_source", None)
    return make_locator(text) if isinstance(text, str) else None


def layout_problems(meeting: Meeting, path: str | Path) -> list[Problem]:
    """A warning when tomlkit would move tables on the next save after an edit.

    That happens with tables written out of order (e.g. ``[[items.attachments]]`` after a
    different table than its item). An untouched file is still saved as it is.
    """
    doc = adopt(meeting)
    source = getattr(doc, "_referat_source", None)
    if not isinstance(source, str):
        return []
    rendered = doc.as_string()
    if source in (rendered, with_eol(doc, rendered)):
        return []
    from ..domain.problems import Problem

    message = "some tables are out of order; the first save after an edit will move them"
    return [Problem(str(path), 1, 1, "warning", message)]
