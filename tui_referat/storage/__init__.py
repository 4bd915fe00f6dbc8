"""The meeting file: load, check and save TOML with tomlkit, keeping the user's bytes.

The parsed tomlkit document stays with the meeting (``meeting.origin``) and each nested
object keeps its table; on save the model is merged back key by key (see ``writer``), so
comments, unknown keys, key order and untouched values survive byte for byte. Every failure
is a ``MeetingFileError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.checks import Problem, with_item_number
from ..domain.errors import MeetingFileError
from ..domain.model import Meeting
from .disk import MAX_BYTES, read_text, save_file, too_large, too_many_entries
from .fast_read import adopt, read_fast
from .locate import Position, make_locator
from .parse_limits import nesting_error, tomllib_error
from .reader import Reader, StopReading
from .values import FORMAT_VERSION

__all__ = [
    "FORMAT_VERSION",
    "MeetingFileError",
    "dumps_meeting",
    "layout_problems",
    "load_meeting",
    "loads_meeting",
    "locator_for",
    "save_meeting",
    "validate_file",
    "validate_text",
]

_BOM = "\ufeff"
_CRLF = "\r\n"
_LONE_LF = re.compile(r"(?<!\r)\n")
_AT_LINE = re.compile(r"\s+at line \d+ col \d+\Z")


def _parse(text: str, path: str, *, strict: bool = True) -> Any:
    """The tomlkit document of ``text``, or ``MeetingFileError`` with FILE:LINE:COL.

    ``strict``: refuse what ``tomllib`` refuses too (see ``guard``); off only where
    ``tomllib`` has read the text already.
    """
    if len(text) > MAX_BYTES:
        raise MeetingFileError(too_large(len(text.encode("utf-8", "replace"))), path)
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    if not body.strip():
        raise MeetingFileError("the file is empty", path)
    deep = nesting_error(body, path, bom)
    if deep is not None:
        raise deep
    import tomlkit  # here, not at the top: a clean file is read with tomllib (lazy.py)
    from tomlkit.exceptions import ParseError

    try:
        doc = tomlkit.parse(body)
    except ParseError as error:
        message = _AT_LINE.sub("", str(error)).rstrip(".")
        if "'\\x00'" in message or (
            message.startswith("Unexpected character") and error.line > body.count("\n") + 1
        ):
            message = "unexpected end of file"
        elif "use \\u000a instead" in message:
            message = 'a "string" must end on its line (use """ for text over several lines)'
        elif message == "Unexpected character: '\\n'":
            message = "unexpected end of line (is a value or a closing quote missing?)"
        line, col = error.line, error.col + 1
        if text.startswith(_BOM) and line == 1:
            col += 1
        raise MeetingFileError(_lower_first(message), path, line, col) from None
    except Exception as error:  # tomlkit raises a few other types on odd input
        raise MeetingFileError(f"not valid TOML: {error}", path) from None
    refused = tomllib_error(body, path, bom) if strict else None
    if refused is not None:
        raise refused
    doc._referat_source = body
    doc._referat_bom = text.startswith(_BOM)
    doc._referat_eol = line_ending(body)
    return doc


def line_ending(text: str) -> str:
    """The file's dominant line ending: CRLF when most lines end so, else LF."""
    crlf = text.count(_CRLF)
    return _CRLF if crlf > text.count("\n") - crlf else "\n"


def _with_eol(doc: Any, text: str) -> str:
    """``text`` with the document's line ending on every line (tomlkit writes new lines LF)."""
    return _LONE_LF.sub(_CRLF, text) if getattr(doc, "_referat_eol", "\n") == _CRLF else text


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


def validate_text(text: str, path: str | Path = "<string>") -> tuple[Meeting | None, list[Problem]]:
    """Read ``text`` and report every problem with the file, in file order.

    The meeting comes back whenever the TOML could be parsed and is a meeting file; fields
    with problems then hold their defaults.
    """
    name = str(path)
    try:
        doc = _parse(text, name)
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
    return Problem(
        error.path or "<meeting>", error.line, error.col, "error", error.message, error.field or ""
    )


def loads_meeting(text: str, path: str | Path = "<string>") -> Meeting:
    """The meeting in ``text``; the first problem is raised as ``MeetingFileError``.

    A clean file is read with ``tomllib`` and gets its tomlkit document on first save
    (``storage.lazy``); anything else takes the full path, for its messages.
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
        text = _with_eol(doc, doc.as_string()) if changed or not isinstance(source, str) else source
    except Exception as error:
        # A merge that stopped half way has changed the document already: the text it was
        # loaded from (or last saved as) no longer matches it, so it must never be reused.
        if hasattr(meeting.origin, "_referat_source"):
            meeting.origin._referat_source = None
        if isinstance(error, MeetingFileError):
            raise
        raise MeetingFileError(f"cannot write the meeting: {error}") from None
    doc._referat_source = text
    return _BOM + text if getattr(doc, "_referat_bom", False) else text


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
    if source in (rendered, _with_eol(doc, rendered)):
        return []
    message = "some tables are out of order; the first save after an edit will move them"
    return [Problem(str(path), 1, 1, "warning", message)]
