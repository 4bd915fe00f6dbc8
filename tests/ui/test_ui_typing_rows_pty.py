"""Typing and cursor moves repaint only the cells they change, and the terminal still shows
the right text.

A typed character or a cursor move sends only the cells of the minutes that changed (issue 17:
over a slow SSH link every byte is echo delay). The risk is a row left stale on the user's
screen. So the editor runs in a real pseudo-terminal at 80x24, its output is replayed into a
terminal emulator (``pyte``), and after typing (new words, a word pushed to the next row, a
new paragraph, Backspace joining paragraphs, Markdown emphasis, undo) and after cursor moves
(arrows, Home/End, ctrl+arrows, a selection with shift+arrows, a click, moves that scroll) the
emulated screen must be the same as after a full repaint (a resize to 81 columns and back
makes Textual draw every row anew).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

pytestmark = pytest.mark.slow

UP, DOWN, RIGHT, LEFT = "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D"
HOME, END, PAGE_UP, PAGE_DOWN = "\x1b[H", "\x1b[F", "\x1b[5~", "\x1b[6~"
CTRL_RIGHT, CTRL_LEFT = "\x1b[1;5C", "\x1b[1;5D"
SHIFT_RIGHT, SHIFT_DOWN = "\x1b[1;2C", "\x1b[1;2B"
BACKSPACE, UNDO = "\x7f", "\x1a"


def click(column: int, row: int) -> str:
    """A left click at ``column``, ``row`` (1-based) as an SGR mouse report."""
    return f"\x1b[<0;{column};{row}M\x1b[<0;{column};{row}m"


class Terminal:
    """The editor in a pty, its output fed to a pyte screen."""

    def __init__(self, path: Path, ssh: bool = False) -> None:
        env = dict(os.environ, TERM="xterm-256color")
        env.pop("SSH_CONNECTION", None)
        env.pop("SSH_TTY", None)
        if ssh:  # what sshd sets for the remote shell
            env["SSH_CONNECTION"] = "192.0.2.7 50022 192.0.2.1 22"
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "tui_referat", str(path), "--lang", "da"],
            dimensions=(24, 80),
            env=env,
            timeout=30,
        )
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.sent = 0  # bytes the editor wrote since the last ``reset_count``

    def read(self, quiet: float = 0.3, limit: float = 20.0) -> None:
        """Feed the screen until the editor has been quiet for ``quiet`` s."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=quiet)
            except pexpect.TIMEOUT:
                return
            self.sent += len(chunk)
            self.stream.feed(chunk)

    def writes_for(self, seconds: float) -> list[int]:
        """The sizes of the editor's writes during ``seconds`` (each blink is one write)."""
        sizes: list[int] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                chunk = self.child.read_nonblocking(65536, timeout=left)
            except pexpect.TIMEOUT:
                break
            sizes.append(len(chunk))
            self.stream.feed(chunk)
        return sizes

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.child.send(key)
            self.read(0.15)

    def cells(self) -> list[list[tuple[str, str, str, bool]]]:
        """Every cell with its colours, but the text cursor's (it blinks; Textual puts the
        terminal's hidden cursor there, so both readings leave out the same cell)."""
        cursor = (self.screen.cursor.x, self.screen.cursor.y)
        return [
            [
                (c.data, c.fg, c.bg, c.reverse) if (x, y) != cursor else (c.data, "", "", False)
                for x, c in ((x, row[x]) for x in range(80))
            ]
            for y, row in ((y, self.screen.buffer[y]) for y in range(24))
        ]

    def full_repaint(self) -> None:
        for columns in (81, 80):
            self.child.setwinsize(24, columns)
            self.screen.resize(24, columns)
            self.read(0.5)

    def cursor(self) -> tuple[int, int]:
        return (self.screen.cursor.x, self.screen.cursor.y)

    def assert_as_full_repaint(self, step: str) -> None:
        """The screen (text, colours, cursor) is what a full repaint draws."""
        shown = "\n".join(self.screen.display)
        cells = self.cells()
        cursor = self.cursor()
        self.full_repaint()
        assert "\n".join(self.screen.display) == shown, step
        assert self.cursor() == cursor, step
        assert self.cells() == cells, step  # colours too: no row left from before

    def close(self) -> None:
        self.child.terminate(force=True)


@pytest.fixture
def terminal(meeting_file: Path):  # type: ignore[no-untyped-def]
    term = Terminal(meeting_file)
    yield term
    term.close()


def test_typed_text_on_the_screen_is_what_a_full_repaint_shows(terminal: Terminal) -> None:
    terminal.read(1.0)
    terminal.keys("\r")  # the first item's minutes, the cursor at their start
    for step, keys, expected in (
        ("a word pushed to the next row", "Kort: ", "Kort: Ingrid bød velkommen"),
        ("a new paragraph", (END, "\r", *"Nyt afsnit med **fed** tekst"), "**fed** tekst"),
        ("Backspace, then undo", (*(BACKSPACE * 6), UNDO), "**fed** tekst"),
        ("a paragraph grows a row", (UP, END, *" og mere tekst til sidst"), "til sidst"),
        ("an empty paragraph, joined again", ("\r", "\r", BACKSPACE, BACKSPACE), "til sidst"),
    ):
        terminal.keys(*keys)
        assert expected in "\n".join(terminal.screen.display), step
        terminal.assert_as_full_repaint(step)


