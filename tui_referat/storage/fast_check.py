"""`referat check` for one file, fast: tomllib for a clean file, tomlkit only when needed.

tomlkit keeps every byte of a file and is several times slower than the standard library's
``tomllib``. Checking needs no bytes kept, so a file is read the editor's fast way
(``lazy.read_fast``: ``tomllib``, the same ``Reader``) and the meaning checks run on that
model. Whenever that path could say anything the full path would say differently (the TOML
does not parse, a field has a problem, the tables may be out of order, CR line ends), the
file is checked again the full way, so the messages and their FILE:LINE:COL are the same as
``validate_file`` + ``layout_problems`` + ``check_meeting`` would give.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..domain.checks import Problem, check_meeting
from ..domain.errors import MeetingFileError
from .disk import read_text, too_many_entries
from .locate import make_locator

_BOM = "\ufeff"

#: Tokens that decide where a table header can start: strings (which may hold ``[`` at the
#: start of a line), comments and header lines. Anything else is skipped. The string loops are
#: possessive (``*+``): a greedy loop keeps a backtracking entry per character, 2 GB for a
#: 19 MB string.
_TOKENS = re.compile(
    r'"""(?:[^\\"]|\\[\s\S]|"(?!""))*+"{3,5}'
    r"|'''[\s\S]*?'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*+"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|^[ \t]*(\[\[?)([^\]\n]*)",
    re.MULTILINE,
)


class _Table:
    __slots__ = ("array", "children", "last")

    def __init__(self, array: bool) -> None:
        self.children: dict[str, _Table] = {}
        self.last = ""
        self.array = array


def tables_in_order(text: str) -> bool:
    """True when every table header follows its parent, so tomlkit keeps the layout as is.

    Conservative: anything unusual (quoted or dotted keys that skip a level, a table opened
    again after another, a header the scan cannot read) counts as possibly out of order.
    """
    chain: list[_Table] = [_Table(False)]
    names: list[str] = []
    for match in _TOKENS.finditer(text):
        bracket = match.group(1)
        if bracket is None:
            continue
        array = bracket == "[["
        if not text.startswith("]]" if array else "]", match.end()):
            return False
        if any(char in match.group(2) for char in "\"'#["):
            return False  # quoted keys: leave the judgement to tomlkit
        parts = [part.strip() for part in match.group(2).split(".")]
        if not all(parts) or any(" " in part or "\t" in part for part in parts):
            return False
        if parts[:-1] != names[: len(parts) - 1]:
            return False
        parent = chain[len(parts) - 1]
        name = parts[-1]
        seen = parent.children.get(name)
        if seen is not None and not (array and seen.array and parent.last == name):
            return False
        table = _Table(array)
        parent.children[name] = table
        parent.last = name
        chain = [*chain[: len(parts)], table]
        names = parts
    return True


def check_file(path: str | Path, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem ``referat check`` reports for the file at ``path``, in file order.

    ``today`` (default: the real day) tells a meeting not yet held, as in ``check_meeting``.
    """
    from .fast_read import read_fast  # here: lazy.py imports this module

    name = str(path)
    try:
        text = read_text(path)
    except MeetingFileError:
        return _full_check(name, today)
    meeting = read_fast(text)  # None: the full path must read it (and says why)
    if meeting is None:
        return _full_check(name, today)
    crowded = too_many_entries(meeting)
    if crowded is not None:
        return [Problem(name, None, None, "error", crowded)]
    return check_meeting(meeting, name, make_locator(meeting.origin._referat_source), today=today)


def _full_check(name: str, today: dt.date | None = None) -> list[Problem]:
    from . import layout_problems, locator_for, validate_file

    meeting, problems = validate_file(name)
    if meeting is not None and not problems:
        problems = layout_problems(meeting, name)
        problems += check_meeting(meeting, name, locator_for(meeting), today=today)
    return problems
