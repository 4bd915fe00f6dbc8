"""How widgets say what the user changed.

Widgets never change the model themselves: they call ``request_edit`` with an edit from
``domain.edits``; one place (``MainScreen.request_edit``) applies it at once, records undo,
marks the meeting dirty and refreshes what shows the changed object. At once, not through a
message queue: a save, an export or a recovery copy made by the next key sees the edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.dom import DOMNode
from textual.message import Message

if TYPE_CHECKING:
    from ..domain.edits import Edit


class EditSink(Protocol):
    def request_edit(self, edit: Edit, origin: DOMNode | None = None) -> None: ...


def request_edit(widget: DOMNode, edit: Edit) -> None:
    """Apply ``edit`` now through the nearest node (or the app) that applies edits; without
    one (a widget tested on its own) post ``EditRequested`` for its host."""
    for node in widget.ancestors_with_self:
        sink = getattr(node, "request_edit", None)
        if sink is not None:
            sink(edit, origin=widget)
            return
    widget.post_message(EditRequested(edit))


class EditRequested(Message):
    """Apply ``edit`` to the meeting (bubbles up to the main screen)."""

    def __init__(self, edit: Edit) -> None:
        super().__init__()
        self.edit = edit


class TextPending(Message):
    """A text editor has changes not yet applied to the model (marks the meeting unsaved)."""
