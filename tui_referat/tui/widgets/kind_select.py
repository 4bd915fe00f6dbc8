"""The item's kind: one focusable line ("D drøftelse ▼") and a small list to choose from.

Textual's ``Select`` is six widgets (and its stylesheet) on the editor's first screen, where
start-up time counts; this is one, and its list is made when it is opened. Keys: Enter or
Space opens the list; the kind's letter (O, D, B) sets it at once; Delete or "-" clears it.
The list (``kind_menu.KindMenu``) is imported when it is first opened.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from ...text.words import say

#: The value of "no kind".
NONE = ""


class KindSelect(Widget, can_focus=True):
    """The kind of the item: ``value`` is a kind's letter or ``NONE``; posts ``Changed``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "open", "kind.open", show=False, id="kind.open"),
        Binding("delete,minus", "choose('')", "kind.clear", show=False, id="kind.clear"),
    ]

    class Changed(Message):
        def __init__(self, picker: KindSelect, value: str) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> KindSelect:
            return self.picker

    def __init__(
        self,
        options: list[tuple[str, str]],
        *,
        prompt: str = "–",
        id: str | None = None,
        disabled: bool = False,
    ) -> None:
        """``options``: (label, value) per kind, e.g. ("D drøftelse", "D")."""
        super().__init__(id=id, disabled=disabled)
        self.options = options
        self.prompt = prompt
        self._value = NONE

    @property
    def value(self) -> str:
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        """Set from the model: shown, no ``Changed``."""
        if value != self._value:
            self._value = value
            self.refresh()

    def _label(self) -> str:
        return next((label for label, value in self.options if value == self._value), self.prompt)

    def render(self) -> Text:
        width = max(self.size.width, 3)
        label = self._label()
        room = width - 2
        if cell_len(label) > room:
            label = set_cell_size(label, room - 1) + "…"
        return Text(set_cell_size(label, room) + " ▼", no_wrap=True, end="")

    def action_choose(self, value: str) -> None:
        if value != self._value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def action_open(self) -> None:
        from .kind_menu import KindMenu

        options = [(say("kind.none"), NONE), *self.options]

        def chosen(value: str | None) -> None:
            if value is not None:
                self.action_choose(value)

        self.app.push_screen(KindMenu(options, self._value, none=NONE), chosen)

    def on_key(self, event: events.Key) -> None:
        letter = (event.character or "").upper()
        if any(value == letter for _, value in self.options):
            event.stop()
            self.action_choose(letter)

    def on_click(self) -> None:
        self.action_open()
