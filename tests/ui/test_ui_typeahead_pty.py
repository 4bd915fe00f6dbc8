"""Typing ahead in a real terminal: keys sent together with Enter reach the minutes.

Over SSH, Enter and the first words often arrive in one packet. The app must not hand those
words to the agenda (where "a" adds an item and "x" deletes one) before the minutes have the
focus. Runs ``python -m tui_referat`` under pexpect at 80x24.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from tui_referat.storage import load_meeting

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"
TYPED = "alle x deltog"

pytestmark = pytest.mark.slow


def test_words_sent_with_enter_land_in_the_minutes(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    items_before = len(load_meeting(path).items)
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
        child.send("\r" + TYPED)  # one write: Enter and the words at once
        child.expect("deltog")
        child.send("\x13")  # ctrl+s
        child.expect("Gemt")
        child.send("\x11")  # ctrl+q
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    meeting = load_meeting(path)
    assert len(meeting.items) == items_before  # no "a" reached the agenda
    assert meeting.items[0].minutes.startswith(TYPED)


def test_down_enter_and_words_sent_at_once_go_to_the_next_item(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
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
        child.expect("Dagsorden")
        child.send("\x1b[B\r" + TYPED)  # Down, Enter and the words in one write
        child.expect("deltog")
        child.send("\x13")  # ctrl+s
        child.expect("Gemt")
        child.send("\x11")  # ctrl+q
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    meeting = load_meeting(path)
    assert meeting.items[1].minutes.startswith(TYPED)  # the item Down moved to
    assert TYPED not in meeting.items[0].minutes
