"""How what is typed in the item editor reaches the meeting: a section's text after a pause in
typing (a key press costs what it costs in a bare TextArea), the fields as they are typed or
when they are left, Enter in a field, the kind and the standing flag.

``ItemEdits`` is mixed into ``ItemEditor`` (item_editor.py), kept apart so each file reads in
one sitting. It uses the editor's ``item``, ``meeting``, ``read_only``, ``refresh_fields`` and
``open_section``; every change goes to the meeting through ``request_edit``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.widgets import Input

from ...domain.model import AgendaItem, Kind, Meeting
from ...text.when import parse_duration, parse_time
from ...text.words import say
from ..messages import TextPending, request_edit
from .item_widgets import SectionArea, item_text
from .kind_select import KindSelect

if TYPE_CHECKING:
    from ...domain.edits import Edit, SetField

#: Seconds without typing before a section's text is applied to the meeting.
FLUSH_DELAY = 0.5


def _set_field(target: Any, name: str, value: Any, label: str = "") -> SetField:
    """``SetField(...)``: the edit classes are made at the first edit, not at start-up
    (docs/PERFORMANCE.md, "Imports kept out of start-up")."""
    from ...domain.edits import SetField

    return SetField(target, name, value, label)


class ItemEdits:
    """The item editor's input handling (see the module)."""

    item: AgendaItem | None
    meeting: Meeting
    read_only: bool
    #: The keys of the section areas changed since their text was last applied.
    _pending: set[str]
    _last_change: float
    _timer_armed: bool

    # -- text -> model ------------------------------------------------------------------

    def note_change(self, area: SectionArea) -> None:
        """A section's text changed: apply it to the model after a pause in typing."""
        if self.item is None:
            return
        if area.key not in self._pending and area.text == item_text(self.item, area.key):
            return  # a tab's text loaded (or typed back to what is saved): nothing changed
        if not self._pending:
            self.post_message(TextPending())
        self._pending.add(area.key)
        self._last_change = time.monotonic()
        if not self._timer_armed:
            self._timer_armed = True
            self.set_timer(FLUSH_DELAY, self._on_flush_timer)

    def _on_flush_timer(self) -> None:
        quiet = time.monotonic() - self._last_change
        if quiet < FLUSH_DELAY * 0.9:
            self.set_timer(FLUSH_DELAY - quiet, self._on_flush_timer)
            return
        self._timer_armed = False
        flush = getattr(self.screen, "flush_pending", None)
        if flush is not None:
            flush()

    def copy_texts_to_item(self) -> bool:
        """Copy the text of the section areas into the item, touching no widget and posting
        nothing (a signal may arrive before the editor has even noted a change). True if any
        text differed."""
        item = self.item
        if item is None:
            return False
        changed = False
        for area in self.query(SectionArea):
            if area.text != item_text(item, area.key):  # a section or the remarks note
                setattr(item, area.key, area.text)
                changed = True
        return changed

    def take_pending(self) -> list[Edit]:
        """The text edits not yet applied to the model: every section area whose text differs
        from the item's (read from the areas, not from the change notes, which may still be
        on their way), and forget the notes."""
        edits: list[Edit] = []
        if self.item is not None:
            for area in self.query(SectionArea):
                text = area.text
                if text != item_text(self.item, area.key):
                    edits.append(_set_field(self.item, area.key, text, label=area.key))
        self._pending.clear()
        return edits

    def flush_fields(self) -> None:
        """Apply what the item's fields show (typed a moment ago, its change note maybe still
        on its way); a time that does not parse stays in its field, marked."""
        item = self.item
        if item is None or self.read_only:
            return
        title = self.query_one("#item-title", Input).value
        if title != item.title:
            request_edit(self, _set_field(item, "title", title))
        public_field = self.public_title_field()
        public = item.public_title if public_field is None else public_field.value
        if public != item.public_title:
            request_edit(self, _set_field(item, "public_title", public))
        presenters = self.query_one("#item-presenters", Input).value
        names = [name.strip() for name in presenters.split(",") if name.strip()]
        if names != item.presenters:
            request_edit(self, _set_field(item, "presenters", names))
        self._commit_duration(self.query_one("#item-duration", Input), quiet=True)
        self._commit_parsed(
            self.query_one("#item-time", Input), "time", parse_time, "item.bad_time", quiet=True
        )

    # -- fields -> model ----------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        ids = ("item-title", "item-public-title", "item-presenters", "item-duration")
        if self.item is None or event.input.id not in ids:
            return
        event.stop()
        if event.value != event.input.value:
            return  # stale: the field was reloaded (undo, another item) since this was typed
        if event.input.id == "item-duration":
            self._commit_duration(event.input)
        elif event.input.id == "item-title":
            request_edit(self, _set_field(self.item, "title", event.value))
        elif event.input.id == "item-public-title":
            request_edit(self, _set_field(self.item, "public_title", event.value))
        else:
            names = [name.strip() for name in event.value.split(",") if name.strip()]
            if names != self.item.presenters:
                request_edit(self, _set_field(self.item, "presenters", names))

    def _commit_time(self) -> None:
        field = self.query_one("#item-time", Input)
        self._commit_parsed(field, "time", parse_time, "item.bad_time")

    def _commit_duration(self, field: Input, quiet: bool = False) -> None:
        """Durations apply as typed (restricted to digits): planned times follow at once."""
        self._commit_parsed(field, "duration", parse_duration, "item.bad_duration", quiet)

    def _commit_parsed(
        self,
        field: Input,
        name: str,
        parse: Callable[[str], object],
        bad_key: str,
        quiet: bool = False,
    ) -> None:
        """Parse ``field`` and set the item's ``name``; a bad value marks the field instead
        (and says so, unless ``quiet``)."""
        if self.item is None:
            return
        try:
            value = parse(field.value)
        except ValueError:
            field.add_class("-invalid")
            if not quiet:
                self.notify(say(bad_key, value=field.value), severity="warning")
            return
        field.remove_class("-invalid")
        if value != getattr(self.item, name):
            request_edit(self, _set_field(self.item, name, value))
        elif not field.has_focus:
            self.refresh_fields()  # left the field: "1330" shows as the editor writes it

    def toggle_standing(self) -> None:
        """Mark the item as standing (carried into the next meeting) or not."""
        if self.item is not None and not self.read_only:
            edit = _set_field(self.item, "standing", not self.item.standing, "standing")
            request_edit(self, edit)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # handled at once by ``field_submitted``

    def field_submitted(self, field: Input) -> None:
        """Enter in a field of the item: apply it and go into the item's minutes (a time
        that does not parse keeps the cursor, with the problem shown)."""
        if field.id == "item-time":
            self._commit_time()
            if field.has_class("-invalid"):
                return
        if field.id == "item-title":
            self._take_agenda_line(field)
        self.flush_fields()
        self.open_section()

    def _take_agenda_line(self, field: Input) -> None:
        """A title typed as the agenda reads, "Budget (D) 13.15 v/ Bo Berg": the kind, the
        planned time and the presenters go to their fields (one undo step)."""
        from ...importer.values import parse_agenda_line  # start-up: 20 ms (PERFORMANCE.md)

        item = self.item
        if item is None:
            return
        title, kind, at, presenters = parse_agenda_line(field.value)
        if title == field.value.strip() or not title:
            return
        changes = [("title", title), ("kind", kind), ("time", at), ("presenters", presenters)]
        edits = tuple(
            _set_field(item, name, value)
            for name, value in changes
            if value not in (None, []) and value != getattr(item, name)
        )
        from ...domain.edits import Batch  # not at start-up: see _set_field

        request_edit(self, Batch(edits, "title"))
        self.refresh_fields(reload=True)

    def on_descendant_blur(self, event) -> None:  # type: ignore[no-untyped-def]
        if getattr(event.widget, "id", None) == "item-time":
            self._commit_time()

    def on_kind_select_changed(self, event: KindSelect.Changed) -> None:
        event.stop()
        if self.item is None:
            return
        kind = Kind(event.value) if event.value else None
        if kind != self.item.kind:
            request_edit(self, _set_field(self.item, "kind", kind))
