"""`referat check FILE...`: validate meeting files, print problems as FILE:LINE:COL.

Problems go to stdout as ``FILE:LINE:COL: level: message``, a summary to stderr. Exit 0
when there are no errors (warnings alone are clean), 1 when there are errors, 2 on usage
errors. Heavy imports (tomlkit) happen inside ``main``; a clean file is read with the
standard library's tomllib (``storage.fast_check``), tomlkit only reads a file with problems.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="meeting files (.toml)")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print errors only, no warnings or summary"
    )


def main(args: argparse.Namespace) -> int:
    files = list(args.files)
    if not files:
        print(
            "referat check: give one or more meeting files: referat check FILE...", file=sys.stderr
        )
        return 2
    from ..safety.sanitize import terminal_line
    from ..storage.fast_check import check_file

    errors = warnings = 0
    for name in files:
        for problem in check_file(name):
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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
