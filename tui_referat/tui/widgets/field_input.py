"""An input whose Enter tells its form at once.

Outside ``tui/forms`` so the item editor can use it without importing every form at start-up.
"""

from __future__ import annotations

from textual.widgets import Input

from ..blink import apply_cursor_blink


class FieldInput(Input):
    """An input whose Enter also tells its form at once (``field_submitted``), so the form
    can move the cursor on before the next key is read."""

    def on_mount(self) -> None:
        apply_cursor_blink(self)  # not over SSH, unless the config asks (tui/blink.py)

    async def action_submit(self) -> None:
        await super().action_submit()
        form = next((a for a in self.ancestors if hasattr(a, "field_submitted")), None)
        if form is not None:
            form.field_submitted(self)
