"""The forms' dialog that edits a record's fields (``FieldsDialog``).

It dismisses with a dict of field values, or ``None``, and never touches the model; the
widget that opened it posts the edits. Deletes are confirmed with the editor's one

"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ...text.words import say
from ..textual_private import translate_bindings
from .confirm import DialogSelect


@dataclass
class FieldSpec:
    """One field of a ``FieldsDialog``: an Input, or a Select when ``options`` is given."""

    id: str
    label: str
    value: Any = ""
    options: Sequence[tuple[str, Any]] = field(default_factory=tuple)
    placeholder: str = ""


#: Checks the values; returns (field id, problem) or None when they are fine.
Validator = Callable[[dict[str, Any]], "tuple[str, str] | None"]


class FieldsDialog(ModalScreen["dict[str, Any] | None"]):
    """A titled form of fields; Enter in a field (a closed dropdown too) or OK returns the
    values, Escape cancels."""

    CSS_PATH = "form_dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "forms.cancel", id="forms.dialog.cancel")
    ]

    def __init__(
        self,
        title: str,
        fields: Sequence[FieldSpec],
        validate: Validator | None = None,
        *,
        focus: str | None = None,
    ) -> None:
        """``focus``: the id of the field the cursor starts in (default: the first)."""
        super().__init__(classes="forms-dialog")
        translate_bindings(self)
        self.title_text = title
        self.fields = list(fields)
        self.validate = validate
        self.first = focus or self.fields[0].id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title")
            for spec in self.fields:
                with Horizontal(classes="dialog-row"):
                    yield Label(spec.label, classes="dialog-label")
                    if spec.options:
                        yield DialogSelect(
                            spec.options,
                            value=spec.value,
                            allow_blank=False,
                            compact=True,
                            id=spec.id,
                        )
                    else:
                        yield Input(
                            str(spec.value),
                            placeholder=spec.placeholder,
                            compact=True,
                            id=spec.id,
                        )
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(say("forms.ok"), id="ok", variant="primary")
                yield Button(say("forms.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(f"#{self.first}").focus()

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#{spec.id}")
            if isinstance(widget, Select):
                result[spec.id] = widget.value
            else:
                assert isinstance(widget, Input)
                result[spec.id] = widget.value.strip()
        return result

    def _submit(self) -> None:
        values = self.values()
        problem = self.validate(values) if self.validate else None
        error = self.query_one(".form-error", Static)
        for widget in self.query(Input):
            widget.remove_class("error")
        if problem is not None:
            field_id, message = problem
            error.update(message)
            error.add_class("-shown")
            target = self.query_one(f"#{field_id}")
            target.add_class("error")
            target.focus()
            return
        self.dismiss(values)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_dialog_select_submitted(self, event: DialogSelect.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
