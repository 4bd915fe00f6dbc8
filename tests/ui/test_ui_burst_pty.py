"""Keys in one burst through a real terminal: what a fast typist, a paste without bracketed
paste, or a slow SSH link delivering a backlog sends. Every key must land where the keys
before it put the cursor, and a save must write what is on the screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat.storage import load_meeting

pytestmark = pytest.mark.slow

F6 = "\x1b[17~"
TAB = "\t"
CTRL_S = "\x13"


def test_letters_typed_on_an_empty_remarks_list_do_not_crash(meeting_file: Path, editor_pty):
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")
    editor.send("\r")  # item 1 (no remarks), cursor in its minutes
    editor.send(F6 + F6)  # Indstilling, Bemærkninger (no decision item: no Beslutning tab)
    editor.expect("Ingen bemærkninger")
    editor.send("ad hoc bemærkning")  # "a" then "d": add, then delete / duplicate
    editor.send(CTRL_S)
    editor.expect("Gemt")
    tail = editor.quit()
    assert "Traceback" not in tail
    assert load_meeting(meeting_file).items[0].remarks  # the typed remark is there


def test_save_in_the_same_burst_writes_the_remark_typed_before_it(meeting_file, editor_pty):
    editor = editor_pty(meeting_file)
    editor.expect("Dagsorden")
    editor.send("\r")
    editor.send(F6 + F6)
    editor.expect("Ingen bemærkninger")
    text = "Budgettet bør følges hver måned, og afvigelser meldes straks til styregruppen."
    editor.send("a" + "Økonomi" + TAB + TAB + TAB + TAB + text + CTRL_S)
    editor.expect("Gemt")
    editor.quit()
    remarks = load_meeting(meeting_file).items[0].remarks
    assert [r.text for r in remarks] == [text]
    assert remarks[0].topic == ["Økonomi"]
