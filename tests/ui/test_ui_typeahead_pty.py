"""Typing ahead in a real terminal: keys sent together with Enter reach the minutes.

Over SSH, Enter and the first words often arrive in one packet. The app must not hand those
words to the agenda (where "a" adds an item and "x" deletes one) before the minutes have the
focus. Runs ``python -m tui_referat`` under pexpect at 80x24.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat.storage import load_meeting

TYPED = "alle x deltog"

pytestmark = pytest.mark.slow


def test_words_sent_with_enter_land_in_the_minutes(meeting_file: Path, editor_pty) -> None:
    items_before = len(load_meeting(meeting_file).items)
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")  # the first frame
    editor.send("\r" + TYPED)  # one write: Enter and the words at once
    editor.expect("deltog")
    editor.send("\x13")  # ctrl+s
    editor.expect("Gemt")
    editor.quit()
    meeting = load_meeting(meeting_file)
    assert len(meeting.items) == items_before  # no "a" reached the agenda
    assert meeting.items[0].minutes.startswith(TYPED)


def test_down_enter_and_words_sent_at_once_go_to_the_next_item(
    meeting_file: Path, editor_pty
) -> None:
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")
    editor.send("\x1b[B\r" + TYPED)  # Down, Enter and the words in one write
    editor.expect("deltog")
    editor.send("\x13")  # ctrl+s
    editor.expect("Gemt")
    editor.quit()
    meeting = load_meeting(meeting_file)
    assert meeting.items[1].minutes.startswith(TYPED)  # the item Down moved to
    assert TYPED not in meeting.items[0].minutes
