"""Small modal dialogs: the one yes/no confirmation, and the quit guard for unsaved changes."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select

from ...text.words import get_lang, say

#: Left / Right move between a dialog's buttons (Tab and Shift+Tab too); Enter presses one.
BUTTON_MOVES: list[BindingType] = [
    Binding("left", "app.focus_previous", "dialog.prev", show=False, id="dialog.prev"),
    Binding("right", "app.focus_next", "dialog.next", show=False, id="dialog.next"),
]


class DialogSelect(Select[Any]):
    """A dropdown in a dialog. Closed, Enter submits the dialog as it does in a text field
    (the dialog handles ``Submitted``); Space, Down or Up opens the list, where Enter chooses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,space,up", "show_overlay", "Show menu", show=False),
        Binding("enter", "submit", "Submit", show=False),
    ]

    class Submitted(Message):
        def __init__(self, select: DialogSelect) -> None:
            super().__init__()
            self.select = select

        @property
        def control(self) -> DialogSelect:
            return self.select

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))


def keyed_label(label: str, keys: str) -> Text:
    """A button label that shows its key: "[J]a", "[N]ej", "Åbn det (J)".

    ``keys`` is the binding's key list ("y,j"); a Danish UI prefers the Danish letter."""
    letters = [key for key in keys.split(",") if len(key) == 1]
    if get_lang() == "da":
        letters.sort(key=lambda key: key not in "jn")
    for key in letters:
        if label[:1].lower() == key:
            return Text(f"[{label[0]}]{label[1:]}")
    return Text(f"{label} ({letters[0].upper()})" if letters else label)


def focus_button(screen: ModalScreen[Any], button_id: str) -> None:
    """Focus the dialog's button ``button_id``, if it is there. A dialog can be torn down
    before its children are composed (a SIGTERM just after ctrl+q exits the app while the
    quit dialog is being pushed); then there is nothing to focus, and that is no error."""
    for button in screen.query(f"#{button_id}").results(Button):
        button.focus()
        return


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismisses True for yes. The editor's one confirmation dialog (the
    agenda's and the lists' deletes, opening a new meeting), so it answers the same everywhere:
    y or j is yes, n or Escape is no, Enter presses the focused button, and the focus starts
    on No, so an Enter typed too soon keeps what it asks about."""

    CSS_PATH = "confirm.tcss"
    YES_KEYS = "y,j"
    NO_KEYS = "n,escape"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(YES_KEYS, "answer(True)", "dialog.yes", id="dialog.yes"),
        Binding(NO_KEYS, "answer(False)", "dialog.no", id="dialog.no"),
        *BUTTON_MOVES,
    ]

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or say("dialog.yes")
        self.no = no or say("dialog.no")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(keyed_label(self.yes, self.YES_KEYS), id="yes", variant="error")
                yield Button(keyed_label(self.no, self.NO_KEYS), id="no")
            yield Label(say("dialog.keys"), classes="dialog-keys")

    def on_mount(self) -> None:
        focus_button(self, "no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ModalScreen[str]):
    """Unsaved changes: dismisses "save", "discard" or "cancel"."""

    CSS_PATH = "confirm.tcss"
    KEYS: ClassVar[dict[str, str]] = {"save": "s,g", "discard": "d,q", "cancel": "escape,a,c"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(KEYS["save"], "choose('save')", "quit.save", id="quit.save"),
        Binding(KEYS["discard"], "choose('discard')", "quit.discard", id="quit.discard"),
        Binding(KEYS["cancel"], "choose('cancel')", "quit.cancel", id="quit.cancel"),
        *BUTTON_MOVES,
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(say("quit.question"), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                for choice, variant in (("save", "primary"), ("discard", "error")):
                    label = keyed_label(say(f"quit.{choice}"), self.KEYS[choice])
                    yield Button(label, id=choice, variant=variant)
                yield Button(keyed_label(say("quit.cancel"), self.KEYS["cancel"]), id="cancel")
            yield Label(say("dialog.keys"), classes="dialog-keys")

    def on_mount(self) -> None:
        focus_button(self, "save")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
