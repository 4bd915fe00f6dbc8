"""The one table of words: its parts never share a key, and every word has both languages."""

from __future__ import annotations

from tui_referat.text import words
from tui_referat.text.words_editor import EDITOR
from tui_referat.text.words_forms import FORMS
from tui_referat.text.words_meeting import MEETING
from tui_referat.text.words_safety import SAFETY
from tui_referat.text.words_send import SEND


def test_no_key_is_in_two_parts_of_the_table() -> None:
    parts = [set(EDITOR), set(FORMS), set(SAFETY), set(MEETING), set(SEND)]
    assert sum(len(part) for part in parts) == len(words.WORDS)


def test_every_word_has_danish_and_english() -> None:
    assert all(da.strip() and en.strip() for da, en in words.WORDS.values() if da or en)
    assert all(len(pair) == 2 for pair in words.WORDS.values())


def test_say_follows_the_editor_language_and_say_in_the_meeting_language() -> None:
    before = words.get_lang()
    try:
        words.set_lang("en")
        assert words.say("save") == "Save"
        assert words.say_in("da", "save") == "Gem"
        assert words.say_count("recovery.lines", 1) == "1 line"
        assert words.say_count("recovery.lines", 3) == "3 lines"
    finally:
        words.set_lang(before)
