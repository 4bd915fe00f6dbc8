"""Typing ahead into a form in a real terminal: the fields show the meeting from the start.

"End" and Enter sent together open the next meeting form and put the focus in its date field
before the form has read the meeting; the field stayed empty (a focused field is not
overwritten) and leaving it stored the empty date: the next meeting's date was gone.
Runs ``python -m tui_referat`` under pexpect at 80x24.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tui_referat.storage import load_meeting

END, SHIFT_TAB = "\x1b[F", "\x1b[Z"

pytestmark = pytest.mark.slow


def test_end_enter_at_once_then_shift_tab_keeps_the_next_meeting_date(
    meeting_file: Path, editor_pty
) -> None:
    before = load_meeting(meeting_file).next_meeting
    assert before is not None and before.date is not None
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")  # the first frame
    editor.send(END + "\r")  # one write: the form opens with the focus in its date
    time.sleep(1.0)  # the form is shown; what its fields show is what they keep
    editor.send(SHIFT_TAB)
    time.sleep(0.5)
    editor.send("\x13")  # ctrl+s
    editor.expect("Gemt")
    editor.quit()
    assert load_meeting(meeting_file).next_meeting == before
