"""`referat check FILE...`: validate meeting files, print problems as FILE:LINE:COL.

Problems go to stdout as ``FILE:LINE:COL: level: message``, a summary to stderr; a clean
file whose email would be clipped by Gmail (over 102 KB of HTML) gets a warning. Exit 0
when there are no errors (warnings alone are clean), 1 when there are errors, 2 on usage
errors. Heavy imports (tomlkit) happen inside ``main``; a clean file is read with the
``tomli`` (``storage.fast_check``), tomlkit only reads a file with problems.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from ..domain.checks import Problem
    from ..domain.model import Meeting


def quick_args(argv: list[str]) -> SimpleNamespace | None:
    """The arguments of ``referat check FILE... [-q]``, as the parser would give them, without
    the parser: ``argparse`` (with ``gettext`` and ``locale``) is 3 ms of the check's 140
    (docs/PERFORMANCE.md). None for anything else (other options, help, no file)."""
    if not argv or argv[0] != "check":
        return None
    quiet = {"-q", "--quiet"}
    files = [arg for arg in argv[1:] if arg not in quiet]
    if not files or any(arg.startswith("-") for arg in files):
        return None
    return SimpleNamespace(files=files, quiet=len(files) < len(argv) - 1)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="meeting files (.toml)")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print errors only, no warnings or summary"
    )


def main(args: argparse.Namespace | SimpleNamespace) -> int:
    files = list(args.files)
    if not files:
        print(
            "referat check: give one or more meeting files: referat check FILE...", file=sys.stderr
        )
        return 2
    from ..safety.sanitize import terminal_line
    from ..storage.fast_check import check_and_read

    errors = warnings = 0
    for name in files:
        problems, meeting = check_and_read(name)
        # The email's size costs a render of it: not for a file with errors, nor with --quiet
        # (which prints no warnings). The meeting is the one read for the check.
        clean = not any(problem.level == "error" for problem in problems)
        if not args.quiet and meeting is not None and clean:
            problems += _email_size(name, meeting)
        for problem in problems:
            if problem.level == "error":
                errors += 1
            else:
                warnings += 1
                if args.quiet:
                    continue
            print(terminal_line(str(problem)))  # one line each: a value cannot forge a line
    if not args.quiet:
        count = len(files)
        files_word = "file" if count == 1 else "files"
        summary = f"referat check: {count} {files_word}: {_plural(errors, 'error')}, "
        summary += _plural(warnings, "warning")
        print(summary, file=sys.stderr)
    return 1 if errors else 0


def _email_size(name: str, meeting: Meeting) -> list[Problem]:
    """A warning when the email of a clean file is bigger than Gmail shows (102 KB)."""
    from ..domain.checks import Problem
    from ..export.mailsize import email_clip_warning
    from ..text.words import detect_lang

    warning = email_clip_warning(meeting, detect_lang())
    return [Problem(name, None, None, "warning", warning)] if warning else []


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
