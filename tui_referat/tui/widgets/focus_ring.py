"""Tab and Shift+Tab go round the fields of one panel and never leave it.

The meeting details, the next meeting and the participants table each fill the editor panel;
Tab from their last field used to run on into the agenda (Textual's Tab walks the whole
screen), so a secretary typing field after field ended up moving agenda items. Here the
panel's own Tab goes from the last field back to the first (Shift+Tab the other way); Esc,
the screen's key, still leaves for the agenda.

Outside ``tui/forms`` so the item editor can use it without importing every form at start-up.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widget import Widget

RING_BINDINGS: list[BindingType] = [
    Binding("tab", "focus_ring(1)", "forms.next_field", show=False, id="forms.next_field"),
    Binding("shift+tab", "focus_ring(-1)", "forms.prev_field", show=False, id="forms.prev_field"),
]
#: For a panel that is one widget (the participants table): Tab stays there. No ids: the
#: F1 help does not list "next field" where there is none.
STAY_BINDINGS: list[BindingType] = [
    Binding("tab", "focus_ring(1)", show=False),
    Binding("shift+tab", "focus_ring(-1)", show=False),
]


def ring_fields(panel: Widget) -> list[Widget]:
    """The focusable widgets of ``panel`` (itself too) in Tab order; hidden ones are left out."""
    return [w for w in panel.screen.focus_chain if w is panel or panel in w.ancestors]


def step_focus(panel: Widget, step: int) -> None:
    """Focus the field ``step`` places on from the focused one, round the ends of ``panel``."""
    fields = ring_fields(panel)
    if not fields:
        return
    focused = panel.screen.focused
    if focused in fields:
        target = fields[(fields.index(focused) + step) % len(fields)]
    else:
        target = fields[0] if step > 0 else fields[-1]
    if target is not focused:
        panel.screen.set_focus(target)  # now: the next key read goes there


class FocusRing:
    """Mixed into a panel widget whose ``BINDINGS`` include ``RING_BINDINGS``."""

    def action_focus_ring(self, step: int) -> None:
        assert isinstance(self, Widget)
        step_focus(self, step)


def focus_into(widget: Widget) -> None:
    """Put the focus in ``widget``: its ``focus_start()`` if it has one, else its first
    focusable descendant, else the widget itself if it can have the focus."""
    focus = getattr(widget, "focus_start", None)
    if focus is not None:
        focus()
        return
    for child in widget.query("*"):
        if child.focusable:
            widget.screen.set_focus(child)
            return
    if widget.focusable:
        widget.screen.set_focus(widget)
