"""``Problem``: one finding about a meeting file, as the checks and ``referat check`` report it.

Apart from the checks (``checks.py``) so that loading a file, which reports its problems
this way, does not import the checks and what they use (email address parsing, the meeting
cycle): the editor starts faster (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One finding, printed as ``FILE:LINE:COL: level: message``."""

    path: str
    line: int | None
    col: int | None
    level: str  # "error" | "warning"
    message: str
    #: The field path the message is about, e.g. ``items[3].kind``; part of ``str()``.
    field: str = ""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        about = f"{self.field}: " if self.field else ""
        return f"{where}: {self.level}: {about}{self.message}"


_ITEM_FIELD = re.compile(r"items\[(\d+)\]")


def with_item_number(field: str, message: str) -> str:
    """``message`` with the item's number (1-based, as the minutes show it) for an item field.

    Field paths count from 0 (``items[4]`` is item 5); the path stays as it is, the number
    is added at the end: ``expected O, D or B, got "Q" (item 5)``. A message that already
    names an attachment of the item by its number (``attachment 5.1``) is left alone.
    """
    match = _ITEM_FIELD.match(field)
    if match is None:
        return message
    number = int(match.group(1)) + 1
    if f"attachment {number}." in message:
        return message
    return f"{message} (item {number})"


ERROR = "error"
WARNING = "warning"
