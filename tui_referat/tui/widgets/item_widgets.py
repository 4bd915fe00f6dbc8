"""The item editor's small parts: the time placeholder, the standing toggle, and the Markdown
text area of one section. ``ItemEditor`` (item_editor.py) puts them together."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Protocol

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static, TextArea

from ...domain.model import SECTIONS, AgendaItem, Meeting, RemarkSource
from ...text import i18n
from ...text.words import say, say_in
from ..blink import apply_cursor_blink
from .line_refresh import LineRefresh


class _Editor(Protocol):
    def note_change(self, area: SectionArea) -> None: ...

    def toggle_standing(self) -> None: ...


def time_placeholder(lang: str) -> str:
    """ "--.--" in Danish, "--:--" in English: the shape of a time in ``lang``."""
    return i18n.format_time(dt.time(0, 0), lang).replace("0", "-")


def late_remarks(meeting: Meeting, item: AgendaItem) -> int:
    """How many written remarks on ``item`` came after the deadline for written remarks (the
    item's own, when it has one)."""
    deadline = item.remarks_deadline or meeting.remarks_deadline
    if deadline is None:
        return 0
    return sum(
        1
        for remark in item.remarks
        if remark.source is RemarkSource.WRITTEN
        and remark.received is not None
        and remark.received > deadline.date()
    )


def attachments_line(meeting: Meeting, index: int, lang: str) -> str:
    """ "Bilag 5.1 Title · 5.2 Title" for item ``index`` (empty when it has none)."""
    item = meeting.items[index]
    if not item.attachments:
        return ""
    parts = [
        f"{meeting.attachment_number(index, n)} {attachment.title}"
        for n, attachment in enumerate(item.attachments)
    ]
    return f"{say_in(lang, 'attachments')} " + " · ".join(parts)


def item_text(item: AgendaItem, key: str) -> str:
    """The Markdown text ``key`` of ``item``: a section or the remarks note."""
    return item.section(key) if key in SECTIONS else getattr(item, key)


class StandingToggle(Static, can_focus=True):
    """ "[x] Fast": whether the item is a standing item. Space or Enter toggles it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "toggle", "standing.toggle", show=False, id="item.standing")
    ]

    def set_value(self, value: bool) -> None:
        text = f"[{'x' if value else ' '}] {say('item.standing')}"
        if str(self.content) != text:
            self.update(Text(text), layout=False)

    def action_toggle(self) -> None:
        editor = next((n for n in self.ancestors if hasattr(n, "toggle_standing")), None)
        if editor is not None:
            editor.toggle_standing()


#: Longer section texts are shown without Markdown colours and without soft wrapping: for a
#: 19 MB text tree-sitter's highlighting took 1.4 GB and 30 s, the wrapping another 50 MB and
#: 4 s (issue 12, item 13). Lines of such a text scroll sideways.
HIGHLIGHT_LIMIT = 200_000


def language_for(text: str) -> str | None:
    """The text area's language for ``text``: Markdown, or none for a very long text."""
    return "markdown" if len(text) <= HIGHLIGHT_LIMIT else None


class SectionArea(LineRefresh, TextArea):
    """A Markdown text area for one section of the item (a typed character repaints only the
    rows it changed: line_refresh.py)."""

    def __init__(self, key: str, read_only: bool = False, text: str = "") -> None:
        super().__init__(
            text,
            language=language_for(text),
            soft_wrap=language_for(text) is not None,
            show_line_numbers=False,
            tab_behavior="focus",
            read_only=read_only,
            id=f"section-{key}",
        )
        self.key = key
        #: The item editor this area belongs to (found on the first change).
        self._editor: _Editor | None = None

    def show_text(self, text: str) -> None:
        """Load ``text`` (a section shown anew), highlighted unless it is very long."""
        language = language_for(text)
        if language is None:
            self.language = None  # before the text: no highlighting or wrapping of it at all
            self.soft_wrap = False
        self.load_text(text)
        self.language = language
        self.soft_wrap = language is not None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # Handled here, not bubbled through the tabs: a key press costs what it costs in a
        # bare TextArea. The editor that owns this area only notes that the text changed.
        event.stop()
        if self._editor is None:
            found = (n for n in self.ancestors if hasattr(n, "note_change"))
            self._editor = next(found, None)  # type: ignore[arg-type]
        if self._editor is not None:
            self._editor.note_change(self)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        event.stop()

    def on_mount(self) -> None:
        apply_cursor_blink(self)  # not over SSH, unless the config asks (tui/blink.py)

    def on_resize(self) -> None:
        # TextArea re-wraps on resize (its own handler runs after this one) but may keep the
        # lines it drew at the old width (seen when the screen's width class changes during
        # start-up): draw them again.
        self.refresh()
