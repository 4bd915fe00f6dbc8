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
from ...model import Remark, RemarkSource
from ..strings import get_lang, t
from . import values
from ._common import date_problem, list_bindings, load_css
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
        """Moves stay inside the remark's topic and source, the order the minutes show."""
        remark = self.entries[index]
        same = [
            i
            for i, other in enumerate(self.entries)
            if other.topic == remark.topic and other.source is remark.source
        ]
        place = same.index(index) + step
        if not 0 <= place < len(same):
            self.notify(t("forms.first_in_group" if step < 0 else "forms.last_in_group"))
            return None
        return same[place]

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
