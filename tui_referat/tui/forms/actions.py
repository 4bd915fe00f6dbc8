"""The actions editor: list of actions (done box, text, owner, due) with the fields below."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from ...domain.model import Action
from ...text import form_values as values
from ...text.words import get_lang, say
from ._common import FieldInput, date_problem, list_bindings, load_css
from .entries import EntriesEditor, EntryList


class ActionList(EntryList):
    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings("actions"),
        Binding("space,x", "toggle_done", "forms.toggle_done", key_display="␣", id="actions.done"),
    ]

    def action_toggle_done(self) -> None:
        editor = self.editor
        if isinstance(editor, ActionsEditor):
            editor.toggle_done()


class ActionsEditor(EntriesEditor):
    """Add, edit (text, owner, due), delete, reorder and tick off an item's actions."""

    DEFAULT_CSS = load_css(__file__)
    ATTR = "actions"
    LIST_CLASS = ActionList
    WHAT = "forms.action"
    EMPTY = "forms.actions.empty"
    LIVE = frozenset({"text", "owner"})

    def rows(self) -> Iterable[tuple[Text | str, Any | None]]:
        lang = get_lang()
        for action in self.item.actions:
            line = Text()
            line.append("[x] " if action.done else "[ ] ", style="bold")
            line.append(action.text, style="strike" if action.done else "")
            extra = [part for part in (action.owner, values.field_date(action.due, lang)) if part]
            if extra:
                line.append("  · " + " · ".join(extra), style="italic")
            yield line, action

    def compose_fields(self) -> ComposeResult:
        yield Horizontal(
            Label(say("action"), classes="label"),
            FieldInput(id="text"),
            classes="row",
        )
        yield Horizontal(
            Label(say("owner"), classes="label"),
            FieldInput(id="owner", placeholder=say("forms.owner_placeholder")),
            classes="row",
        )
        yield Horizontal(
            Label(say("due"), classes="label"),
            FieldInput(id="due", classes="date"),
            Static("", id="done"),
            classes="row",
        )

    def new_entry(self) -> Action:
        return Action(text=say("forms.new_action"))

    def show_entry(self, entry: Action, force: bool) -> None:
        self.show_input("text", entry.text, force)
        self.show_input("owner", entry.owner, force)
        self.show_input("due", values.field_date(entry.due, get_lang()), force)
        box = "[x]" if entry.done else "[ ]"
        self.query_one("#done", Static).update(Text(f"{box} {say('done')}"))
        names = [p.name for p in self.meeting.participants if p.name]
        self.query_one("#owner", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def toggle_done(self) -> None:
        action = self.selected
        if isinstance(action, Action):
            self.set_field(action, "done", not action.done, say("done"))

    def commit(self, input_id: str, text: str) -> str | None:
        action = self.selected
        if not isinstance(action, Action):
            return None
        if input_id == "text":
            if not text.strip():
                return say("forms.required", field=say("action"))
            self.set_field(action, "text", text.strip())
        elif input_id == "owner":
            self.set_field(action, "owner", text.strip())
        elif input_id == "due":
            try:
                self.set_field(action, "due", values.typed_date(text))
            except ValueError:
                return date_problem(text)
        return None
