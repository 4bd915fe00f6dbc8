"""Keys and their labels come one way (tui/keys.py): the status line, the F1 help and the palette
read what the bindings declare, with the keymap applied, and translate their labels alike."""

from __future__ import annotations

from tui_referat.storage.config import Config
from tui_referat.tui.forms.participants import ParticipantsTable
from tui_referat.tui.keys import bindings_by_id, declared_bindings, describe, key_label
from tui_referat.tui.palette import palette_commands
from tui_referat.tui.screens.help_screen import help_sections
from tui_referat.tui.widgets.status import StatusLine

KEYMAP = {"save": "ctrl+w", "nav.add": "n", "participants.add": "plus"}


async def test_the_keymap_shows_in_the_status_line_the_help_and_the_palette(meeting_file, make_app):
    app = make_app(meeting_file, config=Config(keymap=dict(KEYMAP)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "^W Gem" in app.screen.query_one(StatusLine).keys_text
        sections = dict(help_sections(app.screen))
        everywhere = {text: keys for keys, text, _ in sections["Overalt"]}
        assert everywhere["Gem"] == "^W"
        agenda = {text: keys for keys, text, _ in sections["Dagsorden"]}
        assert agenda["Tilføj"] == "n"
        participants = {text: keys for keys, text, _ in sections["Deltagere"]}
        assert participants["Tilføj"] == "plus"
        titles = [title for title, _, _ in palette_commands(app.screen)]
        assert "Gem  (^W)" in titles and "Dagsorden: tilføj punkt  (n)" in titles


def test_declared_bindings_keep_the_order_of_declaration():
    rows = [binding.id for binding, _ in bindings_by_id(declared_bindings(ParticipantsTable))]
    assert rows[:3] == ["participants.add", "participants.open", "participants.edit"]
    moved = declared_bindings(ParticipantsTable, {"participants.add": "plus"})
    (first, keys), *_ = bindings_by_id(moved)
    assert first.id == "participants.add" and keys == ["plus"]  # moved, in its place


def test_labels_are_translated_where_they_are_shown():
    assert describe("forms.add", "da") == "Tilføj" and describe("forms.add", "en") == "Add"
    assert describe("Literal text") == "Literal text"
    assert [key_label(k) for k in ("ctrl+s", "f1", "ctrl+up", "shift+tab")] == [
        "^S",
        "F1",
        "^↑",
        "Shift+Tab",
    ]
