"""The main screen's agenda operations (add, duplicate, move, delete) and undo / redo.

A mixin of ``MainScreen`` (ui/main_screen.py), kept apart so each file reads in one sitting.
It uses the screen's ``meeting``, ``session``, ``nav``, ``item_editor``, ``switcher``,
``apply_edit``, ``after_structure``, ``show_node`` and ``flush_pending``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain import agenda
from ...text.strings import t
from ..widgets.nav import NavPanel, Node

if TYPE_CHECKING:
    from ..screens.main_screen import MainScreen


class AgendaActions:
    """Handlers and actions for ``MainScreen``; each method's ``self`` is the screen."""

    def on_nav_panel_item_operation(self: MainScreen, message: NavPanel.ItemOperation) -> None:
        self.flush_pending()
        meeting, index = self.meeting, message.index
        if message.operation == "add":
            edit = agenda.add_item(meeting, index, t("item.new_title"))
            if self.apply_edit(edit):
                self.after_structure(select=edit.value)
                self.nav.select(Node("item", agenda.index_of(meeting.items, edit.value)))
                self.show_node(self.nav.node)
                # Straight into the new item's title (selected, so typing replaces it), now:
                # the keys typed after "a" are its title. Its tabs start at the minutes.
                editor = self.item_editor
                editor.tabs.active = "minutes"
                self.set_focus(editor.query_one("#item-title"))
            return
        if index < 0:
            self.notify(t("nav.no_item"), severity="warning")
            return
        item = meeting.items[index]
        if message.operation == "duplicate":
            edit = agenda.duplicate_item(meeting, index)
            if self.apply_edit(edit):
                self.after_structure(select=edit.value)
                self.nav.select(Node("item", index + 1))
        elif message.operation == "move":
            move = agenda.move_item(meeting, index, message.delta)
            if move is not None and self.apply_edit(move):
                self.after_structure(select=item)
        elif message.operation == "delete":
            question = t("delete.question", number=index + 1, title=item.title)

            def answered(yes: bool | None) -> None:
                if yes and self.apply_edit(agenda.delete_item(meeting, index)):
                    self.after_structure()
                    self.notify(t("delete.done", undo_key=self._key_for("undo")))

            from ..dialogs.confirm import ConfirmDialog

            self.app.push_screen(ConfirmDialog(question), answered)

    def _key_for(self: MainScreen, binding_id: str) -> str:
        for active in self.active_bindings.values():
            if active.binding.id == binding_id:
                return self.app.get_key_display(active.binding)
        return binding_id

    def action_toggle_standing(self: MainScreen) -> None:
        node = self.nav.node
        if node.kind == "item" and node != self._shown:
            self.show_node(node)  # the editor has not caught up with the cursor yet
        if self.switcher.current != "node-item" or self.item_editor.item is None:
            self.notify(t("nav.no_item"), severity="warning")
            return
        self.item_editor.toggle_standing()

    def action_cycle(self: MainScreen, name: str) -> None:
        """New meeting from this one, send for review, approve (see ``cycle_flow``)."""
        from . import cycle_flow

        getattr(cycle_flow, name)(self)

    def action_undo(self: MainScreen) -> None:
        self._undo_redo(undo=True)

    def action_redo(self: MainScreen) -> None:
        self._undo_redo(undo=False)

    def _undo_redo(self: MainScreen, *, undo: bool) -> None:
        """Undo or redo one step, then show the item it changed with every field reloaded."""
        self.flush_pending()
        shown = self.item_editor.item if self.switcher.current == "node-item" else None
        edit = self.session.undo() if undo else self.session.redo()
        if edit is None:
            self.notify(t("undo.nothing" if undo else "redo.nothing"))
            return
        target = agenda.affected_item(self.meeting, edit)
        self.after_structure(select=target, reload=True)
        now = self.item_editor.item if self.switcher.current == "node-item" else None
        focused = self.focused
        if focused is None or focused is self.nav:
            return
        if now is not shown or not focused.is_on_screen:
            # The fields now belong to another item: typing on must not go there unseen.
            self.set_focus(self.nav)
            return
        # A field of a list's entry may now show another entry: back to the list, on the
        # entry the undo changed when it is there.
        from ..forms.entries import EntriesEditor

        form = next((a for a in focused.ancestors if isinstance(a, EntriesEditor)), None)
        changed = getattr(edit, "target", None)
        if form is not None and focused is not form.entry_list and changed is not form.selected:
            form.select_entry(changed)
            self.set_focus(form.entry_list)
