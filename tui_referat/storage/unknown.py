"""Unknown keys: the keys of a meeting file the reader never asked for, and "did you mean".

The known keys are not listed here. ``Reader`` reads every table through a ``KeyUse`` (a
dict that notes each key looked up), and looks up every key it knows at that level, present
or not: after a meeting is read, a key nobody asked for is unknown, and the keys that were
asked for are the ones to suggest. A key added to a field tuple (``values.*_FIELDS``), a
list or sub-table spec (``reader``), or read by new code with ``found.get("key")`` is known
at once. A table whose keys are free (read by iterating over it) never warns.

Unknown keys are only reported (a warning); the file keeps them byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.problems import WARNING, Problem, with_item_number
from .locate import key_positions

#: Danish names a user may write for a key -> the key (suggested when known at that level).
DANISH_KEYS: dict[str, str] = {
    "beslutning": "decision",
    "referat": "minutes",
    "indstilling": "recommendation",
    "deltagere": "participants",
    "dato": "date",
    "sted": "location",
    "bilag": "attachments",
    "lukket": "closed",
    "sagsfremstilling": "case",
    "bemærkninger": "remarks",
    "bemaerkninger": "remarks",
    "punkter": "items",
    "dagsorden": "items",
    "titel": "title",
    "overskrift": "title",
    "tid": "time",
    "varighed": "duration",
    "navn": "name",
    "tekst": "text",
    "emne": "topic",
    "kilde": "source",
    "forfatter": "author",
    "modtaget": "received",
    "ansvarlig": "owner",
    "frist": "due",
    "udført": "done",
    "handlinger": "actions",
    "opfølgning": "actions",
    "afstemning": "vote",
    "imod": "against",
    "undlod": "abstain",
    "hverken": "abstain",
    "rolle": "role",
    "stedfortræder": "substitute_for",
    "problemstilling": "problem",
    "løsning": "solution",
    "videre_proces": "next_steps",
    "næste_møde": "next_meeting",
    "sprog": "lang",
    "slut": "end",
    "formand": "chair",
    "mødeleder": "chair",
    "referent": "secretary",
    "godkendt": "approved",
    "stående": "standing",
    "fremmøde": "attendance",
    "organisation": "organisation",
    "stilling": "title",
    "sti": "path",
    "sagsnr": "case_no",
}


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


@dataclass(frozen=True)
class UnknownKey:
    """A key in the file that referat does not read, and the keys it knows there."""

    #: Where the key sits: ``""`` (top level), ``items[2]``, ``items[2].vote``.
    table: str
    key: str
    #: The keys known at that level (sorted).
    known: tuple[str, ...]
    #: The key is one of the meeting's own (top-level) keys, written below a table header.
    meeting_key: bool = False

    @property
    def field(self) -> str:
        return f"{self.table}.{self.key}" if self.table else self.key

    def suggestion(self) -> str | None:
        return suggest(self.key, self.known)


def suggest(key: str, known: tuple[str, ...] | list[str]) -> str | None:
    """The known key ``key`` was most likely meant to be, or None."""
    lowered = key.strip().lower()
    by_lower = {name.lower(): name for name in known}
    if lowered in by_lower:
        return by_lower[lowered]
    danish = DANISH_KEYS.get(lowered.replace(" ", "_").replace("-", "_"))
    if danish is not None and danish in known:
        return danish
    import difflib  # here: only a file with an unknown key needs it

    close = difflib.get_close_matches(lowered, list(by_lower), n=1, cutoff=0.75)
    return by_lower[close[0]] if close else None


def message_for(unknown: UnknownKey) -> str:
    """``unknown key — did you mean "minutes"?`` (the field path says which key, and where)."""
    meant = unknown.suggestion()
    if meant is not None:
        return f'unknown key — did you mean "{meant}"?'
    if unknown.meeting_key:
        return (
            "unknown key here; it is a key of the meeting: write it above the first [table] "
            "line (a key below a [table] line belongs to that table)"
        )
    return "unknown key (kept in the file, but referat does not read it)"


def unknown_key_problems(meeting: Any, path: str | Path) -> list[Problem]:
    """A warning for every unknown key of the file ``meeting`` was loaded from, in file order.

    Empty once the meeting has been saved (only a loaded file's keys are noted).
    """
    origin = getattr(meeting, "origin", None)
    found: list[UnknownKey] = getattr(origin, "_referat_unknown", None) or []
    if not found:
        return []
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
