"""Small modal dialogs: confirm a deletion, and the quit guard for unsaved changes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from .strings import t


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismisses True for yes. Keys: y / n / Escape."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,j", "answer(True)", "dialog.yes", id="dialog.yes"),
        Binding("n,escape", "answer(False)", "dialog.no", id="dialog.no"),
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or t("dialog.yes")
        self.no = no or t("dialog.no")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ModalScreen[str]):
    """Unsaved changes: dismisses "save", "discard" or "cancel"."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,g", "choose('save')", "quit.save", id="quit.save"),
        Binding("d,q", "choose('discard')", "quit.discard", id="quit.discard"),
        Binding("escape,c,a", "choose('cancel')", "quit.cancel", id="quit.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("quit.question"), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("quit.save"), id="save", variant="primary")
                yield Button(t("quit.discard"), id="discard", variant="error")
                yield Button(t("quit.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
