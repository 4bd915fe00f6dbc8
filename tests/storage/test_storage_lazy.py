"""A clean file is read with tomllib and gets its tomlkit document when first needed.

What a user would notice if this went wrong: a meeting that reads differently from the full
path, or a save after an edit (or after an undo) that loses comments and unknown keys.
"""

from __future__ import annotations

import threading
from pathlib import Path

from hypothesis import given

from tui_referat.domain.edits import History, Insert, Remove
from tui_referat.storage import dumps_meeting, load_meeting, loads_meeting, validate_text
from tui_referat.storage.fast_read import PendingDocument, read_fast

from .test_storage_props import SETTINGS, meetings

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
FILES = [DATA / "commented.toml", *sorted((ROOT / "samples").glob("*.toml"))]


def test_the_fast_reading_equals_the_full_one_for_the_samples() -> None:
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        fast = read_fast(text)
        full, problems = validate_text(text, path)
        assert fast is not None and not problems
        assert isinstance(fast.origin, PendingDocument)
        assert fast == full


@SETTINGS
@given(meetings)
def test_the_fast_reading_equals_the_full_one_for_any_meeting(meeting) -> None:
    text = dumps_meeting(meeting)
    fast = read_fast(text)
    full, problems = validate_text(text)
    assert not problems
    if fast is not None:  # None: a case the fast path leaves to the full one
        assert fast == full == meeting


def test_an_item_deleted_saved_and_restored_keeps_its_comments(tmp_path: Path) -> None:
    source = (DATA / "commented.toml").read_text(encoding="utf-8")
    meeting = loads_meeting(source)
    history = History()
    history.apply(Remove(meeting, "items", 1))
    dumps_meeting(meeting)  # the first save makes the document while the item is away
    history.undo()  # the item comes back: the same object, read from a plain table
    assert dumps_meeting(meeting) == source  # comments and unknown keys are back too


def test_an_edit_before_the_document_exists_changes_only_its_line() -> None:
    source = (DATA / "commented.toml").read_text(encoding="utf-8")
    meeting = loads_meeting(source)
    meeting.items[1].title = "Rain butts"
    saved = dumps_meeting(meeting)
    changed = [
        (old, new)
        for old, new in zip(source.splitlines(), saved.splitlines(), strict=True)
        if old != new
    ]
    assert changed == [
        (
            "title = 'Water butts'      # a literal string",
            'title = "Rain butts"      # a literal string',
        )
    ]


def test_the_document_made_in_a_thread_saves_the_same(tmp_path: Path) -> None:
    path = ROOT / "samples" / "arbejdsgruppe.toml"
    meeting = load_meeting(path)
    worker = threading.Thread(target=meeting.origin.prepare)
    worker.start()
    meeting.items.insert(0, meeting.items.pop(2))  # while the thread parses
    worker.join()
    again = loads_meeting(dumps_meeting(meeting))
    assert [item.title for item in again.items] == [item.title for item in meeting.items]


def test_files_with_carriage_returns_take_the_full_path() -> None:
    text = (DATA / "commented.toml").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert read_fast(text) is None
    meeting = loads_meeting(text)
    assert dumps_meeting(meeting) == text  # saved as it was, line ends and all


def test_insert_of_a_new_item_after_a_fast_load_saves_it(tmp_path: Path) -> None:
    meeting = load_meeting(ROOT / "samples" / "board-meeting.toml")
    history = History()
    new = type(meeting.items[0])(title="Any other business")
    history.apply(Insert(meeting, "items", len(meeting.items), new))
    again = loads_meeting(dumps_meeting(meeting))
    assert again.items[-1].title == "Any other business"
