"""The cells a changed row sends (``changed_columns``, line_refresh.py): from the first cell
that differs to the last, counted in terminal cells."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui_referat.tui.widgets.line_refresh import changed_columns

PLAIN, CURSOR = Style(color="white"), Style(reverse=True)


def strip(*parts: tuple[str, Style]) -> Strip:
    return Strip([Segment(text, style) for text, style in parts])


def test_a_moved_cursor_changes_the_cells_it_left_and_entered() -> None:
    before = strip(("Ingr", PLAIN), ("i", CURSOR), ("d bød", PLAIN))
    after = strip(("Ingrid b", PLAIN), ("ø", CURSOR), ("d", PLAIN))
    assert changed_columns(before, after) == (4, 9)


def test_the_same_cells_split_differently_are_no_change() -> None:
    before = strip(("Ingrid", PLAIN), (" bød", PLAIN))
    after = strip(("Ingrid bød", PLAIN))
    start, end = changed_columns(before, after)
    assert start >= end


def test_wide_characters_count_two_cells_and_a_longer_row_its_new_cells() -> None:
    before = strip(("日本", PLAIN), ("x", CURSOR))
    after = strip(("日本x", PLAIN), (" ", CURSOR))
    assert changed_columns(before, after) == (4, 6)
    assert changed_columns(None, after) == (0, 6)  # nothing drawn yet: the whole row
