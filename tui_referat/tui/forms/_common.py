"""Shared pieces of the form widgets: stylesheet loading, translated bindings, the form base.

Textual only reads ``CSS_PATH`` for apps and screens, so each widget keeps its stylesheet in a
``.tcss`` file next to its module and loads it as ``DEFAULT_CSS`` (a small read at import time;
app and theme CSS still override it). Binding descriptions are keys into ``text.strings``,
translated where they are shown (``tui/keys.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Static

from ...domain.edits import Edit, SetField
from ...text.words import say
from ..messages import request_edit
from ..widgets.field_input import FieldInput as FieldInput  # the forms' inputs


def load_css(module_file: str) -> str:
    """The stylesheet next to ``module_file`` (same name, ``.tcss``)."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")


def list_bindings(prefix: str) -> list[BindingType]:
    """The keys of every list, one meaning each (as in the agenda): ``a``/Ins add, Enter
    open, ``e`` edit, ``d`` duplicate, ``x``/Del delete, ``K``/``J`` move. Ids are
    ``<prefix>.add`` and so on (for the keymap and F1 help)."""
    return [
        Binding("a,insert", "add", "forms.add", key_display="a", id=f"{prefix}.add"),
        Binding("enter", "open", "forms.open", key_display="⏎", id=f"{prefix}.open"),
        Binding("e", "edit", "forms.edit", id=f"{prefix}.edit"),
        Binding("d", "duplicate", "forms.duplicate", show=False, id=f"{prefix}.duplicate"),
        Binding("x,delete", "delete", "forms.delete", key_display="x", id=f"{prefix}.delete"),
        Binding(
            "shift+up,ctrl+up,K",
            "move(-1)",
            "forms.move_up",
            key_display="K",
            tooltip="forms.move_up_tip",
            id=f"{prefix}.up",
        ),
        Binding(
            "shift+down,ctrl+down,J",
            "move(1)",
            "forms.move_down",
            key_display="J",
            tooltip="forms.move_down_tip",
            id=f"{prefix}.down",
        ),
    ]


def index_of(items: list[Any], obj: Any) -> int:
    """The index of ``obj`` in ``items`` by identity (dataclasses compare equal by value)."""
    for index, candidate in enumerate(items):
        if candidate is obj:
            return index
    raise ValueError("not in list")


def focus_first(container: Widget) -> bool:
    """Focus the first focusable widget inside ``container``; False when there is none."""
    for widget in container.query("*"):
        if widget.focusable:
            widget.screen.set_focus(widget)  # now: the next key read goes there
            return True
    return False


class FormLogic:
    """What every form does (mixed into a container below).

    Free-text inputs post their edit as the user types; inputs whose text must be parsed
    (dates, times) post it on Enter or when focus leaves them, or show the problem in the
    form's error line and leave the model alone (the input keeps the text to mend). Once
    left, a parsed input shows its value as the form writes it. ``refresh_from_model`` never
    overwrites an input the user is in the middle of changing.
    """

    #: Input ids whose text is committed as typed (no parsing needed).
    LIVE: frozenset[str] = frozenset()

    def __init__(self, meeting: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.meeting = meeting
        self._shown: dict[str, str] = {}
        #: True while ``reload_from_model`` runs: focused fields are reloaded too.
        self._reloading = False
        #: Whether the last ``commit`` posted an edit (else the model already held its value).
        self._posted = False
        #: The input whose problem the error line shows.
        self._error_id: str | None = None

    # -- for subclasses ------------------------------------------------------------------

    def commit(self, input_id: str, text: str) -> str | None:
        """Post the edit for ``input_id`` set to ``text``; return an error text or None."""
        raise NotImplementedError

    def refresh_from_model(self) -> None:
        raise NotImplementedError

    def reload_from_model(self) -> None:
        """``refresh_from_model`` after an undo or redo: every field, the focused one too,
        shows the model again (a stale field would write its old text on the next key)."""
        self._reloading = True
        try:
            self.refresh_from_model()
        finally:
            self._reloading = False

    # -- helpers ------------------------------------------------------------------------

    def post_edit(self, edit: Edit) -> None:
        self._posted = True
        request_edit(self, edit)  # type: ignore[arg-type]

    def set_field(self, target: Any, name: str, value: Any, label: str = "") -> bool:
        """Post a SetField when ``value`` differs from the model; True when posted."""
        if getattr(target, name) == value and type(getattr(target, name)) is type(value):
            return False
        self.post_edit(SetField(target, name, value, label))
        return True

    def show_input(self, input_id: str, text: str, force: bool = False) -> None:
        """Show ``text`` in the input unless the user is in it (or it shows an error).

        A focused input keeps what the user typed: its own edits keep the model in step, and
        a refresh that arrives between two key presses must not undo the second one.
        """
        widget = self.query_one(f"#{input_id}", Input)
        force = force or self._reloading
        if not force and (widget.has_focus or widget.has_class("error")):
            return
        widget.remove_class("error")
        self._shown[input_id] = text
        if widget.value != text:
            widget.value = text
            if not widget.has_focus:
                widget.cursor_position = 0  # an unfocused field shows the start of its text

    def flush(self) -> None:
        """Apply what the fields show that the model does not have yet (a save, an export
        or a recovery copy comes next: what is on the screen is the truth). A value that
        does not parse stays in its field with the problem shown."""
        for widget in self.query(Input):
            if widget.id and not widget.disabled and widget.value != self._shown.get(widget.id):
                self._commit_input(widget)

    def show_error(self, message: str | None, input_id: str | None = None) -> None:
        """Say ``message`` about ``input_id`` (None: its problem is mended; no ``input_id``:
        clear the line). A problem still marked in another field keeps its message when this
        field is fine."""
        if input_id is not None:
            self.query_one(f"#{input_id}", Input).set_class(bool(message), "error")
        if message is None and input_id is not None and self._error_id not in (None, input_id):
            other = self.query(f"#{self._error_id}")
            if other and other.first().has_class("error"):
                return
        self._error_id = input_id if message else None
        error = self.query_one(".form-error", Static)
        error.update(message or "")
        error.set_class(bool(message), "-shown")

    def focus(self, scroll_visible: bool = True) -> Any:
        focus_first(self)
        return self

    # -- events -------------------------------------------------------------------------

    def _commit_input(self, widget: Input) -> None:
        if widget.id is None or not self.is_mounted:
            return
        self._posted = False
        problem = self.commit(widget.id, widget.value)
        self.show_error(problem, widget.id)
        if problem is None:
            self._shown[widget.id] = widget.value
            if not self._posted and not widget.has_focus:
                self.refresh_from_model()  # left the field: "2/12 25" shows as "2.12.2025"

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value != event.input.value:
            event.stop()  # stale: the field was reloaded since this was typed
            return
        if event.input.id in self.LIVE and event.input.value != self._shown.get(event.input.id):
            event.stop()
            self._commit_input(event.input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._commit_input(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        event.stop()
        if event.input.id not in self.LIVE:
            self._commit_input(event.input)


class Form(FormLogic, VerticalScroll, can_focus=False):
    """A scrolling form (meeting details, next meeting)."""


class FixedForm(FormLogic, Vertical):
    """A form that fills its space without scrolling (list on top, fields below)."""


def date_problem(text: str) -> str:
    return say("forms.bad_date", value=text.strip())


def time_problem(text: str) -> str:
    return say("forms.bad_time", value=text.strip())
