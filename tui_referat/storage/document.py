"""A meeting file's text as a tomlkit document, or a ``MeetingFileError`` with FILE:LINE:COL.

The text's byte-order mark and line ending are noted on the document, so a save writes them
back (``with_eol``).

tomlkit is imported on first use: a clean file is read with ``tomllib`` (``fast_read``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..domain.errors import MeetingFileError
from ..text.lazy_pattern import LazyPattern
from .disk import MAX_BYTES, too_large
from .parse_limits import naming_the_field, nesting_error, tomllib_error

BOM = "\ufeff"
_CRLF = "\r\n"
#: Compiled when first used: a clean file is read, and saved with LF, without them.
_LONE_LF = LazyPattern(r"(?<!\r)\n")
_AT_LINE = LazyPattern(r"\s+at line \d+ col \d+\Z")


def parse_document(text: str, path: str | Path, *, strict: bool = True) -> Any:
    """The tomlkit document of ``text``, or ``MeetingFileError`` with FILE:LINE:COL.

    ``strict``: refuse what ``tomllib`` refuses too (see ``parse_limits``); off only where
    ``tomllib`` has read the text already.
    """
    if len(text) > MAX_BYTES:
        raise MeetingFileError(too_large(len(text.encode("utf-8", "replace"))), path)
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    if not body.strip():
        raise MeetingFileError("the file is empty", path)
    deep = nesting_error(body, path, bom)
    if deep is not None:
        raise deep
    import tomlkit  # here, not at the top: a clean file is read with tomllib (fast_read)
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
        if text.startswith(BOM) and line == 1:
            col += 1
        error = MeetingFileError(_lower_first(message), path, line, col)
        raise naming_the_field(error, body, bom) from None
    except Exception as error:  # tomlkit raises a few other types on odd input
        raise MeetingFileError(f"not valid TOML: {error}", path) from None
    refused = tomllib_error(body, path, bom) if strict else None
    if refused is not None:
        raise refused
    doc._referat_source = body
    doc._referat_bom = text.startswith(BOM)
    doc._referat_eol = line_ending(body)
    return doc


def line_ending(text: str) -> str:
    """The file's dominant line ending: CRLF when most lines end so, else LF."""
    crlf = text.count(_CRLF)
    return _CRLF if crlf > text.count("\n") - crlf else "\n"


def with_eol(doc: Any, text: str) -> str:
    """``text`` with the document's line ending on every line (tomlkit writes new lines LF)."""
    return _LONE_LF.sub(_CRLF, text) if getattr(doc, "_referat_eol", "\n") == _CRLF else text


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:] if message[1:2].islower() else message
