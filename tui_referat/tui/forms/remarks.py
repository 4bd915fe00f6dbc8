"""The remarks editor: remarks grouped by topic on top, the selected remark's fields below."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label, TextArea

from ...domain.edits import Batch, Edit, Move, SetField
from ...domain.model import Remark, RemarkSource
from ...text import form_values as values
from ...text import i18n
from ...text.words import get_lang, say
from ._common import FieldInput, date_problem, index_of, list_bindings, load_css
from .entries import EntriesEditor, EntryList
from .source_toggle import SourceToggle


class RemarkList(EntryList):
    BINDINGS: ClassVar[list[BindingType]] = list_bindings("remarks")


def is_late(remark: Remark, deadline: Any) -> bool:
    """A written remark received after the deadline for written remarks."""
    return (
        remark.source is RemarkSource.WRITTEN
        and remark.received is not None
        and deadline is not None
        and remark.received > deadline.date()
    )


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


class RemarksEditor(EntriesEditor):
    """Add, edit, delete and reorder an item's remarks (topic, source, author, date, text)."""

    DEFAULT_CSS = load_css(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        *EntriesEditor.BINDINGS,
        Binding(
            "ctrl+r",
            "next_remark",
            "remarks.next",
            tooltip="remarks.next_tip",
            id="remarks.next",
        ),
    ]
    ATTR = "remarks"
    LIST_CLASS = RemarkList
    WHAT = "forms.remark"
    EMPTY = "forms.remarks.empty"
    LIVE = frozenset({"author"})

    def rows(self) -> Iterable[tuple[Text | str, Any | None]]:
        lang = get_lang()
        deadline = self.item.remarks_deadline or self.meeting.remarks_deadline
        groups = [
            (values.format_topic(topic) if topic else say("forms.no_topic"), [*said, *written])
            for topic, said, written in self.item.remark_groups()
        ]
        if self.item.protocol_remarks():  # shown under the decision, apart from the others
            groups.append((say("forms.protocol_remarks"), self.item.protocol_remarks()))
        for heading, remarks in groups:
            yield Text(heading, style="bold"), None
            for remark in remarks:
                line = Text("  ")
                tag = i18n.source_label(remark.source, lang)
                if remark.received is not None:
                    tag += " " + values.tag_date(remark.received, lang)
                line.append(f"[{tag}]", style="italic")
                if is_late(remark, deadline):
                    line.append(f" ! {say('forms.late')}", style="bold reverse")
                if remark.author:
                    line.append(f" {remark.author}:", style="bold")
                line.append(" " + _first_line(remark.text))
                yield line, remark

    def compose_fields(self) -> ComposeResult:
        yield Horizontal(
            Label(say("forms.topic"), classes="label"),
            FieldInput(id="topic", placeholder=say("forms.topic_placeholder")),
            classes="row",
        )
        yield Horizontal(
            Label(say("forms.source"), classes="label"),
            SourceToggle(id="source"),
            Label(say("forms.received"), classes="inline-label"),
            FieldInput(id="received", classes="date"),
            classes="row",
        )
        yield Horizontal(
            Label(say("forms.author"), classes="label"),
            FieldInput(id="author"),
            classes="row",
        )
        yield TextArea(
            id="text",
            language="markdown",
            soft_wrap=True,
            tab_behavior="focus",
        )

    def new_entry(self) -> Remark:
        """A new remark like the selected one: same topic, source and day received (remarks
        come in runs: several from one meeting round, several in one email)."""
        like = self.selected if isinstance(self.selected, Remark) else None
        if like is None:
            return Remark(text="")
        return Remark(text="", topic=list(like.topic), source=like.source, received=like.received)

    def show_entry(self, entry: Remark, force: bool) -> None:
        lang = get_lang()
        self.show_input("topic", values.format_topic(entry.topic), force)
        self.show_input("received", values.field_date(entry.received, lang), force)
        self.show_input("author", entry.author, force)
        self.query_one(SourceToggle).value = entry.source
        text = self.query_one("#text", TextArea)
        if text.text != entry.text and (force or not text.has_focus):
            text.load_text(entry.text)

    # -- keys ---------------------------------------------------------------------------

    def _focus_text(self) -> None:
        self.screen.set_focus(self.query_one("#text", TextArea))

    def open_entry(self) -> None:
        """Enter in the list: into the remark's text."""
        if isinstance(self.selected, Remark):
            self._focus_text()

    def field_submitted(self, field: Input) -> None:
        """Enter in the topic, the date or the author: on to the text (if the value is good)."""
        self._commit_input(field)
        if not field.has_class("error"):
            self._focus_text()

    def source_chosen(self, source: RemarkSource, done: bool) -> None:
        """The source toggle was set (``done``: Enter, on to the text). A written remark
        without a day received gets today (changed in its field if it came earlier)."""
        remark = self.selected
        if isinstance(remark, Remark):
            self.set_field(remark, "source", source)
            day = remark.received
            if source is RemarkSource.WRITTEN and day is None:
                day = dt.date.today()
            elif source is not RemarkSource.WRITTEN:
                day = None  # said at the meeting (or put on record there): no day received
            if day != remark.received:
                self.set_field(remark, "received", day)
                self.show_input("received", values.field_date(day, get_lang()), force=True)
        if done:
            self._focus_text()

    def action_next_remark(self) -> None:
        """A new remark after this one, with its topic and source; the cursor in its text."""
        self.flush()
        remark = self.selected
        if not (isinstance(remark, Remark) and not remark.text.strip()):
            self.add_entry()  # (a remark still without text gets its text first)
        self._focus_text()

    def paste_entries(self, text: str) -> None:
        """Remarks pasted on the list: one remark per paragraph (blank-line separated), with
        the selected remark's topic and source, after it."""
        paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
        paragraphs = [p for p in paragraphs if p]
        for paragraph in paragraphs:
            self.add_entry()
            remark = self.selected
            if isinstance(remark, Remark):
                self.set_field(remark, "text", paragraph)
        if paragraphs:
            self.reload_from_model()
            self.screen.set_focus(self.entry_list)
            self.notify(say("remarks.pasted", count=len(paragraphs)), timeout=3)

    def move_target(self, index: int, step: int) -> int | None:
        """The place of the neighbour in the remark's own topic and source (the order the
        minutes show), or None at the edge of that run."""
        remark = self.entries[index]
        same = [
            i
            for i, other in enumerate(self.entries)
            if other.topic == remark.topic and other.source is remark.source
        ]
        place = same.index(index) + step
        return same[place] if 0 <= place < len(same) else None

    def move_entry(self, step: int) -> None:
        """K / J: one place up or down in the list as shown. Past the first (last) remark of
        its topic it moves into the topic above (below) and takes that topic."""
        remark = self.selected
        if not isinstance(remark, Remark):
            return
        entries = self.entries
        index = index_of(entries, remark)
        target = self.move_target(index, step)
        label = say("forms.move_up_tip" if step < 0 else "forms.move_down_tip")
        if target is not None:
            self.post_edit(Move(self.item, self.ATTR, index, target, label))
            return
        groups = self.item.remark_groups()
        topics = [tuple(topic) for topic, _, _ in groups]
        if remark.source is RemarkSource.PROTOCOL:  # shown under the decision, not in a topic
            self.notify(say("forms.first_in_list" if step < 0 else "forms.last_in_list"))
            return
        _, said, written = groups[topics.index(tuple(remark.topic))]
        other = said if remark.source is RemarkSource.WRITTEN else written
        if other and (step < 0) == (remark.source is RemarkSource.WRITTEN):
            # The minutes show a topic's meeting remarks first, then the written ones.
            self.notify(say("forms.source_order"))
            return
        place = topics.index(tuple(remark.topic)) + step
        if not 0 <= place < len(topics):
            key = "forms.first_in_list" if step < 0 else "forms.last_in_list"
            self.notify(say(key))
            return
        topic = list(topics[place])
        members = [i for i, other in enumerate(entries) if other.topic == topic]
        alike = [i for i in members if entries[i].source is remark.source] or members
        # Up: after the topic's last remark of the same source; down: before its first.
        to = alike[-1] + 1 if step < 0 else alike[0]
        if to > index:
            to -= 1  # the remark leaves its old place first
        edits: list[Edit] = [SetField(remark, "topic", topic, say("forms.topic"))]
        if to != index:
            edits.append(Move(self.item, self.ATTR, index, to, label))
        self.post_edit(Batch(tuple(edits), label))
        shown = values.format_topic(topic) or say("forms.no_topic")
        self.notify(say("forms.moved_to_topic", topic=shown), timeout=3)

    def commit(self, input_id: str, text: str) -> str | None:
        remark = self.selected
        if not isinstance(remark, Remark):
            return None
        if input_id == "topic":
            self.set_field(remark, "topic", values.parse_topic(text))
        elif input_id == "author":
            self.set_field(remark, "author", text.strip())
        elif input_id == "received":
            try:
                self.set_field(remark, "received", values.typed_date(text))
            except ValueError:
                return date_problem(text)
        return None

    def flush(self) -> None:
        super().flush()
        remark = self.selected
        if isinstance(remark, Remark):
            self.set_field(remark, "text", self.query_one("#text", TextArea).text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        remark = self.selected
        if isinstance(remark, Remark) and event.text_area.has_focus:
            self.set_field(remark, "text", event.text_area.text)
