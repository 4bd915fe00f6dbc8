"""The attachments editor: numbered list (5.1, 5.2 …) with title and path/URL below."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Label, Static

from ...domain.model import Attachment
from ...text.words import say
from ._common import FieldInput, index_of, list_bindings, load_css
from .entries import EntriesEditor, EntryList


class AttachmentList(EntryList):
    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings("attachments"),
        Binding(
            "space,l", "toggle_late", "forms.toggle_late", key_display="␣", id="attachments.late"
        ),
    ]

    def action_toggle_late(self) -> None:
        editor = self.editor
        if isinstance(editor, AttachmentsEditor):
            editor.toggle_late()


class AttachmentsEditor(EntriesEditor):
    """Add, edit (title, path or URL), delete and reorder an item's attachments."""

    DEFAULT_CSS = load_css(__file__)
    ATTR = "attachments"
    LIST_CLASS = AttachmentList
    WHAT = "forms.attachment"
    EMPTY = "forms.attachments.empty"
    LIVE = frozenset({"title", "path"})

    def number(self, index: int) -> str:
        """ "5.2" for the second attachment of item 5 (follows the item's place)."""
        return self.meeting.attachment_number(index_of(self.meeting.items, self.item), index)

    def rows(self) -> Iterable[tuple[Text | str, Any | None]]:
        for index, attachment in enumerate(self.item.attachments):
            line = Text()
            line.append(f"{self.number(index):>5} ", style="bold")
            line.append(attachment.title)
            if attachment.path:
                line.append(f"  ({attachment.path})", style="italic")
            if attachment.late:
                line.append(f"  ({say('late_attachment')})", style="bold")
            yield line, attachment

    def compose_fields(self) -> ComposeResult:
        yield Horizontal(
            Label(say("forms.title"), classes="label"),
            FieldInput(id="title"),
            classes="row",
        )
        yield Horizontal(
            Label(say("forms.path"), classes="label"),
            FieldInput(id="path", placeholder="bilag/fil.pdf · https://…"),
            classes="row",
        )
        yield Horizontal(Static("", id="late"), classes="row")

    def new_entry(self) -> Attachment:
        return Attachment(title=say("forms.new_attachment"))

    def show_entry(self, entry: Attachment, force: bool) -> None:
        self.show_input("title", entry.title, force)
        self.show_input("path", entry.path, force)
        box = "[x]" if entry.late else "[ ]"
        self.query_one("#late", Static).update(Text(f"{box} {say('late_attachment')}"))

    def toggle_late(self) -> None:
        """Sent after the agenda (eftersendt), or not: one undoable edit."""
        attachment = self.selected
        if isinstance(attachment, Attachment):
            self.set_field(attachment, "late", not attachment.late, say("late_attachment"))

    def commit(self, input_id: str, text: str) -> str | None:
        attachment = self.selected
        if isinstance(attachment, Attachment) and input_id in ("title", "path"):
            if input_id == "title" and not text.strip():
                return say("forms.required", field=say("forms.title"))
            self.set_field(attachment, input_id, text.strip())
        return None
