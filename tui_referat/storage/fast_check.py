"""`referat check` for one file, fast: tomllib for a clean file, tomlkit only when needed.

tomlkit keeps every byte of a file and is several times slower than the standard library's
``tomllib``. Checking needs no bytes kept, so a file is read the editor's fast way
(``fast_read.read_fast``: ``tomllib``, the same ``Reader``) and the meaning checks run on that
model. Whenever that path could say anything the full path would say differently (the TOML
does not parse, a field has a problem, the tables may be out of order, CR line ends), the
file is checked again the full way, so the messages and their FILE:LINE:COL are the same as
``validate_file`` + ``layout_problems`` + ``check_meeting`` would give.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.checks import Problem, check_meeting
from ..domain.errors import MeetingFileError
from ..domain.model import Meeting
from .disk import read_text, too_many_entries
from .fast_read import read_fast
from .locate import make_locator
from .meeting_file import layout_problems, locator_for, validate_file
from .unknown import unknown_key_problems


def check_file(path: str | Path, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem ``referat check`` reports for the file at ``path``, in file order.

    ``today`` (default: the real day) tells a meeting not yet held, as in ``check_meeting``.
    """
    return check_and_read(path, today=today)[0]


def check_and_read(
    path: str | Path, *, today: dt.date | None = None
) -> tuple[list[Problem], Meeting | None]:
    """:func:`check_file`'s problems, and the meeting as read for them (None when it could
    not be read), so a further check (the email's size) does not read the file again."""
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
        return [Problem(name, None, None, "error", crowded)], None
    locate = make_locator(meeting.origin._referat_source)
    problems = check_meeting(meeting, name, locate, today=today)
    return _in_file_order(problems, unknown_key_problems(meeting, name)), meeting


def _full_check(name: str, today: dt.date | None = None) -> tuple[list[Problem], Meeting | None]:
    meeting, problems = validate_file(name)
    if meeting is None:
        return problems, None
    unknown = unknown_key_problems(meeting, name)  # worth knowing with errors too: a typo
    if not problems:
        problems = layout_problems(meeting, name)
        problems += check_meeting(meeting, name, locator_for(meeting), today=today)
    return _in_file_order(problems, unknown), meeting


def _in_file_order(problems: list[Problem], more: list[Problem]) -> list[Problem]:
    if not more:
        return problems
    return sorted(problems + more, key=lambda problem: (problem.line or 0, problem.col or 0))
