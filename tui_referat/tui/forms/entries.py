"""The base of the remarks, attachments and actions editors: a list on top, the selected
entry's fields below. The list takes one-key actions (add, delete, move) while it has focus;
Enter goes to the fields, Tab / Shift+Tab move between them."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.edits import Insert, Move, Remove
from ...domain.model import AgendaItem, Meeting
from ...text.words import say
from ..dialogs.confirm import ConfirmDialog
from ..textual_private import translate_bindings
from ..widgets.section_tabs import SectionTabs
from ._common import FixedForm, focus_first, index_of


class EntryList(OptionList):
    """The list of an ``EntriesEditor``; its key actions go to the editor."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, editor: EntriesEditor, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self.editor = editor

    def action_add(self) -> None:
        self.editor.add_entry()

    def action_open(self) -> None:
        self.editor.open_entry()

    def action_edit(self) -> None:
        self.editor.edit_entry()

    def action_duplicate(self) -> None:
        self.editor.duplicate_entry()

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.editor.paste_entries(event.text)

    def action_delete(self) -> None:
        self.editor.delete_entry()

    def action_move(self, step: int) -> None:
        self.editor.move_entry(step)


class EntriesEditor(FixedForm):
    """A list of ``item.<ATTR>`` with the selected entry's fields below.

    Esc steps back one level: from a field to the list, from the list to the item's tabs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "forms.back", show=False, id="forms.back"),
    ]

    ATTR: ClassVar[str] = ""
    LIST_CLASS: ClassVar[type[EntryList]] = EntryList
    #: Names the entry in "Delete …?" (a strings key).
    WHAT: ClassVar[str] = ""
    EMPTY: ClassVar[str] = ""

    def __init__(self, meeting: Meeting, item: AgendaItem, **kwargs: Any) -> None:
        super().__init__(meeting, **kwargs)
        self.item = item
        self.selected: Any | None = None
        #: The entry the fields show (``selected`` may be set before they do).
        self._displayed: Any | None = None
        self._rows: list[Any | None] = []
        self._focus_fields_next = False

    # -- for subclasses ------------------------------------------------------------------

    def rows(self) -> Iterable[tuple[Text | str, Any | None]]:
        """(prompt, entry) per line of the list; entry None for a heading line."""
        raise NotImplementedError

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def show_entry(self, entry: Any, force: bool) -> None:
        """Fill the fields from ``entry`` (force: the user moved to another entry)."""
        raise NotImplementedError

    def new_entry(self) -> Any:
        raise NotImplementedError

    def move_target(self, index: int, step: int) -> int | None:
        """Where the entry at ``index`` goes for a move by ``step``; None when it cannot."""
        target = index + step
        return target if 0 <= target < len(self.entries) else None

    # -- model -> widgets ----------------------------------------------------------------

    @property
    def entries(self) -> list[Any]:
        return getattr(self.item, self.ATTR)

    def compose(self) -> ComposeResult:
        yield self.LIST_CLASS(self, classes="entry-list")
        with Vertical(classes="entry-fields"):
            yield from self.compose_fields()
        yield Static("", classes="form-error")

    def on_mount(self) -> None:
        self.refresh_from_model()

    @property
    def entry_list(self) -> EntryList:
        return self.query_one(EntryList)

    def refresh_from_model(self) -> None:
        """Rebuild the list from the item; the selection stays on the same entry."""
        entries = self.entries
        keep = self.selected if any(e is self.selected for e in entries) else None
        old_row = self.entry_list.highlighted or 0
        listing = self.entry_list
        self._rows = []
        options: list[Option] = []
        for prompt, entry in self.rows():
            self._rows.append(entry)
            options.append(Option(prompt, disabled=entry is None))
        if not entries:
            self._rows = [None]
            options = [Option(say(self.EMPTY), disabled=True)]
        listing.clear_options()
        listing.add_options(options)
        row = None
        if keep is not None:
            row = next(i for i, e in enumerate(self._rows) if e is keep)
        elif entries:
            candidates = [i for i, e in enumerate(self._rows) if e is not None]
            row = min(candidates, key=lambda i: abs(i - old_row))
        if row is not None:
            listing.highlighted = row
        self._select(self._rows[row] if row is not None else None, force=False)
        if self._focus_fields_next:
            self._focus_fields_next = False
            # Now, not after a refresh: the keys typed after "a" belong to the new entry.
            focus_first(self.query_one(".entry-fields"))

    def _select(self, entry: Any | None, force: bool = True) -> None:
        changed = entry is not self._displayed
        self.selected = self._displayed = entry
        fields = self.query_one(".entry-fields")
        fields.disabled = entry is None
        if entry is not None:
            if changed:
                self.show_error(None)
                for widget in fields.query(".error"):
                    widget.remove_class("error")
            self.show_entry(entry, force=force or changed or self._reloading)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._rows):
            entry = self._rows[event.option_index]
            if entry is not None and entry is not self.selected:
                self._select(entry)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    # -- actions ------------------------------------------------------------------------

    def add_entry(self) -> None:
        new = self.new_entry()
        entries = self.entries
        index = len(entries)
        if self.selected is not None and any(e is self.selected for e in entries):
            index = index_of(entries, self.selected) + 1
        self.selected = new
        self._focus_fields_next = True
        self.post_edit(Insert(self.item, self.ATTR, index, new, say("forms.add")))

    def select_entry(self, entry: Any) -> None:
        """Highlight ``entry`` in the list if it is one of the entries."""
        for row, candidate in enumerate(self._rows):
            if candidate is not None and candidate is entry:
                self.entry_list.highlighted = row
                self._select(entry)
                return

    def focus_start(self) -> None:
        """Where the cursor goes when the tab is entered: the list."""
        self.screen.set_focus(self.entry_list)

    def open_entry(self) -> None:
        """Enter in the list: to the entry's fields (remarks: to its text)."""
        self.edit_entry()

    def edit_entry(self) -> None:
        if self.selected is not None:
            focus_first(self.query_one(".entry-fields"))

    def field_submitted(self, field: Input) -> None:
        """Enter in a field: apply it; when it is good, back to the list (the entry is done,
        ``a`` adds the next)."""
        self._commit_input(field)
        if not field.has_class("error"):
            self.screen.set_focus(self.entry_list)

    def duplicate_entry(self) -> None:
        """A copy of the selected entry, after it, selected."""
        entry = self.selected
        if entry is None or not any(e is entry for e in self.entries):
            return
        new = copy.deepcopy(entry)
        self.selected = new
        index = index_of(self.entries, entry) + 1
        self.post_edit(Insert(self.item, self.ATTR, index, new, say("forms.duplicate")))
        self.notify(say("forms.duplicated"), timeout=2)

    def paste_entries(self, text: str) -> None:
        """Text pasted on the list (subclasses may make entries of it)."""

    def action_back(self) -> None:
        """Esc: from a field to the list; from the list to the item's tab line."""
        listing = self.entry_list
        if self.screen.focused is not listing:
            self.screen.set_focus(listing)
            return
        tabs = next((a for a in self.ancestors if isinstance(a, SectionTabs)), None)
        if tabs is not None:
            self.screen.set_focus(tabs.strip)

    def delete_entry(self) -> None:
        entry = self.selected
        if entry is None or not any(e is entry for e in self.entries):
            return
        index = index_of(self.entries, entry)

        def confirmed(yes: bool | None) -> None:
            if yes and index < len(self.entries) and self.entries[index] is entry:
                self.selected = None
                self.post_edit(Remove(self.item, self.ATTR, index, say("forms.delete")))

        self.app.push_screen(
            ConfirmDialog(say("forms.confirm_delete", what=say(self.WHAT))), confirmed
        )

    def move_entry(self, step: int) -> None:
        if self.selected is None:
            return
        index = index_of(self.entries, self.selected)
        target = self.move_target(index, step)
        if target is not None:
            label = say("forms.move_up_tip" if step < 0 else "forms.move_down_tip")
            self.post_edit(Move(self.item, self.ATTR, index, target, label))
