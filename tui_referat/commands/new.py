"""`referat new FILE [--lang da|en] [--title T] [--from PREVIOUS]`: start a meeting file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the meeting file to create (never overwritten)")
    parser.add_argument(
        "--lang",
        choices=("da", "en"),
        help="language of the minutes (default: the previous meeting's, else da)",
    )
    parser.add_argument("--title", help="the meeting's title")
    parser.add_argument(
        "--from",
        dest="previous",
        type=Path,
        metavar="PREVIOUS",
        help="start from this previous meeting: participants, case header and standing items "
        "carry over, the approval of its minutes comes first, its open actions follow up, and "
        "date, time and place come from its next meeting",
    )


def main(args: argparse.Namespace) -> int:
    from ..domain.errors import MeetingFileError
    from ..domain.next_meeting import new_meeting, next_meeting_from
    from ..storage import load_meeting, save_meeting
    from ..storage.disk import exists

    target: Path = args.file
    try:
        if exists(target):
            print(f"referat: {target}: already exists; not overwriting it", file=sys.stderr)
            return 1
    except MeetingFileError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 1
    if args.previous is not None:
        try:
            previous = load_meeting(args.previous)
        except MeetingFileError as error:
            print(f"referat: {error}", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"referat: {args.previous}: {error.strerror or error}", file=sys.stderr)
            return 1
        meeting = next_meeting_from(previous, lang=args.lang, title=args.title)
    else:
        meeting = new_meeting(args.lang or "da", args.title)
    try:
        save_meeting(meeting, target)
    except MeetingFileError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"referat: {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    carried = sum(len(item.actions) for item in meeting.items)
    note = f" from {args.previous} ({carried} open actions carried)" if args.previous else ""
    print(f"Created {target}{note}")
    return 0
