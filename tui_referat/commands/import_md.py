"""`referat import FILE.md -o FILE.toml`: read Markdown minutes into a meeting file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source", type=Path, metavar="FILE.md", help="Markdown minutes, as `export --format md`"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE.toml",
        help="the meeting file to write (default: FILE.toml beside FILE.md)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite the output file")


def main(args: argparse.Namespace) -> int:
    from ..domain.errors import MeetingFileError
    from ..importer import import_markdown
    from ..storage import save_meeting
    from ..storage.disk import exists, read_limited

    source: Path = args.source
    target: Path = args.output or source.with_suffix(".toml")
    try:
        if exists(target) and not args.force:
            print(f"referat: {target}: already exists; use --force to overwrite", file=sys.stderr)
            return 1
        text = read_limited(source).decode("utf-8-sig")
    except MeetingFileError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as error:
        print(f"referat: {source}: not UTF-8 text ({error.reason})", file=sys.stderr)
        return 1
    result = import_markdown(text)
    for line, message in result.warnings:
        print(f"{source}:{line}: warning: {message}", file=sys.stderr)
    try:
        save_meeting(result.meeting, target)
    except MeetingFileError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"referat: {target}: {error.strerror or error}", file=sys.stderr)
        return 1
    meeting = result.meeting
    print(
        f"Wrote {target}: {len(meeting.items)} items, {len(meeting.participants)} participants"
        + (f", {len(result.warnings)} warnings" if result.warnings else "")
    )
    return 0
