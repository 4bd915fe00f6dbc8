"""Escape sequences and control characters shown inert, newlines and tabs kept where wanted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui_referat.safety.sanitize import has_controls, inert, inert_all, one_line


def test_escape_sequences_become_visible_symbols() -> None:
    assert inert("a\x1b[2Jb") == "a␛[2Jb"
    assert inert("title\x1b]0;pwned\x07") == "title␛]0;pwned␇"
    assert inert("x\x9b31m") == "x<9B>31m"
    assert inert("del\x7f") == "del␡"
    assert inert("cr\rlf") == "cr␍lf"


def test_newlines_and_tabs_kept_by_inert_folded_by_one_line() -> None:
    assert inert("a\n\tb") == "a\n\tb"
    assert one_line("a\n\tb\x1b") == "a  b␛"
    assert inert_all("a\n\tb") == "a␊␉b"


def test_bidi_overrides_are_shown() -> None:
    assert inert("abc\u202edef") == "abc<U+202E>def"


def test_plain_text_is_returned_unchanged() -> None:
    text = "Møde 3 — æøå «citat» 😀\nlinje 2"
    assert inert(text) is text
    assert not has_controls(text)


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    for shown in (inert(text), one_line(text), inert_all(text)):
        for char in shown:
            code = ord(char)
            assert not (code < 0x20 and char not in "\n\t") and not (0x7F <= code <= 0x9F)
    assert "\n" not in one_line(text) and "\n" not in inert_all(text)


def test_for_terminal_shows_zero_width_and_bidi_marks_and_keeps_lines() -> None:
    from tui_referat.safety.sanitize import for_terminal, terminal_line

    text = "a\u200bb\u200dc\ufeff\u200e\u202e\x1b]52;c;x\x07\nd\te"
    assert for_terminal(text) == "a<U+200B>b<U+200D>c<U+FEFF><U+200E><U+202E>␛]52;c;x␇\nd\te"
    assert terminal_line("a\nb\u2028") == "a␤b␤"
    assert for_terminal("Åse Ørsted") == "Åse Ørsted"
