"""The vote line of the minutes, written and read back in one place.

Danish: "For stemte 9 (Anne, Bo), imod 2, 1 undlod at stemme"; English: "For: 9 (Anne, Bo),
against: 2, abstained: 1". Names, when given, follow their count in parentheses.
"""

from __future__ import annotations

import re

Counts = tuple[int, int, int]
Names = tuple[list[str], list[str], list[str]]


def _names(names: list[str]) -> str:
    names = [n.strip() for n in names if n.strip()]
    return f" ({', '.join(names)})" if names else ""


def format_vote(lang: str, counts: Counts, names: Names = ([], [], [])) -> str:
    """The vote line in ``lang`` ("da"; anything else is English)."""
    (yes, no, abstain), (yes_n, no_n, abstain_n) = counts, names
    if lang == "da":
        return (
            f"For stemte {yes}{_names(yes_n)}, imod {no}{_names(no_n)}, "
            f"{abstain} undlod at stemme{_names(abstain_n)}"
        )
    return (
        f"For: {yes}{_names(yes_n)}, against: {no}{_names(no_n)}, "
        f"abstained: {abstain}{_names(abstain_n)}"
    )


_NAMES = r"(?: \(([^()]*)\))?"
_PATTERNS = (
    re.compile(
        rf"For stemte (-?\d+){_NAMES}, imod (-?\d+){_NAMES}, (-?\d+) undlod at stemme{_NAMES}"
    ),
    re.compile(rf"For: (-?\d+){_NAMES}, against: (-?\d+){_NAMES}, abstained: (-?\d+){_NAMES}"),
)


def parse_vote(line: str) -> tuple[Counts, Names] | None:
    """The counts and names of a vote line as ``format_vote`` writes it, or None."""
    for pattern in _PATTERNS:
        match = pattern.fullmatch(line.strip())
        if match:
            yes, yes_n, no, no_n, abstain, abstain_n = match.groups()

            def split(text: str | None) -> list[str]:
                return [n.strip() for n in text.split(",") if n.strip()] if text else []

            return (int(yes), int(no), int(abstain)), (split(yes_n), split(no_n), split(abstain_n))
    return None
