"""``kill -9`` while typing without a pause (issue 12, item 1): the recovery copy holds all
but at most the last 2 seconds of what was typed, whatever field holds the text."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tui_referat.safety import recovery
from tui_referat.storage import loads_meeting

pytestmark = pytest.mark.slow

#: Keys per second and seconds of typing.
RATE = 8
SECONDS = 5.0
#: The most typing (seconds) a kill -9 may lose.
MOST_LOST = 2.0


def drain(editor, until: float) -> None:  # type: ignore[no-untyped-def]
    """Read what the editor draws until ``until`` (a terminal that is not read blocks it)."""
    import pexpect

    while (left := until - time.monotonic()) > 0:
        try:
            editor.child.read_nonblocking(65536, timeout=left)
        except pexpect.TIMEOUT:
            return


def type_then_kill(editor, text: str) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    """Type ``text`` at ``RATE`` keys a second, kill -9 0.2 s after the last key; the time
    each key was sent and the time of the kill."""
    sent: list[float] = []
    start = time.monotonic()
    for index, char in enumerate(text):
        drain(editor, start + index / RATE)
        editor.send(char)
        sent.append(time.monotonic())
    drain(editor, time.monotonic() + 0.2)
    killed = time.monotonic()
    os.kill(editor.child.pid, signal.SIGKILL)
    editor.child.wait()
    return sent, killed


def kept_in_copy(path: Path, text: str, field: str) -> int:
    """How many of ``text``'s first characters the recovery copy of ``path`` holds."""
    info = recovery.find_recovery(path)
    assert info is not None, "no recovery copy"
    held = str(getattr(loads_meeting(info.text, path).items[0], field) or "")
    return max((k for k in range(len(text) + 1) if text[:k] in held), default=0)


def lost_seconds(sent: list[float], killed: float, kept: int) -> float:
    return 0.0 if kept == len(sent) else killed - sent[kept]


def typed_text() -> str:
    count = int(RATE * SECONDS)
    return "".join("kq9xz"[i % 5] for i in range(count))


def test_kill_9_while_typing_minutes_loses_at_most_two_seconds(meeting_file, editor_pty):
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")
    editor.send("\r")  # item 1, the cursor in its minutes
    drain(editor, time.monotonic() + 1.0)  # the item editor is shown
    text = typed_text()
    sent, killed = type_then_kill(editor, text)
    kept = kept_in_copy(meeting_file, text, "minutes")
    lost = lost_seconds(sent, killed, kept)
    assert lost <= MOST_LOST, f"kept {kept} of {len(text)} keys: {lost:.2f} s of typing lost"


def test_kill_9_while_typing_in_a_field_loses_at_most_two_seconds(meeting_file, editor_pty):
    """An item's field (presenters) applies each key at once: the copy still keeps up."""
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")
    editor.send("\r")  # item 1, the cursor in its minutes
    drain(editor, time.monotonic() + 1.0)
    editor.send("\x1b[Z" * 3)  # shift+tab: the strip, standing, the presenters
    drain(editor, time.monotonic() + 0.5)
    text = typed_text()
    sent, killed = type_then_kill(editor, text)
    kept = kept_in_copy(meeting_file, text, "presenters")
    lost = lost_seconds(sent, killed, kept)
    assert lost <= MOST_LOST, f"kept {kept} of {len(text)} keys: {lost:.2f} s of typing lost"
