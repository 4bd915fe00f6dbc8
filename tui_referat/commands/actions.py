"""`referat actions PATH...`: open actions across meeting files, overdue first."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


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
    from ..domain import cycle
    from ..safety.terminal import write_styled
    from .actions_table import actions_json, actions_table

    failures: list[str] = []

    def report(path: Path, error: Exception) -> None:
        message = str(error) if str(error).startswith(str(path)) else f"{path}: {error}"
        failures.append(message)
        print(f"referat: {message}", file=sys.stderr)

    today = args.today or dt.date.today()
    found = cycle.collect_actions(args.paths, today=today, include_done=args.all, on_error=report)
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
