"""Messages that widgets post to say what the user changed.

Widgets never change the model themselves: they post ``EditRequested`` with an edit from
``tui_referat.edits``; one handler (on the main screen) applies it, records undo and marks the
meeting dirty, then posts nothing back but refreshes what shows the changed object.
"""

from __future__ import annotations

from textual.message import Message

from ..edits import Edit


class EditRequested(Message):
    """Apply ``edit`` to the meeting (bubbles up to the main screen)."""

    def __init__(self, edit: Edit) -> None:
        super().__init__()
        self.edit = edit


class MeetingChanged(Message):
    """Posted by the main screen after an edit was applied, for widgets that show counts."""

    def __init__(self, edit: Edit | None = None) -> None:
        super().__init__()
        self.edit = edit


class TextEdited(EditRequested):
    """A text section's new content (from the debounced editor flush).

    Applied like any edit but not recorded in the meeting's undo history: the text area keeps
    its own undo/redo for typing.
    """


class TextPending(Message):
    """A text editor has changes not yet applied to the model (marks the meeting unsaved)."""
