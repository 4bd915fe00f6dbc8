"""Where the bytes of a typed character or a cursor move go: output per key, by part of the screen.

    python benchmarks/slowlink_breakdown.py            # referat and the bare TextArea
    python benchmarks/slowlink_breakdown.py --json

Types the slow-link sentence (benchmarks/slowlink.py) into a new line after the first item's
minutes, then re-wrapping characters at the start of the paragraph, straight into the pty (no
simulated link: the bytes are the same). Each key's output is cut at the cursor moves
(``CSI row;col H``) Textual writes before every painted run of cells, and each run is counted
for the part of referat's 80x24 screen it starts in. Printed: the median per key of the new
line's characters, and the re-wrapping character that took the most. Then each cursor move of
``slowlink.MOVES`` (none scrolls): its bytes by part, and the most any move took.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import slowlink  # noqa: E402

MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
#: The parts of referat's screen at 80x24 (1-based rows and columns, as the escapes count).
PARTS = (
    "header line",
    "agenda",
    "item frame",
    "item fields",
    "tab strip",
    "text: cursor row",
    "text: other rows",
    "footer",
    "frame control",
)


def part(app: str, row: int, col: int, cursor_row: int) -> str:
    """The part of the screen a run of cells starting at ``row``, ``col`` belongs to."""
    if app != "referat":
        return "text: cursor row" if row == cursor_row else "text: other rows"
    if row == 1:
        return "header line"
    if row == 24:
        return "footer"
    if col <= 26:
        return "agenda"
    if row in (2, 23):
        return "item frame"
    if row in (3, 4):
        return "item fields"
    if row == 5:
        return "tab strip"
    return "text: cursor row" if row == cursor_row else "text: other rows"


def split(app: str, output: bytes, cursor_row: int) -> Counter[str]:
    """Bytes of one key's ``output`` per part of the screen."""
    counts: Counter[str] = Counter()
    moves = list(MOVE.finditer(output))
    counts["frame control"] += moves[0].start() if moves else len(output)
    for n, move in enumerate(moves):
        end = moves[n + 1].start() if n + 1 < len(moves) else len(output)
        row, col = int(move.group(1)), int(move.group(2))
        counts[part(app, row, col, cursor_row)] += end - move.start()
    return counts


def _read(master: int, quiet: float) -> bytes:
    out = b""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], quiet)
        if not ready:
            break
        out += os.read(master, 65536)
    return out


def record(app: str, text: str, rewrap: str) -> dict[str, list[Counter[str]]]:
    """Each key's bytes per part, for the new line's and the re-wrapping characters, and
    (under each move's name) for the cursor moves."""
    result: dict[str, list[Counter[str]]] = {"new line": [], "re-wrap": []}
    with tempfile.TemporaryDirectory() as tmp:
        relay = slowlink.Relay(app, Path(tmp), 256)
        try:
            relay.settle(1.0)
            for phase, keys, typed in (
                ("new line", slowlink.TO_NEW_LINE[app], text),
                ("re-wrap", slowlink.TO_PARAGRAPH_START[app], rewrap),
            ):
                for key in keys:
                    relay.press(key)
                cursor_row = relay.screen.cursor.y + 1
                for char in typed:
                    os.write(relay.master, char.encode())
                    output = _read(relay.master, 0.125)
                    relay.stream.feed(output)
                    result[phase].append(split(app, output, cursor_row))
            for name, key in slowlink.MOVES.items():
                cursor_row = relay.screen.cursor.y + 1  # the row the cursor leaves
                os.write(relay.master, key)
                output = _read(relay.master, 0.25)
                relay.stream.feed(output)
                result[name] = [split(app, output, cursor_row)]
        finally:
            relay.close()
    return result


def medians(keys: list[Counter[str]]) -> dict[str, float]:
    """The median bytes per part of the screen, and of all parts together."""
    found = {name for counts in keys for name in counts}
    row = {name: statistics.median(c[name] for c in keys) for name in PARTS if name in found}
    row["all"] = statistics.median(sum(c.values()) for c in keys)
    return row


def table(rows: dict[str, dict[str, float]]) -> str:
    names = [name for name in (*PARTS, "all") if any(name in row for row in rows.values())]
    lines = [
        "| part of the screen | " + " | ".join(rows) + " |",
        "| --- |" + " --- |" * len(rows),
    ]
    for name in names:
        cells = " | ".join(f"{row.get(name, 0):.0f}" for row in rows.values())
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def move_table(per_move: dict[str, dict[str, float]]) -> str:
    """Bytes per cursor move (columns: the apps)."""
    lines = ["| cursor move | " + " | ".join(per_move) + " |", "| --- |" + " --- |" * len(per_move)]
    for name in slowlink.MOVES:
        cells = " | ".join(f"{moves[name]:.0f}" for moves in per_move.values())
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--app", action="append", help="referat, bare (default: both)")
    args = parser.parse_args(argv)
    rows: dict[str, dict[str, float]] = {}
    per_move: dict[str, dict[str, float]] = {}
    for app in args.app or ["referat", "bare"]:
        keys = record(app, slowlink.SENTENCE, slowlink.REWRAP)
        rows[f"{app}, new line (median)"] = medians(keys["new line"])
        most = max(keys["re-wrap"], key=lambda counts: sum(counts.values()))
        rows[f"{app}, re-wrap (the most)"] = medians([most])
        moves = {name: medians(keys[name]) for name in slowlink.MOVES}
        rows[f"{app}, cursor move (the most)"] = max(moves.values(), key=lambda row: row["all"])
        per_move[app] = {name: row["all"] for name, row in moves.items()}
    if args.json:
        print(json.dumps({"parts": rows, "moves": per_move}))
    else:
        print(table(rows))
        print()
        print(move_table(per_move))
    return 0


if __name__ == "__main__":
    sys.exit(main())
