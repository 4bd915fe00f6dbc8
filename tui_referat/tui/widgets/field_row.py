"""A row of fields whose labels the row draws itself.

A label as a widget of its own costs start-up time like any widget (about 1 ms each at the
first frame: its own message queue, styles and layout; docs/PERFORMANCE.md), and the item
editor's two rows had four. Here a label is text drawn by the row in the space it keeps free
before the field that follows it: the field's left margin.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget


class FieldRow(Horizontal):
    """``FieldRow("Tid", time, duration, "min", "v/", presenters)``: the widgets in a row,
    each string drawn just before the widget after it (strings in a run are joined with a
    space), with one space between a label and its widget. The labels have the style of
    the component class ``field-row--label``; a label after the last widget is not drawn."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"field-row--label"}

    def __init__(self, *parts: str | Widget, id: str | None = None, classes: str = "") -> None:
        widgets: list[Widget] = []
        #: (widget, its label) for the widgets that have one.
        self._labels: list[tuple[Widget, str]] = []
        pending: list[str] = []
        for part in parts:
            if isinstance(part, str):
                pending.append(part)
                continue
            if pending:
                label = " ".join(pending)
                # Before the mount: no restyle (the margin is the label's room).
                part.styles.margin = (0, 0, 0, cell_len(label) + 1)
                self._labels.append((part, label))
                pending = []
            widgets.append(part)
        super().__init__(*widgets, id=id, classes=classes)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        left = self.region.x
        style = self.get_component_rich_style("field-row--label")
        for widget, label in self._labels:
            if not widget.display:
                continue
            start = widget.region.x - left - cell_len(label) - 1
            if start < text.cell_len:
                continue  # not laid out yet: drawn with the next refresh
            text.append(" " * (start - text.cell_len))
            text.append(label, style)
        return text

    def on_resize(self) -> None:
        self.refresh()  # the fields may have moved
