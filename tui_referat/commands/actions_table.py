"""Plain, width-aware text tables and JSON for `referat actions`.

Text from meeting files is never printed raw: ESC, C0 and C1 control characters and bidi
overrides are removed, line breaks become spaces.
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

if TYPE_CHECKING:
    from ..cycle import OpenAction

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_C1 = re.compile("[\x7f-\x9f]")


def clean(text: str) -> str:
    """One line of printable text: whitespace runs collapsed, control characters removed."""
    text = re.sub(r"[\t\n\r\v\f]+", " ", text)
    return " ".join(_CONTROL.sub("", text).split())


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


def _table_width() -> int | None:
    """The terminal's width; None (no cutting) when output is piped and COLUMNS is unset."""
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None,
    weights: Sequence[float] | None = None,
    minimums: Sequence[int] | None = None,
) -> list[str]:
    """Rows as aligned columns two spaces apart, shrunk to fit ``width``.

    The column with the most cells per unit of ``weight`` gives up a cell first, so a column
    of weight 2 keeps about twice the room of one of weight 1; weight 0 never shrinks, and no
    column shrinks below its entry in ``minimums``.
    """
    widths = [max(cell_len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    weights = list(weights or [1.0] * len(widths))
    floor = list(minimums or [6] * len(widths))
    if width is not None:
        budget = width - 2 * (len(widths) - 1)
        while sum(widths) > budget:
            can = [i for i in range(len(widths)) if weights[i] > 0 and widths[i] > floor[i]]
            if not can:
                break
            widest = max(can, key=lambda index: widths[index] / weights[index])
            widths[widest] -= 1
    lines = []
    for row in (headers, *rows):
        cells = [fit(cell, size) for cell, size in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines


def actions_table(actions: Sequence[OpenAction], today: dt.date, show_done: bool = False) -> str:
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
    lines = render_table(
        headers, rows, _table_width(), weights=[1, 0, 2.5, 1, 1.2], minimums=[owner, 0, 12, 8, 8]
    )
    if colour:
        lines[0] = f"\x1b[1m{lines[0]}\x1b[0m"
        for index, action in enumerate(actions, start=1):
            if action.overdue:
                lines[index] = f"\x1b[1;31m{lines[index]}\x1b[0m"
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
        }
        for action in actions
    ]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 controls itself; escape DEL and C1 too so a terminal never sees them.
    return _C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
