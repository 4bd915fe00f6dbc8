"""What is said about an unknown key of a meeting file: where it is, and "did you mean".

Apart from ``unknown`` (which notes the keys the reader asks for) so that a file without
unknown keys is opened without making these (docs/PERFORMANCE.md, "Start-up").
"""

from __future__ import annotations

from dataclasses import dataclass

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
