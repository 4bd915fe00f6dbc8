"""The editor panel of the meeting screen: the item editor or one of the node forms.

Each is a cell of the screen's grid of its own (class ``editor-panel``, main_screen.tcss), and
one is displayed at a time: what Textual's ``ContentSwitcher`` does, without the switcher, a
widget more to make and lay out at start-up (docs/PERFORMANCE.md).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget

#: The class of every panel.
PANEL = "editor-panel"


class EditorPanels:
    """The panels of ``screen`` (its children with the class ``editor-panel``)."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen

    @property
    def panels(self) -> list[Widget]:
        return [child for child in self.screen.children if child.has_class(PANEL)]

    @property
    def current(self) -> str | None:
        """The id of the panel shown ("node-item", "node-details" …)."""
        return next((panel.id for panel in self.panels if panel.display), None)

    @current.setter
    def current(self, panel_id: str) -> None:
        for panel in self.panels:
            panel.display = panel.id == panel_id

    @property
    def shown(self) -> Widget | None:
        return next((panel for panel in self.panels if panel.display), None)

    @property
    def border_title(self) -> str:
        shown = self.shown
        return str(shown.border_title or "") if shown is not None else ""

    @border_title.setter
    def border_title(self, title: str) -> None:
        shown = self.shown
        if shown is not None:
            shown.border_title = title

    def find(self, panel_id: str) -> Widget | None:
        return next((panel for panel in self.panels if panel.id == panel_id), None)

    def add(self, panel: Widget, before: Widget) -> Widget:
        """Mount ``panel`` (hidden) into the screen's grid, ``before`` the widget after the
        panels (the status line)."""
        panel.add_class(PANEL)
        panel.display = False
        self.screen.mount(panel, before=before)
        return panel
