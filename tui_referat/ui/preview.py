"""The preview: an agenda item rendered with the exports' own Markdown configuration.

Links never open a browser (the editor often runs on a server over SSH).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Markdown

from .. import i18n
from ..model import AgendaItem, Meeting


def parser_factory() -> Callable[[], Any] | None:
    """The exports' Markdown parser factory from ``tui_referat.markdown``, when it exists."""
    try:
        from .. import markdown as shared
    except ImportError:
        return None
    for name in ("make_parser", "parser", "new_parser", "create_parser", "md_parser"):
        factory = getattr(shared, name, None)
        if callable(factory):
            return factory
    return None


def item_markdown(meeting: Meeting, index: int, lang: str | None = None) -> str:
    """One agenda item as the Markdown the minutes show (headings, sections, remarks …)."""
    lang = lang or meeting.lang
    item: AgendaItem = meeting.items[index]
    label = lambda key: i18n.label(key, lang)  # noqa: E731
    kind = f" ({item.kind.value})" if item.kind else ""
    lines = [f"## {index + 1}. {item.title}{kind}", ""]
    times = meeting.planned_times()
    facts = []
    if times[index] is not None:
        facts.append(f"{label('planned_time')} {i18n.format_time(times[index], lang)}")
    if item.presenters:
        facts.append(label("presenter_prefix") + ", ".join(item.presenters))
    if facts:
        lines += ["*" + " · ".join(facts) + "*", ""]
    for key in ("recommendation", "problem", "solution", "minutes", "next_steps"):
        text = item.section(key).strip()
        if text:
            lines += [f"**{label(key)}**", "", text, ""]
    if item.remarks:
        lines += [f"**{label('remarks')}**", ""]
        for topic, said, written in item.remark_groups():
            if topic:
                lines += [f"*{' / '.join(topic)}*", ""]
            for remark in [*said, *written]:
                tag = i18n.source_label(remark.source, lang)
                who = f"{remark.author}: " if remark.author else ""
                lines += [f"- [{tag}] {who}{remark.text.strip()}"]
            lines.append("")
    if item.remarks_note.strip():  # shown after the remarks, even when there are none
        if not item.remarks:
            lines += [f"**{label('remarks')}**", ""]
        lines += [item.remarks_note.strip(), ""]
    if item.attachments:
        lines += [f"**{label('attachments')}**", ""]
        for number, attachment in enumerate(item.attachments):
            lines.append(f"- {meeting.attachment_number(index, number)} {attachment.title}")
        lines.append("")
    if item.actions:
        lines += [f"**{label('actions')}**", ""]
        for action in item.actions:
            box = "x" if action.done else " "
            owner = f" ({action.owner})" if action.owner else ""
            lines.append(f"- [{box}] {action.text}{owner}")
        lines.append("")
    return "\n".join(lines)


class ItemPreview(VerticalScroll):
    """A scrolling, read-only Markdown view of one item."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")

    def compose(self):  # type: ignore[no-untyped-def]
        yield Markdown("", parser_factory=parser_factory(), open_links=False)

    def show(self, meeting: Meeting, index: int) -> None:
        self.query_one(Markdown).update(item_markdown(meeting, index))

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.notify(event.href, title="Link")
