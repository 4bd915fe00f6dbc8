"""Unknown keys: the keys of a meeting file the reader never asked for, and "did you mean".

The known keys are not listed here. ``Reader`` reads every table through a ``KeyUse`` (a
dict that notes each key looked up), and looks up every key it knows at that level, present
or not: after a meeting is read, a key nobody asked for is unknown, and the keys that were
asked for are the ones to suggest. A key added to a field tuple (``values.*_FIELDS``), a
list or sub-table spec (``reader``), or read by new code with ``found.get("key")`` is known
at once. A table whose keys are free (read by iterating over it) never warns.

Unknown keys are only reported (a warning); the file keeps them byte for byte. What is
said about them (``UnknownKey``, "did you mean") is in ``key_hints``, imported when a file
has one: a file without unknown keys is opened without it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .locate import key_positions

if TYPE_CHECKING:
    from ..domain.problems import Problem
    from .key_hints import UnknownKey


class KeyUse(dict[str, Any]):
    """A table's entries that notes which keys were looked up (``get`` or ``[]``).

    Iterating over it (``items``, ``keys``, ``for``) takes every key: such a table is free.
    """

    __slots__ = ("free", "used")

    def __init__(self, found: dict[str, Any]) -> None:
        super().__init__(found)
        self.used: set[str] = set()
        self.free = False

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self.used.add(key)
        return dict.get(self, key, default)

    def __getitem__(self, key: str) -> Any:
        self.used.add(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.used.add(key)
        return dict.__contains__(self, key)

    def __iter__(self) -> Any:
        self.free = True
        return dict.__iter__(self)

    def keys(self) -> Any:
        self.free = True
        return dict.keys(self)

    def items(self) -> Any:
        self.free = True
        return dict.items(self)

    def values(self) -> Any:
        self.free = True
        return dict.values(self)

    def unknown(self) -> list[str]:
        """The keys present that nobody looked up, in file order ([] for a free table)."""
        if self.free:
            return []
        used = self.used
        return [key for key in dict.keys(self) if key not in used]


def unknown_key_problems(meeting: Any, path: str | Path) -> list[Problem]:
    """A warning for every unknown key of the file ``meeting`` was loaded from, in file order.

    Empty once the meeting has been saved (only a loaded file's keys are noted).
    """
    origin = getattr(meeting, "origin", None)
    found: list[UnknownKey] = getattr(origin, "_referat_unknown", None) or []
    if not found:
        return []
    from ..domain.problems import WARNING, Problem, with_item_number
    from .key_hints import message_for

    source = getattr(origin, "_referat_source", None)
    locate = key_positions(source) if isinstance(source, str) else None
    offset = 1 if getattr(origin, "_referat_bom", False) else 0
    problems = []
    for unknown in found:
        line = col = None
        if locate is not None:
            line, col = locate(unknown.field) or (1, 1)
            if line == 1:
                col += offset
        message = with_item_number(unknown.field, message_for(unknown))
        problems.append(Problem(str(path), line, col, WARNING, message, unknown.field))
    problems.sort(key=lambda problem: (problem.line or 0, problem.col or 0))
    return problems
