"""Wrapping the cells of the `referat actions` table: nothing lost, nothing past the column."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui_referat.commands.actions_table import cell_len, wrap

words = st.lists(
    st.text(st.sampled_from("abcæøå界é-/"), min_size=1, max_size=25), min_size=1, max_size=12
).map(" ".join)


@given(words, st.integers(2, 40))
def test_wrap_keeps_every_character_within_the_width(text: str, width: int):
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


@given(words, st.integers(4, 40), st.integers(1, 3))
def test_wrap_with_a_line_limit_ends_in_an_ellipsis_when_cut(text: str, width: int, most: int):
    lines = wrap(text, width, most)
    assert len(lines) <= most and all(cell_len(line) <= width for line in lines)
    if len(wrap(text, width)) > most:
        assert lines[-1].endswith("…")


def test_wrap_breaks_at_spaces():
    assert wrap("Book the structural survey of the roof", 20) == [
        "Book the structural",
        "survey of the roof",
    ]
    assert wrap("4 Solar panels on the Northgate School roof", 14, 2) == [
        "4 Solar panels",
        "on the Northg…",
    ]
