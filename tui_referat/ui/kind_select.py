"""The item's kind list: a Select whose current value repaints without a screen layout.

Textual's ``SelectCurrent`` updates its label with a layout of the whole screen, which on
every move between agenda items (the kind changes from item to item) costs a reflow and a
repaint of everything. The kind list has a fixed width in the stylesheet, so its label can
only repaint.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Select, Static
from textual.widgets._select import SelectCurrent, SelectOverlay


class _FixedCurrent(SelectCurrent):
    def update(self, label: object) -> None:
        self.label = label  # type: ignore[assignment]
        self.has_value = label is not Select.NULL
        shown = self.placeholder if label is Select.NULL else label
        self.query_one("#label", Static).update(shown, layout=False)  # type: ignore[arg-type]


class KindSelect(Select[str]):
    """A ``Select`` for a fixed-width place (its label never changes the layout)."""

    def compose(self) -> ComposeResult:
        yield _FixedCurrent(self.prompt)
        yield SelectOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
