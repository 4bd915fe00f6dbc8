"""`referat export FILE --format md|html|email|text|eml|docx|pdf [-o OUT] [--theme NAME]
[--include-closed]`.

Closed items show as their number and "Lukket punkt" only, unless ``--include-closed``: then
whole, and the export is marked confidential (FORTROLIGT).

Writes the export to OUT, or to stdout when ``-o`` is absent: the same bytes either way,
except on a terminal, where bidi overrides and zero-width characters are shown visibly.
OUT is written by ``storage.atomic.write_file``: a file atomically (a new one with the umask's
mode), through a symlink, and a device or FIFO (``/dev/null``) as it is.
Without ``--format`` the format follows OUT's suffix (``.md``, ``.html``, ``.txt``, ``.eml``,
``.docx``, ``.pdf``), else Markdown. A .docx or PDF is never printed
on a terminal (use ``-o`` or a pipe).
Exit 0 on success, 1 when the file cannot be read or OUT written, 2 on usage errors.
Heavy imports (storage, the exporters) happen inside ``main``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.model import Meeting

#: Kept here (not imported from ``export``) so building the parser stays cheap.
FORMAT_NAMES = ("md", "html", "email", "text", "eml", "docx", "pdf")
_BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "text",
              ".eml": "eml", ".docx": "docx", ".pdf": "pdf"}  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the meeting file (.toml)")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMAT_NAMES,
        help="md, html (themed page), email (inlined HTML), text, eml (email draft), docx "
        "(Word) or pdf (archival PDF/A); "
        "default: from OUT's suffix, else md",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="export theme for html and pdf (memo or plain; default memo)",
    )
    parser.add_argument(
        "--attach",
        action="store_true",
        help="eml: attach the attachment files that exist next to the meeting file",
    )
    parser.add_argument(
        "--include-closed",
        action="store_true",
        help="show closed items (lukket punkt) whole, marked confidential (FORTROLIGT); "
        "without it they show as their number and 'Lukket punkt' only",
    )


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output and args.output != "-":
        return _BY_SUFFIX.get(Path(args.output).suffix.lower(), "md")
    return "md"


def _say_who_gets_no_mail(meeting: Meeting) -> None:
    """Name on stderr every participant the email draft is not addressed to, and why."""
    from ..export.eml import not_addressed

    why = {"no_email": "no email address", "bad_email": "no usable email address"}
    missing = [f"{name or '?'} ({why[reason]})" for name, reason in not_addressed(meeting)]
    if missing:
        count = f"{len(missing)} participant" + ("s" if len(missing) != 1 else "")
        print(
            f"referat export: the draft is not addressed to {count}: {', '.join(missing)}",
            file=sys.stderr,
        )


def _say_if_gmail_clips(size: int) -> None:
    """Warn on stderr when the email's HTML (``size`` bytes) is bigger than Gmail shows;
    the export itself goes on (exit 0)."""
    from ..export.mailsize import GMAIL_CLIP_BYTES, clip_warning
    from ..text.words import detect_lang

    if size > GMAIL_CLIP_BYTES:
        print(f"referat export: warning: {clip_warning(size, detect_lang())}", file=sys.stderr)


def _subject_template() -> str | None:
    """The email subject template from the user's config (``[send] subject``); a problem in
    the config is said on stderr and the default used."""
    from ..storage.config import load_config

    config = load_config()
    for problem in config.problems:
        if "send.subject" in problem:
            print(f"referat export: warning: {problem}", file=sys.stderr)
    return config.subject


def main(args: argparse.Namespace) -> int:
    from ..domain.errors import MeetingFileError
    from ..export import UnknownThemeError, render
    from ..export.sink import return_freed_memory
    from ..storage import load_meeting
    from ..storage.atomic import write_file

    fmt = _format(args)
    to_file = bool(args.output) and args.output != "-"
    if fmt in ("pdf", "docx") and not to_file and sys.stdout.isatty():
        name = "a PDF" if fmt == "pdf" else "a .docx"
        print(
            f"referat export: {name} is binary, not shown on a terminal; use -o OUT.{fmt}",
            file=sys.stderr,
        )
        return 2
    try:
        meeting = load_meeting(args.file)
    except MeetingFileError as err:
        print(str(err), file=sys.stderr)
        return 1
    # A one-shot process: big freed blocks go back to the system (export/sink.py); the
    # editor keeps glibc's default.
    return_freed_memory()
    # The .eml's HTML part is measured first, as it is rendered, so the two are never in
    # memory together.
    email_bytes = 0
    if fmt == "eml":
        from ..export.mailsize import email_html_bytes

        email_bytes = email_html_bytes(meeting, include_closed=args.include_closed)
    try:
        data = render(
            meeting,
            fmt,
            theme=args.theme,
            base_dir=Path(args.file).resolve().parent,
            attach=args.attach,
            include_closed=args.include_closed,
            subject=_subject_template() if fmt == "eml" else None,
        )
    except UnknownThemeError as err:
        print(f"referat export: {err}", file=sys.stderr)
        return 2
    except RuntimeError as err:  # the PDF engine failed (export.pdf.PdfError): one line
        print(f"referat export: {err}", file=sys.stderr)
        return 1
    if fmt == "eml":
        _say_who_gets_no_mail(meeting)
    if fmt in ("email", "eml"):
        _say_if_gmail_clips(len(data) if fmt == "email" else email_bytes)
    if args.output and args.output != "-":
        try:
            write_file(args.output, data)
        except OSError as err:
            print(f"referat export: cannot write {args.output}: {err.strerror}", file=sys.stderr)
            return 1
        return 0
    if sys.stdout.isatty():
        # Shown, not piped: printed as text, so bidi overrides and zero-width characters,
        # which the exports keep as data, are made visible (control characters are already
        # dropped by the exporters; an email draft's CRLF line ends show as plain ones).
        text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
        print(text, end="", flush=True)
        return 0
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0
