"""The ``referat`` command line.

Each subcommand lives in ``tui_referat.commands.<name>`` with ``add_arguments(parser)`` and
``main(args) -> int``. Those modules import their heavy dependencies inside ``main``, so
``referat export`` and ``referat check`` never import Textual; only ``edit`` does.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import __version__
from .safety.terminal import inert_output

if TYPE_CHECKING:
    import argparse

#: (command, module, help). ``referat FILE`` is short for ``referat edit FILE``.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("edit", "edit", "open a meeting file in the editor (the default command)"),
    ("check", "check", "check meeting files and report problems as FILE:LINE:COL"),
    ("export", "export", "export a meeting as md, html, email, text or eml"),
    ("new", "new", "start a new meeting file, optionally from the previous one"),
    ("send", "send", "send the minutes by email (SMTP or sendmail) and record it"),
    ("actions", "actions", "list open actions across meeting files"),
    ("import", "import_md", "read Markdown minutes into a meeting file"),
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``only`` the parser of that one command (each
    command's module is imported to add its arguments; the editor starts faster without
    the other five)."""
    import argparse  # not for `referat FILE` (see ``commands.edit.quick_args``)

    parser = argparse.ArgumentParser(
        prog="referat",
        description="Write meeting minutes (referat) in the terminal and send them by email.",
        epilog="Run 'referat FILE' to open FILE in the editor.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module, help_text in COMMANDS:
        if only is not None and name != only:
            continue
        command = importlib.import_module(f".commands.{module}", __package__)
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        command.add_arguments(sub_parser)
        sub_parser.set_defaults(handler=command.main)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    names = {name for name, _, _ in COMMANDS}
    if argv and argv[0] not in names and not argv[0].startswith("-"):
        return ["edit", *argv]
    if argv and argv[0] not in names and argv[0] in ("--theme", "--lang", "--read-only"):
        return ["edit", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Everything it prints, to stdout or stderr, is made inert (see
    ``safety.terminal``): text from a meeting file never reaches the terminal raw."""
    with inert_output():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    # `referat FILE` and `referat check FILE...` are read without argparse (quick_args).
    if args_list[:1] == ["check"]:
        from .commands import check as command
    else:
        from .commands import edit as command  # type: ignore[no-redef]
    args: object = command.quick_args(args_list)
    handler = command.main
    if args is None:
        names = {name for name, _, _ in COMMANDS}
        parser = build_parser(args_list[0] if args_list and args_list[0] in names else None)
        args = parser.parse_args(args_list)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
