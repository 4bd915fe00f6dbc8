"""`referat FILE`: open a meeting file in the editor (a missing FILE starts a new meeting)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the meeting file (.toml)")
    parser.add_argument("--theme", metavar="NAME", help="editor theme (see themes/tui)")
    parser.add_argument("--lang", choices=("da", "en"), help="UI language (default: from LANG)")
    parser.add_argument(
        "--read-only", action="store_true", help="open without allowing changes or saves"
    )


def quick_args(argv: list[str]) -> SimpleNamespace | None:
    """The arguments of ``referat edit FILE`` with no option, as the parser would give them,
    without the parser: ``argparse`` is not imported then (2 ms of start-up,
    docs/PERFORMANCE.md). None for anything else (options, help, more than one file)."""
    if len(argv) != 2 or argv[0] != "edit" or argv[1].startswith("-"):
        return None
    return SimpleNamespace(file=argv[1], theme=None, lang=None, read_only=False)


def _confirm_new(path: Path, lang: str) -> bool:
    from ..safety.sanitize import for_terminal
    from ..text.words import say, set_lang

    set_lang(lang)
    if not sys.stdin.isatty():
        answer = sys.stdin.readline()
    else:
        try:
            answer = input(for_terminal(say("new.confirm", path=path)))
        except EOFError:
            return False
    return answer.strip().lower() in ("y", "yes", "j", "ja")


def main(args: argparse.Namespace | SimpleNamespace) -> int:
    # No cyclic garbage collection until the first screen is drawn (ReferatApp turns it back
    # on): start-up makes many objects and few cycles, and collections in it only cost time.
    gc.disable()
    from ..domain.errors import MeetingFileError
    from ..storage.config import load_config
    from ..storage.disk import exists
    from ..storage.session import Session
    from ..text.words import detect_lang

    path = Path(args.file)
    config = load_config()
    lang = args.lang or config.lang or detect_lang()
    try:
        found = exists(path)
    except MeetingFileError as error:
        print(f"referat: {error}", file=sys.stderr)
        return 1
    if found:
        try:
            session = Session.open(path, read_only=args.read_only)
        except MeetingFileError as error:
            print(f"referat: {error}", file=sys.stderr)
            _mention_recovery(path)
            return 1
        except OSError as error:
            print(f"referat: {path}: {error.strerror or error}", file=sys.stderr)
            return 1
    else:
        if args.read_only:
            print(f"referat: {path}: no such file", file=sys.stderr)
            return 1
        if not _confirm_new(path, lang):
            return 1
        session = Session.new(path, lang)

    from ..safety.terminal import raw_output
    from ..tui.app import ReferatApp

    app = ReferatApp(path, theme=args.theme, lang=lang, session=session, config=config)
    with raw_output():  # Textual draws with escape sequences; it makes file text inert itself
        app.run()
    return app.return_code or 0


def _mention_recovery(path: Path) -> None:
    """The file cannot be read, but unsaved work may be waiting in a recovery copy."""
    from ..safety.recovery import find_recovery

    info = find_recovery(path)
    if info is not None:
        print(
            f"referat: unsaved work from {info.meta.written_at:%Y-%m-%d %H:%M} is kept in "
            f"{info.path}",
            file=sys.stderr,
        )
