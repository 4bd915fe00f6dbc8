"""The list of kinds that ``KindSelect`` (kind_select.py) opens: a small modal option list.

Kept out of kind_select.py so that the editor's first screen does not make this screen's class.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...text.words import say


class KindMenu(ModalScreen[str | None]):
    """The list of kinds; dismissed with the chosen value, or None (Escape)."""

    DEFAULT_CSS = """
    KindMenu {
        align: center middle;
        background: $background 40%;
    }
    KindMenu > OptionList, KindMenu > OptionList:focus {
        width: 30;
        height: auto;
        border: round $accent;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "close", show=False, id="kind.close")
    ]

    def __init__(self, options: list[tuple[str, str]], value: str, none: str = "") -> None:
        """``none``: the value of "no kind" (``kind_select.NONE``)."""
        super().__init__()
        self.options = options
        self.value = value
        self.none = none

    def compose(self) -> ComposeResult:
        values = [value for _, value in self.options]
        menu = OptionList(*[Option(label, id=value or "-") for label, value in self.options])
        menu.highlighted = values.index(self.value) if self.value in values else 0
        menu.border_title = say("kind.title")
        yield menu

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id or "-"
        self.dismiss(self.none if chosen == "-" else chosen)
