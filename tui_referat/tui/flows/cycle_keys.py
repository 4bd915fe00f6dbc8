"""Keys of the main screen for the standing flag and the meeting cycle (``cycle_flow``).

Kept apart so the main screen stays short; importing this costs nothing at start-up.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

CYCLE_BINDINGS: list[BindingType] = [
    Binding(
        "ctrl+t",
        "toggle_standing",
        "standing.toggle",
        tooltip="standing.toggle.tip",
        show=False,
        id="standing",
    ),
    Binding(
        "ctrl+n",
        "cycle('new_meeting_from_this')",
        "cycle.new",
        tooltip="cycle.new.tip",
        show=False,
        id="cycle.new",
    ),
    Binding(
        "f8",
        "cycle('send_for_review')",
        "cycle.review",
        tooltip="cycle.review.tip",
        show=False,
        id="cycle.review",
    ),
    Binding(
        "f9",
        "cycle('approve')",
        "cycle.approve",
        tooltip="cycle.approve.tip",
        show=False,
        id="cycle.approve",
    ),
]
