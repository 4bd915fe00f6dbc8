"""The main screen: the meeting (``MeetingScreen``) with the editor's keys and what they do:
save, export, preview, undo and redo, the agenda's operations (closing an item too), the
sections, the meeting cycle.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ...domain.errors import MeetingFileError
from ...domain.model import Sent
from ...storage.config import Config, load_config
from ...storage.session import Session
from ...text import i18n
from ...text.words import say, say_in
from ..flows.cycle_keys import CYCLE_BINDINGS
from ..flows.safety_flow import SafetyFlow
from ..widgets.nav import NavPanel, Node
from .meeting_screen import MeetingScreen


class MainScreen(MeetingScreen, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save", tooltip="save.tip", priority=True, id="save"),
        Binding("ctrl+e", "export", "export", tooltip="export.tip", priority=True, id="export"),
        Binding(
            "ctrl+o", "send", "send_ui.open", tooltip="send_ui.open.tip", show=False, id="send"
        ),
        Binding("f2", "toggle_preview", "preview", tooltip="preview.tip", id="preview"),
        Binding("escape", "focus_nav", "focus_nav", tooltip="focus_nav.tip", id="focus_nav"),
        Binding("ctrl+z", "undo", "undo", tooltip="undo.tip", show=False, id="undo"),
        Binding("ctrl+y", "redo", "redo", show=False, id="redo"),
        # Priority: a text area would take F6 for "select line".
        Binding(
            "ctrl+pagedown,f6",
            "cycle_section(1)",
            "section.next",
            show=False,
            priority=True,
            id="section.next",
        ),
        Binding(
            "ctrl+pageup,f5",
            "cycle_section(-1)",
            "section.prev",
            show=False,
            priority=True,
            id="section.prev",
        ),
        *CYCLE_BINDINGS,  # standing flag, new meeting, review, approve
    ]

    def __init__(self, session: Session, safety: SafetyFlow, *, first: bool = False) -> None:
        """``safety``: the app's lock, recovery copy and watch on the file, asked before a
        save; ``first``: the app's first screen."""
        super().__init__(session, first=first)
        self.safety = safety

    # -- moving around ------------------------------------------------------------------

    def action_focus_nav(self) -> None:
        self.flush_pending()
        self.nav.focus()

    def action_cycle_section(self, delta: int) -> None:
        # F5/F6 right after agenda moves typed at once: the editor shows the node under the
        # cursor first (it follows only after a rest), so the tab opens on that node.
        if self.focused is self.nav and self.nav.node != self._shown:
            self.show_node(self.nav.node)
        if self.switcher.current == "node-item":
            self.item_editor.cycle_section(delta)

    # -- save, export, preview ----------------------------------------------------------

    def save(self, *, checked: bool = False) -> bool:
        """Save through the session; a failure is shown and the meeting stays unsaved.

        A file changed on disk since load or save is not overwritten: a dialog asks first
        (``SafetyFlow``), and this returns False; ``checked`` skips that question."""
        self.flush_pending()
        if self.session.read_only:
            self.notify(say("read_only.refused"), severity="warning")
            return False
        if not checked and self.safety.ask_if_changed_on_disk(self):
            return False
        try:
            self.session.save()
        except (MeetingFileError, OSError) as error:
            kept = self.safety.save_failed()  # refresh the recovery copy
            message = f"{error}\n{kept}" if kept else str(error)
            self.notify(message, title=say("save.failed"), severity="error", timeout=15)
            self.refresh_state()
            return False
        self.notify(say("save.done", path=str(self.session.path)), timeout=3)
        self.refresh_state()
        return True

    def action_save(self) -> None:
        self.save()

    def action_export(self) -> None:
        from .export_screen import ExportScreen  # start-up: 37 ms (docs/PERFORMANCE.md)

        self.flush_pending()
        self.app.push_screen(ExportScreen(self.session, on_send=self.open_send))

    def action_send(self) -> None:
        self.open_send()

    def open_send(self, include_closed: bool = False, attach: bool | None = None) -> None:
        """The Send dialog for the meeting as it is on screen (``include_closed``, ``attach``:
        as the export dialog's boxes say; by default closed items out, files in)."""
        from .send_screen import SendScreen  # not needed at start-up

        self.flush_pending()
        config = getattr(self.app, "config", None) or Config()
        if config.path is not None:  # read again: [send] may have been set up meanwhile
            config = load_config(config.path)
        dialog = SendScreen(
            self.session, config, self.record_sent, include_closed=include_closed, attach=attach
        )
        self.app.push_screen(dialog)

    def record_sent(self, record: Sent) -> None:
        """A send reached someone: its ``[[sent]]`` record goes into the meeting and the file
        is saved the usual way (a failed save is said, and the meeting stays unsaved with the
        record in it). Not undoable: the mail went out. Opened read-only: the record is shown
        to add by hand."""
        from ...domain.edits import Insert  # not at start-up (PERFORMANCE.md)
        from ...storage.sent_toml import sent_toml

        if self.session.read_only:
            text = sent_toml(record)
            message = say("send_ui.not_recorded", why=say("read_only.refused"), record=text)
            self.notify(message, severity="error", timeout=30, markup=False)
            return
        label = say("send_ui.recorded")
        self.apply_edit(
            Insert(self.meeting, "sent", len(self.meeting.sent), record, label), record=False
        )
        self.save()

    def action_toggle_preview(self) -> None:
        self.flush_pending()
        self._preview_on = not self._preview_on
        editor = self.item_editor
        editor.set_class(self._preview_on, "-preview")
        if self._preview_on:
            box = editor.preview_box()
            if not box.children:
                from ..widgets.preview import ItemPreview  # start-up: 32 ms (PERFORMANCE.md)

                box.mount(ItemPreview())
            self.schedule_preview(delay=0.0)
            if self.switcher.current != "node-item":
                self.notify(say("preview.items_only"))

    # -- the agenda ---------------------------------------------------------------------

    def on_nav_panel_item_operation(self, message: NavPanel.ItemOperation) -> None:
        from ...domain import agenda  # with the edit classes, not at start-up (PERFORMANCE.md)
        from ...domain.edits import SetField

        self.flush_pending()
        meeting, index = self.meeting, message.index
        if message.operation == "add":
            edit = agenda.add_item(meeting, index, say("item.new_title"))
            if self.apply_edit(edit):
                self.after_structure(select=edit.value)
                self.nav.select(Node("item", agenda.index_of(meeting.items, edit.value)))
                self.show_node(self.nav.node)
                # Straight into the new item's title (selected, so typing replaces it), now:
                # the keys typed after "a" are its title. Its tabs start at the minutes.
                editor = self.item_editor
                editor.tabs.active = editor.first_tab
                self.set_focus(editor.query_one("#item-title"))
            return
        if index < 0:
            self.notify(say("nav.no_item"), severity="warning")
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
        elif message.operation == "closed":
            was = item.closed
            self.request_edit(SetField(item, "closed", not was, "closed"))
            if item.closed is was:
                return  # refused (read-only), and said so
            if item.closed:
                lang = meeting.lang if meeting.lang in i18n.LANGUAGES else "en"
                shown = item.public_title.strip() or say_in(lang, "closed_item")
                self.notify(say("closed.on", number=index + 1, shown=shown))
            else:
                self.notify(say("closed.off", number=index + 1))
        elif message.operation == "delete":
            question = say("delete.question", number=index + 1, title=item.title)

            def answered(yes: bool | None) -> None:
                if yes and self.apply_edit(agenda.delete_item(meeting, index)):
                    self.after_structure()
                    self.notify(say("delete.done", undo_key=self._key_for("undo")))

            from ..dialogs.confirm import ConfirmDialog  # start-up: 1.2 ms (PERFORMANCE.md)

            self.app.push_screen(ConfirmDialog(question), answered)

    def _key_for(self, binding_id: str) -> str:
        for active in self.active_bindings.values():
            if active.binding.id == binding_id:
                return self.app.get_key_display(active.binding)
        return binding_id

    def action_toggle_standing(self) -> None:
        node = self.nav.node
        if node.kind == "item" and node != self._shown:
            self.show_node(node)  # the editor has not caught up with the cursor yet
        if self.switcher.current != "node-item" or self.item_editor.item is None:
            self.notify(say("nav.no_item"), severity="warning")
            return
        self.item_editor.toggle_standing()

    def action_cycle(self, name: str) -> None:
        """New meeting from this one, send for review, approve (see ``cycle_flow``)."""
        from ..flows import cycle_flow  # start-up: 3.6 ms, with its dialogs (PERFORMANCE.md)

        steps = {
            "new_meeting_from_this": cycle_flow.new_meeting_from_this,
            "send_for_review": cycle_flow.send_for_review,
            "approve": cycle_flow.approve,
        }
        steps[name](self)

    # -- undo and redo ------------------------------------------------------------------

    def action_undo(self) -> None:
        self._undo_redo(undo=True)

    def action_redo(self) -> None:
        self._undo_redo(undo=False)

    def _undo_redo(self, *, undo: bool) -> None:
        """Undo or redo one step, then show the item it changed with every field reloaded."""
        self.flush_pending()
        shown = self.item_editor.item if self.switcher.current == "node-item" else None
        edit = self.session.undo() if undo else self.session.redo()
        if edit is None:
            self.notify(say("undo.nothing" if undo else "redo.nothing"))
            return
        from ...domain import agenda  # not at start-up (PERFORMANCE.md)

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
        from ..forms.entries import EntriesEditor  # start-up: 13 ms, the forms (PERFORMANCE.md)

        form = next((a for a in focused.ancestors if isinstance(a, EntriesEditor)), None)
        changed = getattr(edit, "target", None)
        if form is not None and focused is not form.entry_list and changed is not form.selected:
            form.select_entry(changed)
            self.set_focus(form.entry_list)
