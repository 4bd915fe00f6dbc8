"""The remarks editor: remarks grouped by topic on top, the selected remark's fields below."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label, Select, TextArea

from ... import i18n
from ...edits import Batch, Edit, Move, SetField
from ...model import Remark, RemarkSource
from ..strings import get_lang, t
from . import values
from ._common import date_problem, index_of, list_bindings, load_css
from .entries import EntriesEditor, EntryList


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
    ATTR = "remarks"
    LIST_CLASS = RemarkList
    WHAT = "forms.remark"
    EMPTY = "forms.remarks.empty"
    LIVE = frozenset({"author"})

    def rows(self) -> Iterable[tuple[Text | str, Any | None]]:
        lang = get_lang()
        deadline = self.meeting.remarks_deadline
        for topic, said, written in self.item.remark_groups():
            heading = values.format_topic(topic) if topic else t("forms.no_topic")
            yield Text(heading, style="bold"), None
            for remark in [*said, *written]:
                line = Text("  ")
                tag = i18n.source_label(remark.source, lang)
                if remark.received is not None:
                    tag += " " + values.format_short_date(remark.received, lang)
                line.append(f"[{tag}]", style="italic")
                if is_late(remark, deadline):
                    line.append(f" ! {t('forms.late')}", style="bold reverse")
                if remark.author:
                    line.append(f" {remark.author}:", style="bold")
                line.append(" " + _first_line(remark.text))
                yield line, remark

    def compose_fields(self) -> ComposeResult:
        lang = get_lang()
        sources = [(i18n.source_label(s, lang), s) for s in RemarkSource]
        yield Horizontal(
            Label(t("forms.topic"), classes="label"),
            Input(id="topic", compact=True, placeholder=t("forms.topic_placeholder")),
            classes="row",
        )
        yield Horizontal(
            Label(t("forms.source"), classes="label"),
            Select(sources, id="source", compact=True, allow_blank=False),
            Label(t("forms.received"), classes="inline-label"),
            Input(id="received", compact=True, classes="date"),
            classes="row",
        )
        yield Horizontal(
            Label(t("forms.author"), classes="label"),
            Input(id="author", compact=True),
            classes="row",
        )
        yield TextArea(
            id="text",
            language="markdown",
            soft_wrap=True,
            tab_behavior="focus",
        )

    def new_entry(self) -> Remark:
        topic = list(self.selected.topic) if isinstance(self.selected, Remark) else []
        return Remark(text="", topic=topic)

    def show_entry(self, entry: Remark, force: bool) -> None:
        lang = get_lang()
        self.show_input("topic", values.format_topic(entry.topic), force)
        self.show_input("received", values.format_date(entry.received, lang), force)
        self.show_input("author", entry.author, force)
        source = self.query_one("#source", Select)
        if source.value != entry.source:
            source.value = entry.source
        text = self.query_one("#text", TextArea)
        if text.text != entry.text and (force or not text.has_focus):
            text.load_text(entry.text)

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
        label = t("forms.move_up_tip" if step < 0 else "forms.move_down_tip")
        if target is not None:
            self.post_edit(Move(self.item, self.ATTR, index, target, label))
            return
        groups = self.item.remark_groups()
        topics = [tuple(topic) for topic, _, _ in groups]
        _, said, written = groups[topics.index(tuple(remark.topic))]
        other = said if remark.source is RemarkSource.WRITTEN else written
        if other and (step < 0) == (remark.source is RemarkSource.WRITTEN):
            # The minutes show a topic's meeting remarks first, then the written ones.
            self.notify(t("forms.source_order"))
            return
        place = topics.index(tuple(remark.topic)) + step
        if not 0 <= place < len(topics):
            key = "forms.first_in_list" if step < 0 else "forms.last_in_list"
            self.notify(t(key))
            return
        topic = list(topics[place])
        members = [i for i, other in enumerate(entries) if other.topic == topic]
        alike = [i for i in members if entries[i].source is remark.source] or members
        # Up: after the topic's last remark of the same source; down: before its first.
        to = alike[-1] + 1 if step < 0 else alike[0]
        if to > index:
            to -= 1  # the remark leaves its old place first
        edits: list[Edit] = [SetField(remark, "topic", topic, t("forms.topic"))]
        if to != index:
            edits.append(Move(self.item, self.ATTR, index, to, label))
        self.post_edit(Batch(tuple(edits), label))
        shown = values.format_topic(topic) or t("forms.no_topic")
        self.notify(t("forms.moved_to_topic", topic=shown), timeout=3)

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
                self.set_field(remark, "received", values.parse_date(text))
            except ValueError:
                return date_problem(text)
        return None

    def flush(self) -> None:
        super().flush()
        remark = self.selected
        if isinstance(remark, Remark):
            source = self.query_one("#source", Select).value
            if isinstance(source, RemarkSource):
                self.set_field(remark, "source", source)
            self.set_field(remark, "text", self.query_one("#text", TextArea).text)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        remark = self.selected
        value = event.select.value
        if isinstance(remark, Remark) and isinstance(value, RemarkSource):
            self.set_field(remark, "source", value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        remark = self.selected
        if isinstance(remark, Remark) and event.text_area.has_focus:
            self.set_field(remark, "text", event.text_area.text)