def test_undo_after_keys_in_one_burst_leaves_no_stale_cells(terminal: Terminal) -> None:
    """Keys that arrive together (a fast typist, a slow link's backlog): the agenda's Down
    three times, Enter and "xyz" in one write. After the pause, ctrl+z takes "xyz" out
    again. A check had asked for the cursor's cell while the text still read "xyz…"; that
    cell was drawn after the undo, and the row once showed "Jonaonas" for "Jonas"."""
    terminal.read(1.0)
    terminal.child.send(DOWN * 3 + "\r" + "xyz")
    terminal.read(2.0)  # the pause: the text goes to the meeting
    assert "xyzJonas gennemgik" in "\n".join(terminal.screen.display)
    terminal.keys(UNDO)
    terminal.read(1.0)
    assert "Jonas gennemgik" in "\n".join(terminal.screen.display)
    terminal.assert_as_full_repaint("undo after a burst")


def test_cursor_moves_on_the_screen_are_what_a_full_repaint_shows(terminal: Terminal) -> None:
    terminal.read(1.0)
    terminal.keys("\r", PAGE_DOWN, END, "\r", *"Ny linje", UP)  # two paragraphs
    for step, keys in (
        ("arrows within a row", (RIGHT, RIGHT, RIGHT, LEFT)),
        ("End and Home", (END, HOME, END)),
        ("down and up between rows and paragraphs", (UP, UP, DOWN, DOWN, DOWN, UP)),
        ("ctrl+right and ctrl+left", (HOME, CTRL_RIGHT, CTRL_RIGHT, CTRL_LEFT)),
        ("a selection with shift+arrows", (SHIFT_RIGHT, SHIFT_RIGHT, SHIFT_DOWN)),
        ("the selection given up by an arrow", (LEFT,)),
        ("PageUp in a text that fits", (PAGE_UP,)),
        ("PageDown in a text that fits", (PAGE_DOWN,)),
        ("a click in the text", (click(40, 7),)),
        ("lines typed until the text scrolls", tuple(f"\rLinje {n}" for n in range(14))),
        ("PageUp scrolls back", (PAGE_UP, PAGE_UP)),
        ("Down past the last row scrolls a row", (DOWN,) * 17),
        ("a click after the scroll", (click(45, 10), RIGHT)),
    ):
        before = terminal.cursor()
        terminal.keys(*keys)
        assert terminal.cursor() != before, step  # the keys moved the cursor
        terminal.assert_as_full_repaint(step)


def test_a_typed_letter_sends_its_row_not_the_whole_text(terminal: Terminal) -> None:
    terminal.read(1.0)
    terminal.keys("\r", "x")  # opened, and the first change marks the meeting changed
    terminal.sent = 0
    terminal.keys("y")
    # One row of the minutes is 51 cells with their colours: about 170 bytes. The whole text
    # area (16 rows) was about 1,900.
    assert 0 < terminal.sent < 400
    assert "xyIngrid" in "\n".join(terminal.screen.display)


def test_an_arrow_key_sends_the_cells_it_changed_not_the_whole_text(terminal: Terminal) -> None:
    terminal.read(1.0)
    terminal.keys("\r", "x")  # opened, and the first change marks the meeting changed
    for key in (RIGHT, DOWN, END):
        terminal.sent = 0
        before = terminal.cursor()
        terminal.keys(key)
        assert terminal.cursor() != before, key
        # The cells the cursor left and entered, not the 16 rows of the text area (1,900 B).
        assert 0 < terminal.sent < 400, key


def test_the_idle_blinking_cursor_sends_its_cell_not_its_row(terminal: Terminal) -> None:
    terminal.read(1.0)
    terminal.keys("\r", "x")  # the cursor after the first character of the minutes
    terminal.read(1.0)
    writes = terminal.writes_for(2.2)  # a blink every 0.5 s
    assert len(writes) >= 2
    # The row from the text's left edge to the cursor: about 70 bytes; the whole row (what
    # Textual's blink sends) about 170.
    assert max(writes) < 110


def test_an_idle_editor_over_ssh_sends_nothing(meeting_file: Path) -> None:
    terminal = Terminal(meeting_file, ssh=True)
    try:
        terminal.read(1.0)
        terminal.keys("\r", "x")
        terminal.read(1.0)
        assert terminal.writes_for(2.2) == []  # the cursor stands still: no blink to send
        assert "xIngrid" in "\n".join(terminal.screen.display)
    finally:
        terminal.close()
