"""Hostile text never reaches the terminal raw.

The first test documents what Textual 8.2.8 does on its own: every widget sends ESC and C1
controls of its content to the terminal unchanged. The second shows that with the app's line
filter (``InertControls``) none of it gets through and the text shows as visible symbols.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from textual.app import App, ComposeResult
from textual.filter import LineFilter
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label, Markdown, OptionList, Static, TextArea, Tree

from tui_referat.tui.inert_filter import inert_line_filters

from ..conftest import screen_lines

EVIL = "A\x1b]0;pwned\x07B\x1b[2JC\x9b31mD\x1bPqE"
PAYLOADS = ("\x1b]0;pwned", "\x1b[2J", "\x9b", "\x1bP")
KINDS = ["label", "static", "textarea", "input", "markdown", "option", "tree", "table"]


def _widget(kind: str) -> Widget:
    if kind == "label":
        return Label(EVIL)
    if kind == "static":
        return Static(EVIL)
    if kind == "textarea":
        return TextArea(EVIL + "\n" + EVIL)
    if kind == "input":
        return Input(EVIL)
    if kind == "markdown":
        return Markdown(f"# {EVIL}\n\n{EVIL}")
    if kind == "option":
        return OptionList(EVIL)
    if kind == "tree":
        tree: Tree[None] = Tree(EVIL)
        tree.root.add_leaf(EVIL)
        return tree
    table: DataTable[str] = DataTable()
    table.add_columns(EVIL)
    table.add_row(EVIL)
    return table


class Plain(App[None]):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield _widget(self.kind)


class Filtered(Plain):
    def get_line_filters(self) -> Sequence[LineFilter]:
        return inert_line_filters(super().get_line_filters())


async def _terminal_output(app: App[None]) -> str:
    """The text drawn on the screen: the characters the terminal is sent (between the style and
    cursor codes Textual adds, which carry none of the widgets' text)."""
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        return "\n".join(screen_lines(app))


@pytest.mark.parametrize("kind", KINDS)
def test_textual_alone_passes_escape_sequences_raw(kind: str) -> None:
    output = asyncio.run(_terminal_output(Plain(kind)))
    assert "\x1b]0;pwned" in output, "if this fails, Textual now sanitises by itself"


@pytest.mark.parametrize("kind", KINDS)
def test_with_the_inert_filter_nothing_gets_through(kind: str) -> None:
    output = asyncio.run(_terminal_output(Filtered(kind)))
    for payload in PAYLOADS:
        assert payload not in output
    assert "␛]0;pwned" in output and "␛[2J" in output
