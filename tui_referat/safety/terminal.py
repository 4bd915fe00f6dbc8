"""The command line's only way to the terminal: everything written is made inert.

``referat`` runs every command inside :func:`inert_output`, which puts :class:`InertWriter`
in front of ``sys.stdout`` and ``sys.stderr``. A name, an email, a header key, a file name
or a key from a meeting file therefore cannot reach the terminal as an escape sequence (OSC 52
writes the clipboard, CSI 2J clears the screen), a bidi override or a zero-width character,
whatever message it ends up in, and no command has to remember to escape. Newlines and tabs
pass. Data meant for a pipe (``referat export`` to stdout) goes to ``buffer`` as bytes; our
own colours go through :meth:`InertWriter.write_styled`, which lets only them through.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ..text.lazy_pattern import LazyPattern
from .sanitize import for_terminal

#: The only escape sequences the commands write themselves: bold, bold red, reset.
_OUR_STYLES = LazyPattern(r"(\x1b\[(?:0|1|1;31)m)")


class InertWriter:
    """A text stream that makes control characters visible on their way to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self.raw = stream

    def write(self, text: str) -> int:
        self.raw.write(for_terminal(text))
        return len(text)

    def write_styled(self, text: str) -> int:
        """``text`` made inert except the colour codes the commands use themselves."""
        parts = _OUR_STYLES.compiled.split(text)
        self.raw.write("".join(p if i % 2 else for_terminal(p) for i, p in enumerate(parts)))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:  # flush, isatty, fileno, buffer, encoding...
        return getattr(self.raw, name)


def write_styled(text: str, file: TextIO | None = None) -> None:
    """Write ``text`` with our colour codes kept (anything else in it is made inert)."""
    stream = sys.stdout if file is None else file
    writer = stream if isinstance(stream, InertWriter) else InertWriter(stream)
    writer.write_styled(text)


@contextmanager
def inert_output() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` made inert for the duration (restored after)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = InertWriter(out)  # type: ignore[assignment]
    sys.stderr = InertWriter(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


@contextmanager
def raw_output() -> Iterator[None]:
    """The streams as they were, for the editor (Textual draws with escapes of its own)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = getattr(out, "raw", out)
    sys.stderr = getattr(err, "raw", err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
