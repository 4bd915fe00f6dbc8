"""The preview: an agenda item rendered with the exports' own Markdown configuration.

Links never open a browser (the editor often runs on a server over SSH).

Keys: ↑ ↓ PgUp PgDn Home End scroll it while it has the focus. Where it takes the place of
the item's text (narrow screens) it takes the focus the text had, so the keys scroll it at
once, and F2 (the preview gone) gives the focus back to the text. Where it sits beside the
text (wide screens) the focus stays in the text: the secretary writes on and watches the
result; the preview is one Tab stop of the item editor (or a click) away.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Markdown

from ...domain.model import SECTIONS, AgendaItem, Meeting
from ...export.doc_parts import with_protocol
from ...text import i18n
from ...text.markdown_html import parser
from ...text.votes import format_vote
from ...text.words import say_in
from .item_editor import ItemEditor

#: The sections the preview shows, in order, when the meeting has no order of its own.
PREVIEW_ORDER = (
    "case",
    "recommendation",
    "decision",
    "problem",
    "solution",
    "minutes",
    "next_steps",
)


def item_markdown(meeting: Meeting, index: int, lang: str | None = None) -> str:
    """One agenda item as the Markdown the minutes show (headings, sections, remarks …)."""
    lang = lang or meeting.lang
    item: AgendaItem = meeting.items[index]
    label = lambda key: say_in(lang, key)  # noqa: E731
    kind = f" ({item.kind.value})" if item.kind else ""
    lines = [f"## {index + 1}. {item.title}{kind}", ""]
    times = meeting.planned_times()
    facts = []
    if times[index] is not None:
        facts.append(f"{label('planned_time')} {i18n.format_time(times[index], lang)}")
    if item.presenters:
        facts.append(label("presenter_prefix") + ", ".join(item.presenters))
    away = [person.name for person in meeting.absent_at(index + 1) if person.name.strip()]
    if away:  # the presence events say someone was away for this item
        facts.append(f"{label('absent_for_item')}: {', '.join(away)}")
    if facts:
        lines += ["*" + " · ".join(facts) + "*", ""]
    own = meeting.sections.labels if meeting.sections is not None else {}
    keys = PREVIEW_ORDER
    if meeting.sections is not None and meeting.sections.order:  # the meeting's own order
        keys = tuple(key for key in meeting.item_layout(item) if key in SECTIONS)
    for key in keys:
        text = item.section(key).strip()
        vote = item.vote if key == "decision" else None
        if vote is not None:
            counts = (vote.for_, vote.against, vote.abstain)
            names = (vote.for_names, vote.against_names, vote.abstain_names)
            text = "\n\n".join(t for t in (text, format_vote(lang, counts, names)) if t)
        decided = bool(item.decision.strip()) or item.vote is not None
        if (key == "decision" and text) or (key == "minutes" and not decided):
            text = with_protocol(text, item, lang).strip()  # under the decision, or the minutes
        if text:
            lines += [f"**{own.get(key, '').strip() or label(key)}**", "", text, ""]
    if item.remark_groups() or item.remarks_intro.strip():
        lines += [f"**{label('remarks')}**", ""]
        if item.remarks_intro.strip():
            lines += [item.remarks_intro.strip(), ""]
        for topic, said, written in item.remark_groups():
            if topic:
                lines += [f"*{' / '.join(topic)}*", ""]
            for remark in [*said, *written]:
                tag = i18n.source_label(remark.source, lang)
                who = f"{remark.author}: " if remark.author else ""
                lines += [f"- [{tag}] {who}{remark.text.strip()}"]
            lines.append("")
    if item.remarks_note.strip():  # shown after the remarks, even when there are none
        if not (item.remark_groups() or item.remarks_intro.strip()):
            lines += [f"**{label('remarks')}**", ""]
        lines += [item.remarks_note.strip(), ""]
    if item.attachments:
        lines += [f"**{label('attachments')}**", ""]
        for number, attachment in enumerate(item.attachments):
            late = f" ({label('late_attachment')})" if attachment.late else ""
            lines.append(f"- {meeting.attachment_number(index, number)} {attachment.title}{late}")
        lines.append("")
    if item.actions:
        lines += [f"**{label('actions')}**", ""]
        for action in item.actions:
            box = "x" if action.done else " "
            owner = f" ({action.owner})" if action.owner else ""
            lines.append(f"- [{box}] {action.text}{owner}")
        lines.append("")
    return "\n".join(lines)


def displayed(widget: Widget) -> bool:
    """Whether ``widget`` is shown: it and every container up to its screen displayed."""
    node: Any = widget
    while isinstance(node, Widget) and not isinstance(node, Screen):
        if not node.display or not node.visible:
            return False
        node = node.parent
    return True


class ItemPreview(VerticalScroll, can_focus=True, inherit_bindings=False):
    """A scrolling, read-only Markdown view of one item (see the module for its focus)."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "preview.up", show=False, id="preview.up"),
        Binding("down", "scroll_down", "preview.down", show=False, id="preview.down"),
        Binding("pageup", "page_up", "preview.page_up", show=False, id="preview.page_up"),
        Binding("pagedown", "page_down", "preview.page_down", show=False, id="preview.page_down"),
        Binding("home", "scroll_home", "preview.home", show=False, id="preview.home"),
        Binding("end", "scroll_end", "preview.end", show=False, id="preview.end"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: The editor the preview belongs to (its item editor); set on mount.
        self._area: Widget | None = None
        #: The widget of the editor that had the focus last (not the preview).
        self._last_focus: Widget | None = None
        #: Where the focus goes back to when the preview goes.
        self._return_to: Widget | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield Markdown("", parser_factory=parser, open_links=False)  # the exports' own

    # -- focus ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        try:
            self._area = self.query_ancestor(ItemEditor)
        except NoMatches:
            self._area = self.parent if isinstance(self.parent, Widget) else None
        self.watch(self.screen, "focused", self._focus_moved)

    def _in_area(self, widget: Widget | None) -> bool:
        area = self._area
        return (
            widget is not None
            and area is not None
            and widget is not self
            and self not in widget.ancestors
            and area in widget.ancestors
        )

    def _focus_moved(self, focused: Widget | None) -> None:
        """Take the focus when it was lost to, or went into, the text the preview covers."""
        if self._in_area(focused):
            self._last_focus = focused
        if self._focus_lost(focused):
            self.call_later(self._take_focus)

    def _covers_text(self) -> bool:
        """Whether the preview is shown in place of the item's tabs (narrow screens)."""
        tabs = getattr(self._area, "tabs", None)
        return displayed(self) and isinstance(tabs, Widget) and not displayed(tabs)

    def _focus_lost(self, focused: Widget | None) -> bool:
        """True when the preview shows and the focus is nowhere (the text it covers had it:
        Textual drops the focus of a widget that is hidden) or in a hidden part of the item
        editor (Enter in the agenda puts it in the text under the preview)."""
        if not self.is_attached or not displayed(self):
            return False
        if focused is None:
            return self._covers_text()
        return self._in_area(focused) and not displayed(focused)

    def _take_focus(self) -> None:
        focused = self.screen.focused
        if focused is self or not self._focus_lost(focused):
            return
        self._return_to = focused if focused is not None else self._last_focus
        self.focus(scroll_visible=False)

    def on_show(self) -> None:
        self._focus_moved(self.screen.focused)

    def on_hide(self) -> None:
        """Hidden while it has the focus (F2 again): the focus goes back to the text.
        (Runs before Textual's own handler, which would drop the focus.)"""
        back = self._return_to
        self._return_to = None
        if not self.has_focus:
            return
        if back is not None and back.is_attached and displayed(back):
            back.focus(scroll_visible=False)
            return
        area = self._area
        tabs = getattr(area, "tabs", None)
        if area is not None and isinstance(tabs, Widget) and displayed(tabs):
            area.open_section(tabs.active)  # type: ignore[attr-defined]

    # -- content ------------------------------------------------------------------------

    def show(self, meeting: Meeting, index: int) -> None:
        self.query_one(Markdown).update(item_markdown(meeting, index))

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.notify(event.href, title="Link")
