"""A one-line input whose Enter tells its form at once.

Outside ``tui/forms`` so the item editor can use it without importing every form at start-up.
"""

from __future__ import annotations

from pathlib import Path

from textual.validation import ValidationResult
from textual.widgets import Input

from ..blink import apply_cursor_blink


class FieldInput(Input):
    """A one-line input without a border (the look of Textual's compact ``Input``) whose
    Enter also tells its form at once (``field_submitted``), so the form can move the cursor
    on before the next key is read."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")

    def on_mount(self) -> None:
        apply_cursor_blink(self)  # not over SSH, unless the config asks (tui/blink.py)

    async def action_submit(self) -> None:
        await super().action_submit()
        form = next((a for a in self.ancestors if hasattr(a, "field_submitted")), None)
        if form is not None:
            form.field_submitted(self)

    def validate(self, value: str) -> ValidationResult | None:
        """A changed text mends a field marked ``-invalid`` (the editor marks a time it cannot
        read; the mark goes when the user edits it, as with Textual's validation).

        Without validators Textual would also mark every field with text ``-valid``, which no
        style uses, restyling each field once more when the editor fills it at start-up."""
        if self.validators:
            return super().validate(value)
        self.remove_class("-invalid")
        return None
