"""Whether a TOML text's tables are in an order tomlkit keeps as it is.

A scan of the text, not a parse: the fast paths (``fast_read``, ``fast_check``) read a file
with ``tomllib`` only when this says yes; otherwise tomlkit reads it and says what it would
move (``meeting_file.layout_problems``).
"""

from __future__ import annotations

import re

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
