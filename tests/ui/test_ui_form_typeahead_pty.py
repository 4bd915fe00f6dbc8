"""Typing ahead into a form in a real terminal: the fields show the meeting from the start.

"End" and Enter sent together open the next meeting form and put the focus in its date field
before the form has read the meeting; the field stayed empty (a focused field is not
overwritten) and leaving it stored the empty date: the next meeting's date was gone.
Runs ``python -m tui_referat`` under pexpect at 80x24.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pexpect
import pytest

from tui_referat.storage import load_meeting

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"
END, SHIFT_TAB = "\x1b[F", "\x1b[Z"

pytestmark = pytest.mark.slow


def run(path: Path, keys: str, then: str) -> None:
    """Start the editor on ``path``, send ``keys`` in one write, wait, send ``then``, save."""
    env = dict(os.environ, TERM="xterm-256color")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "tui_referat", str(path), "--lang", "da"],
        dimensions=(24, 80),
        env=env,
        timeout=30,
        encoding="utf-8",
    )
    try:
        child.expect("Dagsorden")  # the first frame
        child.send(keys)
        time.sleep(1.0)  # the form is shown; what its fields show is what they keep
        child.send(then)
        time.sleep(0.5)
        child.send("\x13")  # ctrl+s
        child.expect("Gemt")
        child.send("\x11")  # ctrl+q
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


def test_end_enter_at_once_then_shift_tab_keeps_the_next_meeting_date(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    before = load_meeting(path).next_meeting
    assert before is not None and before.date is not None
    run(path, END + "\r", SHIFT_TAB)
    assert load_meeting(path).next_meeting == before
