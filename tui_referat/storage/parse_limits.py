"""What both readers must agree on before a meeting file is read at all.

A meeting file is read by two parsers: ``tomllib`` (fast: ``check`` and opening the editor)
and tomlkit (the document kept for saving). They are not the same: tomlkit reads a few
things TOML forbids (``date = 2025-10-07 13:00``), refuses keys nested more than 100 levels,
and ``tomllib`` takes quadratic time on a deeply dotted key. So one rule holds: a file either
of them refuses is refused, with FILE:LINE:COL, and a key nested deeper than any meeting file
needs is refused before either parser sees it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.errors import MeetingFileError
from ..text.lazy_pattern import LazyPattern
from .locate import field_at_line

#: The deepest key path written in one place (a meeting file needs about 4).
MAX_DEPTH = 20

_PART = r"""(?:(?<![A-Za-z0-9_-])[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
#: A key of more than MAX_DEPTH parts, or a string or comment (skipped, so the dots in
#: minutes and comments are never taken for keys).
#: Compiled when first used: only a file that one of the quick tests below flags needs it.
_SCAN = LazyPattern(
    rf"(?P<deep>{_PART}(?:[ \t]*+\.[ \t]*+{_PART}){{{MAX_DEPTH}}})"
    r'|"""(?:[^\\"]|\\[\s\S]|"(?!""))*+"{3,5}'
    r"|'''[\s\S]*?'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|#[^\n]*+"
    r"|(?P<open>[\[{])|(?P<close>[\]}])"
)
#: What any such key holds, strings or not: a quick test (it starts with a literal dot, which
#: the regex engine finds fast) before the scan that knows strings and comments. Compiled
#: when first used (0.6 ms): only a line with that many dots can hold such a key (``_DOTS``).
_CANDIDATE = LazyPattern(rf"\.[ \t]*+{_PART}(?:[ \t]*+\.[ \t]*+{_PART}){{{MAX_DEPTH - 1}}}")
#: MAX_DEPTH dots on one line (a key is written on one line): rare in minutes.
_DOTS = re.compile(r"\.(?:[^.\n]*+\.){" + str(MAX_DEPTH - 1) + "}")
#: More than MAX_DEPTH arrays or inline tables opened with none closed between them (strings
#: or not): the quick test for values nested too deep (tomlkit refuses more than 100 levels,
#: tomllib reads hundreds).
_VALUE_CANDIDATE = re.compile(r"[\[{](?:[^\]}\[{]*+[\[{]){" + str(MAX_DEPTH) + "}")
_TOMLLIB_AT = LazyPattern(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\Z")
_SPACED = LazyPattern(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d)")
#: A value that starts like a date (``2006-05``, ``2006-5-17``, ``17-05-2006``).
_DATE_LIKE = LazyPattern(r"\d{1,4}-\d")


def _position(body: str, index: int, bom: bool) -> tuple[int, int]:
    line = body.count("\n", 0, index) + 1
    col = index - body.rfind("\n", 0, index)
    return line, col + 1 if bom and line == 1 else col


def nesting_error(body: str, path: str | Path, bom: bool = False) -> MeetingFileError | None:
    """An error at the first key or value nested more than ``MAX_DEPTH`` levels deep.

    Linear time: two quick regex tests, and a scan that skips strings and comments only
    when one of them finds something.
    """
    keys = (
        body.count(".") >= MAX_DEPTH
        and _DOTS.search(body) is not None
        and _CANDIDATE.search(body) is not None
    )
    if not keys and _VALUE_CANDIDATE.search(body) is None:
        return None
    depth = 0
    for match in _SCAN.finditer(body):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            what = "value"
        elif kind == "close":
            depth = max(depth - 1, 0)
            continue
        else:
            what = "key"
        if kind == "deep" or depth > MAX_DEPTH:
            line, col = _position(body, match.start(), bom)
            return MeetingFileError(
                f"a {what} nested more than {MAX_DEPTH} levels deep "
                "(a meeting file needs no more than 4)",
                path,
                line,
                col,
            )
    return None


def naming_the_field(error: MeetingFileError, body: str, bom: bool = False) -> MeetingFileError:
    """``error`` (TOML that cannot be read) with the field path of its line, when it is in
    the value of a ``key = value`` line, and how a date is written when the value looks
    like one: ``items[3].date: invalid number; dates are written date = 2025-10-07``."""
    if error.line is None or error.col is None or error.field:
        return error
    try:
        return _named(error, body, bom)
    except Exception:  # a hint must never be the reason for a traceback
        return error


def _named(error: MeetingFileError, body: str, bom: bool) -> MeetingFileError:
    assert error.line is not None and error.col is not None
    found = field_at_line(body, error.line)
    col = error.col - (1 if bom and error.line == 1 else 0)
    if found is None or col < found[1]:
        return error
    field, value_col = found
    error.field = field
    start = 0
    for _ in range(error.line - 1):
        start = body.index("\n", start) + 1
    if _DATE_LIKE.match(body, start + value_col - 1) and "is written" not in error.message:
        key = field.rsplit(".", 1)[-1]
        error.message += f"; dates are written {key} = 2025-10-07 (year-month-day)"
    return error


def tomllib_error(body: str, path: str | Path, bom: bool = False) -> MeetingFileError | None:
    """Why ``tomllib`` refuses ``body`` (a text tomlkit has read), or None."""
    from .toml_read import TOMLDecodeError, loads

    try:
        loads(body)
    except TOMLDecodeError as error:
        text = str(error)
        found = _TOMLLIB_AT.search(text)
        message = text[: found.start()] if found else text
        message = message[:1].lower() + message[1:]
        line = col = None
        if found and found.group(1):
            line, col = int(found.group(1)), int(found.group(2))
            row = body.split("\n", line)[line - 1] if line <= body.count("\n") + 1 else ""
            spaced = _SPACED.search(row)
            if spaced and spaced.end(1) < col <= spaced.end(2) + 1:
                day, clock = spaced.groups()
                message = f"a date and time is written {day}T{clock}:00 (or the date alone: {day})"
            if bom and line == 1:
                col += 1
        elif found:
            message = "unexpected end of file"
        return naming_the_field(MeetingFileError(message, path, line, col), body, bom)
    except Exception as error:  # RecursionError on absurd nesting, and the like
        return MeetingFileError(f"not valid TOML: {type(error).__name__}", path)
    return None
