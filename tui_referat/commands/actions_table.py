"""Plain, width-aware text tables and JSON for `referat actions`.

Text from meeting files is never printed raw: ESC, C0 and C1 control characters, bidi
overrides and zero-width characters are shown visibly (␛, <U+202E>), line breaks become
spaces. JSON escapes them as ``\\uXXXX``, so the data stays the same.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..safety.sanitize import for_terminal

if TYPE_CHECKING:
    from ..domain.open_actions import OpenAction

#: What JSON output escapes beyond json's own C0: DEL, C1, bidi, zero-width, separators.
_ESCAPE = re.compile(
    "[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b-\u200f\u2060-\u2064\ufeff]"
)


def clean(text: str) -> str:
    """One line of printable text: whitespace runs collapsed, control characters visible."""
    text = re.sub(r"[\t\n\r\v\f]+", " ", text)
    return for_terminal(" ".join(text.split()))


def cell_len(text: str) -> int:
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells (ending in …), padded with spaces to ``width``."""
    if cell_len(text) > width:
        out, used = "", 0
        for char in text:
            size = cell_len(char)
            if used + size > width - 1:
                break
            out += char
            used += size
        text = out + "…"
    return text + " " * max(0, width - cell_len(text))


#: The table's width when output is piped and COLUMNS is unset (a file, a mail, a pager).
PIPED_WIDTH = 100


def table_width(requested: int | None = None) -> int | None:
    """The width to fit: ``requested`` (0: no limit), the terminal's, else COLUMNS, else 100."""
    if requested is not None:
        return requested or None
    if sys.stdout.isatty():
        return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else PIPED_WIDTH


def wrap(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces (long words split).

    With ``max_lines`` the last line kept ends in … when text is left over.
    """
    width = max(width, 1)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while cell_len(word) > width:  # a word longer than the column: split it
            room = width - cell_len(line) - (1 if line else 0)
            if room < 3 and line:
                lines.append(line)
                line, room = "", width
            head = _head(word, room)
            lines.append(f"{line} {head}" if line else head)
            line, word = "", word[len(head) :]
        if line and cell_len(line) + 1 + cell_len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line or not lines:
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], fit(rest, width).rstrip()]
    return lines


def _head(word: str, room: int) -> str:
    """The longest start of ``word`` that fits ``room`` cells."""
    head, used = "", 0
    for char in word:
        if used + cell_len(char) > room:
            break
        head += char
        used += cell_len(char)
    return head or word[:1]


def _widths(
    natural: list[int], width: int | None, weights: Sequence[float], floors: list[list[int]]
) -> list[int]:
    """Column widths summing to at most ``width``: the column with the most cells per unit
    of weight gives up a cell first; no column goes below its floor, tried in turn."""
    widths = list(natural)
    if width is None:
        return widths
    budget = width - 2 * (len(widths) - 1)
    for floor in floors:
        while sum(widths) > budget:
            can = [i for i in range(len(widths)) if weights[i] > 0 and widths[i] > floor[i]]
            if not can:
                break
            widest = max(can, key=lambda index: widths[index] / weights[index])
            widths[widest] -= 1
    return widths


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    weights: Sequence[float],
    floors: list[list[int]],
    max_lines: Sequence[int | None],
) -> list[list[str]]:
    """Rows as aligned columns two spaces apart, fitted to ``width``.

    Returns the header line and each row's lines: a cell longer than its column wraps onto
    more lines (at most ``max_lines`` for that column, the last cut with …; None: no limit).
    """
    natural = [max(cell_len(cell) for cell in col) for col in zip(headers, *rows, strict=True)]
    heads = [cell_len(header) for header in headers]  # headers are never cut
    floors = [[max(f, h) for f, h in zip(floor, heads, strict=True)] for floor in floors]
    widths = _widths(natural, width, weights, floors)
    out = [["  ".join(fit(cell, size) for cell, size in zip(headers, widths, strict=True))]]
    for row in rows:
        cells = [
            wrap(cell, size, most) if cell_len(cell) > size else [cell]
            for cell, size, most in zip(row, widths, max_lines, strict=True)
        ]
        height = max(len(cell) for cell in cells)
        lines = []
        for index in range(height):
            parts = [
                fit(cell[index] if index < len(cell) else "", size)
                for cell, size in zip(cells, widths, strict=True)
            ]
            lines.append("  ".join(parts).rstrip())
        out.append(lines)
    out[0][0] = out[0][0].rstrip()
    return out


def actions_table(
    actions: Sequence[OpenAction],
    today: dt.date,
    show_done: bool = False,
    width: int | None = None,
) -> str:
    """The actions as a table fitted to ``width`` (see :func:`table_width`; 0: no limit).

    Owner and due date stay whole; the action wraps over as many lines as it needs; the
    meeting and the item take up to two lines each, cut with … after that.
    """
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    headers = ["Owner", "Due", "Action", "Meeting", "Item"]
    rows = []
    for action in actions:
        due = action.due.isoformat() if action.due else "-"
        if action.overdue:
            due += " !"
        elif show_done and action.done:
            due += " ✓"
        rows.append(
            [
                clean(action.owner) or "-",
                due,
                clean(action.text),
                clean(action.meeting_title) or action.path.name,
                f"{action.item_number} {clean(action.item_title)}",
            ]
        )
    owner = min(16, max(cell_len(row[0]) for row in rows))
    natural = [max(cell_len(cell) for cell in col) for col in zip(headers, *rows, strict=True)]
    # floors tried in turn: the owner stays whole until the columns beside it are narrow
    roomy = [owner, 0, min(natural[2], 24), min(natural[3], 20), min(natural[4], 16)]
    medium = [owner, 0, 16, 14, 12]
    narrow = [min(owner, 8), 0, 10, 8, 8]
    tight = [5, 0, 6, 6, 6]
    table = render_table(
        headers,
        rows,
        table_width(width),
        weights=[1, 0, 3, 1, 1.2],
        floors=[roomy, medium, narrow, tight],
        max_lines=[2, 1, None, 2, 2],
    )
    if colour:
        table[0] = [f"\x1b[1m{table[0][0]}\x1b[0m"]
        for index, action in enumerate(actions, start=1):
            if action.overdue:
                table[index] = [f"\x1b[1;31m{line}\x1b[0m" for line in table[index]]
    lines = [line for row in table for line in row]
    overdue = sum(action.overdue for action in actions)
    lines.append("")
    summary = f"{len(actions)} action{'s' if len(actions) != 1 else ''}"
    if overdue:
        summary += f", {overdue} overdue (!, due before {today.isoformat()})"
    lines.append(summary)
    return "\n".join(lines)


def actions_json(actions: Sequence[OpenAction]) -> str:
    data = [
        {
            "owner": action.owner,
            "due": action.due.isoformat() if action.due else None,
            "text": action.text,
            "meeting": action.meeting_title,
            "meeting_date": action.meeting_date.isoformat() if action.meeting_date else None,
            "file": str(action.path),
            "item": action.item_number,
            "item_title": action.item_title,
            "overdue": action.overdue,
            "done": action.done,
            "closed": action.closed,
        }
        for action in actions
    ]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; escape the rest too so a terminal never sees them.
    return _ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
