"""`referat actions PATH...`: open actions across meeting files, overdue first.

``collect_actions`` finds and reads the meeting files; which actions a meeting has is
``domain.open_actions.actions_of``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.open_actions import OpenAction


def meeting_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, named) for every file named and every ``*.toml`` under a named folder.

    ``named`` is True for files given directly. Hidden folders are skipped.
    """
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.rglob("*.toml")):
                parts = candidate.relative_to(path).parts
                if any(part.startswith(".") for part in parts):
                    continue
                found.append((candidate, False))
        else:
            found.append((path, True))
    return found


def _looks_like_meeting(path: Path) -> bool:
    """A cheap sniff for folder scans: skip TOML files that are clearly not meetings."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    return bool(re.search(r"(?m)^\s*(format\s*=|\[\[items\]\]|\[\[participants\]\])", head))


def _same_action(found: OpenAction) -> tuple[str, str, dt.date | None]:
    return (" ".join(found.text.split()).casefold(), found.owner.casefold(), found.due)


def collect_actions(
    paths: Iterable[str | Path],
    *,
    today: dt.date | None = None,
    include_done: bool = False,
    include_closed: bool = False,
    on_error: Callable[[Path, Exception], None] | None = None,
) -> list[OpenAction]:
    """Open actions in the meeting files at ``paths`` (files or folders), overdue first;
    those of closed items (lukket punkt) only with ``include_closed``.

    Then by due date, undated last. An action carried from one meeting into the next (same
    text, owner and due date) is listed once, as it stands in the latest meeting: marking it
    done there closes it. Files that fail to load are passed to ``on_error`` and skipped.
    """
    from ..domain.errors import MeetingFileError
    from ..domain.open_actions import OpenAction, actions_of
    from ..storage import load_meeting

    today = today or dt.date.today()
    latest: dict[tuple, tuple[tuple, OpenAction]] = {}
    for path, named in meeting_files(paths):
        if not named and not _looks_like_meeting(path):
            continue
        try:
            meeting = load_meeting(path)
        except (MeetingFileError, OSError, UnicodeDecodeError) as error:
            if on_error is not None:
                on_error(path, error)
            continue
        listed = actions_of(meeting, path, today, include_done=True, include_closed=include_closed)
        for order, found in enumerate(listed):
            # an undated meeting is most likely the newest draft
            rank = (found.meeting_date or dt.date.max, str(path), order)
            key = _same_action(found)
            if key not in latest or latest[key][0] < rank:
                latest[key] = (rank, found)
    result = [found for _, found in latest.values() if include_done or not found.done]
    return sorted(result, key=OpenAction.sort_key)


def _day(text: str) -> dt.date:
    """A date as the editor reads it (2025-11-03, 3.11.2025, 3 Nov 2025; day first)."""
    from ..text.when import parse_date

    try:
        day = parse_date(text, today=dt.date.today())
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{error} (write e.g. 2025-11-03 or 3.11.2025)") from None
    if day is None:
        raise argparse.ArgumentTypeError("a date is needed, e.g. 2025-11-03 or 3.11.2025")
    return day


def _width(text: str) -> int:
    if not text.isdigit() or (0 < int(text) < 40):
        raise argparse.ArgumentTypeError(f"a width of 40 columns or more, or 0: {text!r}")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="meeting files, or folders searched for *.toml meeting files",
    )
    parser.add_argument("--owner", metavar="NAME", help="only actions whose owner contains NAME")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    parser.add_argument("--all", action="store_true", help="include actions that are done")
    parser.add_argument(
        "--include-closed",
        action="store_true",
        help="include the actions of closed items (lukket punkt), left out otherwise",
    )
    parser.add_argument(
        "--width",
        type=_width,
        metavar="N",
        help="fit the table to N columns, wrapping long actions (0: no limit, one line per "
        "action); default: the terminal's width, or 100 when the output is not a terminal",
    )
    parser.add_argument(
        "--today",
        type=_day,
        metavar="DATE",
        help="count actions due before this day as overdue (default: today)",
    )


def main(args: argparse.Namespace) -> int:
    from ..safety.terminal import write_styled
    from .actions_table import actions_json, actions_table

    failures: list[str] = []

    def report(path: Path, error: Exception) -> None:
        message = str(error) if str(error).startswith(str(path)) else f"{path}: {error}"
        failures.append(message)
        print(f"referat: {message}", file=sys.stderr)

    today = args.today or dt.date.today()
    found = collect_actions(
        args.paths,
        today=today,
        include_done=args.all,
        include_closed=args.include_closed,
        on_error=report,
    )
    if args.owner:
        wanted = args.owner.casefold()
        found = [action for action in found if wanted in action.owner.casefold()]
    if args.json:
        print(actions_json(found))
    elif found:
        # the table's cells are inert already; this keeps its bold and red (on a terminal)
        write_styled(actions_table(found, today, show_done=args.all, width=args.width) + "\n")
    else:
        print("No open actions." if not args.all else "No actions.")
    return 1 if failures else 0
