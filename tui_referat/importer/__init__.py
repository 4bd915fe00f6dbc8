"""Markdown minutes -> Meeting: reads the layout ``referat export --format md`` writes.

Pure: text in, a :class:`Meeting` and warnings out. The document is parsed with markdown-it
(line maps kept); the layout is read block by block (see docs/IMPORT.md):

- before the ``#`` title: ``**Referat · UDKAST**`` (language and status) and the case header
  as ``Label: value`` lines; after it the facts (date, time, place, chair, secretary);
- ``## Dagsorden``: the agenda table (number, planned time, "title (K) v/presenters");
- ``## Deltagere``: one participant per list item;
- ``## Pkt. N Title v/Presenters``: an item; its ``###`` sections (Markdown copied verbatim
  from the source lines), remarks, actions and attachments;
- ``---`` and ``Næste møde: …`` / ``Frist for skriftlige bemærkninger: …`` at the end.

Anything else is kept as text in the nearest section and reported as a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ..domain.model import (
    LAYOUT_MARK,
    SECTIONS,
    AgendaItem,
    Kind,
    Meeting,
    SectionLayout,
    Vote,
)
from ..text.votes import parse_vote
from ..text.words import say_in
from . import extras, parts
from .meeting_parts import _KIND_SUFFIX, MeetingParts
from .values import (
    closed_title,
    confidential_mark,
    inline_of,
    label_key,
    label_lang,
    only_child,
    plain,
    split_presenters,
)

_ITEM_SECTIONS = (*SECTIONS, "remarks", "actions", "attachments", "absent_for_item")
_ITEM_HEADING = re.compile(r"^(?:(?:pkt\.?|punkt|item)\s*)?(\d+)\s*[.:)]?\s+(.+)$", re.I)
_LAYOUT_NOTE = re.compile(rf"<!--\s*{re.escape(LAYOUT_MARK)}\s+(\{{.*\}})\s*-->\s*", re.S)


def layout_of(html: str) -> SectionLayout | None:
    """The ``[sections]`` in the Markdown export's layout note, or None when ``html`` is not
    one (or not one this version understands)."""
    match = _LAYOUT_NOTE.fullmatch(html.strip() + "\n")
    if match is None:
        return None
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return None
    order = data.get("order", []) if isinstance(data, dict) else None
    labels = data.get("labels", {}) if isinstance(data, dict) else None
    if not isinstance(order, list) or not all(isinstance(k, str) for k in order):
        return None
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        return None
    return SectionLayout(order=order, labels=labels)


@dataclass
class ImportResult:
    meeting: Meeting
    #: (1-based line, message) for every part kept as text or not understood.
    warnings: list[tuple[int, str]] = field(default_factory=list)


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.normalizeLink = lambda url: url  # keep link targets as written (no %-encoding)
    return md


@dataclass
class _Item:
    item: AgendaItem
    number: int | None
    line: int
    extra: dict[str, list[str]] = field(default_factory=dict)


class _Reader(MeetingParts):
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.nodes = list(SyntaxTreeNode(_parser().parse(text)).children)
        self.meeting = Meeting(title="", lang="da")
        self.warnings: list[tuple[int, str]] = []
        self.items: list[_Item] = []
        self.agenda: list[tuple[str, dt.time | None, str, int]] = []
        self.orphans: list[str] = []
        self.handled = ""  # the handled-order sentence under the agenda

    # -- helpers ---------------------------------------------------------------------------

    def warn(self, node: SyntaxTreeNode | None, message: str) -> None:
        line = (node.map[0] + 1) if node is not None and node.map else 1
        self.warnings.append((line, message))

    def text_of(self, nodes: list[SyntaxTreeNode]) -> str:
        return parts.source_text(self.lines, nodes)

    def keep(self, nodes: list[SyntaxTreeNode], why: str, key: str = "") -> None:
        """Keep ``nodes`` as text in the nearest section, with a warning."""
        if not nodes:
            return
        text = self.text_of(nodes)
        if not text.strip():
            return
        where = say_in(self.meeting.lang, key or "minutes")
        if self.items:
            target = self.items[-1]
            target.extra.setdefault(key or "minutes", []).append(text)
            self.warn(nodes[0], f"{why}; kept as text in item {len(self.items)}, {where}")
        else:
            self.orphans.append(text)
            self.warn(nodes[0], f"{why}; kept as text in the first item's {where}")

    # -- the document ----------------------------------------------------------------------

    def read(self) -> ImportResult:
        self._detect_lang()
        self._layout()
        nodes = self.nodes
        index = 0
        phase = "start"
        while index < len(nodes):
            node = nodes[index]
            if node.type == "heading" and node.tag in ("h1", "h2"):
                end = self._section_end(index + 1)
                body = nodes[index + 1 : end]
                if node.tag == "h1":
                    self._title(node)
                    self._facts(body)
                    phase = "meeting"
                else:
                    self._part(node, body)
                    phase = "items"
                index = end
                continue
            if node.type == "hr" and self._closing(nodes[index + 1 :]):
                break
            if phase == "start":
                end = self._section_end(index)
                self._preamble(nodes[index:end])
                index = end
                continue
            self.keep([node], f"unexpected {node.type.replace('_', ' ')}")
            index += 1
        return self._finish()

    def _section_end(self, start: int) -> int:
        """The index of the next h1/h2 heading or closing rule at or after ``start``."""
        for index in range(start, len(self.nodes)):
            node = self.nodes[index]
            if node.type == "heading" and node.tag in ("h1", "h2"):
                return index
            if node.type == "hr" and self._closing(self.nodes[index + 1 :], check=True):
                return index
        return len(self.nodes)

    def _detect_lang(self) -> None:
        """The language of the labels: the "Referat · …" line, else a known heading."""
        keys = ("minutes_doc", "agenda", "participants", *_ITEM_SECTIONS)
        for node in self.nodes:
            if node.type == "paragraph":
                strong = only_child(inline_of(node), "strong")
                text = plain(strong).partition("·")[0] if strong else ""
                keys_here: tuple[str, ...] = ("minutes_doc",)
            elif node.type == "heading" and node.tag in ("h2", "h3"):
                text, keys_here = plain(inline_of(node)), keys
            else:
                continue
            for key in keys_here:
                lang = label_lang(text, key)
                if lang:
                    self.meeting.lang = lang
                    return

    def _layout(self) -> None:
        """Take the export's note of the meeting's own sections out of the blocks (the first
        one found; the section headings are then read with its labels)."""
        for index, node in enumerate(self.nodes):
            if node.type == "html_block":
                layout = layout_of(node.content)
                if layout is not None:
                    self.meeting.sections = layout
                    del self.nodes[index]
                    return

    def _section_key(self, label: str) -> str | None:
        """The section a ``###`` heading names: the meeting's own labels first."""
        layout = self.meeting.sections
        if layout is not None:
            for key, own in layout.labels.items():
                if key in _ITEM_SECTIONS and own.strip().casefold() == label.casefold():
                    return key
        return label_key(label, _ITEM_SECTIONS, self.meeting.lang)

    def _item(self, node: SyntaxTreeNode, heading: str, body: list[SyntaxTreeNode]) -> None:
        heading, confidential = confidential_mark(heading)
        match = _ITEM_HEADING.match(heading)
        number = int(match.group(1)) if match else None
        title, presenters = split_presenters(match.group(2) if match else heading)
        kind = _KIND_SUFFIX.search(title)
        if kind is None or kind.end() != len(title):
            kind = None
        else:  # hand-written "Økonomi (B)"
            title = title[: kind.start()].rstrip()
        item = AgendaItem(title=title, presenters=presenters, closed=confidential)
        entry = _Item(item, number, node.map[0] + 1)
        if kind is not None:
            entry.item.kind = Kind(kind.group(1).upper())
        self.items.append(entry)
        key = ""
        chunk: list[SyntaxTreeNode] = []
        for child in [*body, None]:
            if child is not None and not (child.type == "heading" and child.tag == "h3"):
                chunk.append(child)
                continue
            self._section(entry, key, chunk)
            if child is None:
                break
            label = plain(inline_of(child)).strip()
            found = self._section_key(label)
            if found is None or found in entry.extra or self._filled(entry.item, found):
                chunk = [child]
                key = "?"
            else:
                chunk, key = [], found

    @staticmethod
    def _filled(item: AgendaItem, key: str) -> bool:
        if key in SECTIONS:
            return bool(item.section(key))
        if key == "remarks":  # protocol remarks come from the decision or the minutes
            return bool(item.remark_groups() or item.remarks_note or item.remarks_intro)
        return bool(getattr(item, key, None))

    def _section(self, entry: _Item, key: str, nodes: list[SyntaxTreeNode]) -> None:
        item = entry.item
        if key == "?":
            self.keep(nodes, "unknown section heading", self._nearest(entry))
        elif key == "":
            self.keep(nodes, "text before the item's first section")
        elif key in SECTIONS:
            tail: list[SyntaxTreeNode] = []
            if key == "minutes":  # remarks right after the minutes, without their heading
                nodes, tail = extras.remarks_after_minutes(nodes, self.lines, self.text_of)
            nodes, protocol = extras.protocol_nodes(nodes, self.text_of)
            item.remarks += protocol
            if tail:
                self._section(entry, "remarks", tail)
            if key == "decision" and nodes and nodes[-1].type == "paragraph":
                vote = parse_vote(self.text_of(nodes[-1:]))
                if vote is not None:  # the vote line the exports write under the decision
                    (yes, no, abstain), (yes_n, no_n, abstain_n) = vote
                    item.vote = Vote(yes, no, abstain, yes_n, no_n, abstain_n)
                    nodes = nodes[:-1]
            item.set_section(key, self.text_of(nodes))
        elif key == "absent_for_item":
            pass  # follows from the presence events
        elif key == "remarks":
            intro, nodes = extras.split_intro(nodes)
            item.remarks_intro = self.text_of(intro)
            found, rest = parts.remarks(self.lines, nodes)
            item.remarks += found
            item.remarks_note, item.remarks_deadline = extras.item_deadline(self.text_of(rest))
        elif key in ("actions", "attachments"):
            for node in nodes:
                if node.type != "bullet_list":
                    self.keep([node], f"unexpected text in {key}", self._nearest(entry))
                    continue
                for child in node.children:
                    if key == "actions":
                        item.actions.append(parts.action(child))
                    else:
                        attachment = parts.attachment(child)
                        attachment.title, attachment.late = extras.late_title(attachment.title)
                        item.attachments.append(attachment)
        if key in SECTIONS:
            entry.extra.setdefault(key, [])

    @staticmethod
    def _nearest(entry: _Item) -> str:
        """The last Markdown section the item has so far (minutes when none)."""
        opened = [key for key in entry.extra if key in SECTIONS]
        return opened[-1] if opened else "minutes"

    def _finish(self) -> ImportResult:
        meeting = self.meeting
        rows = {number: (clock, activity, line) for number, clock, activity, line in self.agenda}
        matched = {str(entry.number) for entry in self.items if entry.number is not None}
        for number, _clock, activity, line in self.agenda:
            if number in matched:
                continue
            if self.items:
                self.warnings.append((line, "an agenda row without its item; added the item"))
            activity, confidential = confidential_mark(activity)
            title, presenters = split_presenters(_KIND_SUFFIX.sub("", activity, count=1))
            value = int(number) if number.isdigit() else None
            item = AgendaItem(title, presenters=presenters, closed=confidential)
            entry = _Item(item, value, line)
            later = [k for k, e in enumerate(self.items) if (e.number or 0) > (value or 0)]
            self.items.insert(later[0] if later and value else len(self.items), entry)
        for entry in self.items:
            row = rows.get(str(entry.number)) if entry.number is not None else None
            if row is None:
                continue
            clock, activity, _line = row
            kind = _KIND_SUFFIX.search(activity)
            if kind:
                entry.item.kind = Kind(kind.group(1).upper())
            entry.item.time = clock
        if self.orphans:
            if not self.items:
                title = say_in(meeting.lang, "minutes_doc")
                self.items.append(_Item(AgendaItem(title), None, 1))
            self.items[0].extra.setdefault("minutes", [])[:0] = self.orphans
        for entry in self.items:
            public = None if entry.item.closed else closed_title(entry.item.title)
            if public is not None:  # a public export's "Lukket punkt" (or its public title)
                entry.item.closed, entry.item.public_title = True, public
                entry.item.title = public or entry.item.title
            for key, texts in entry.extra.items():
                if key in SECTIONS and texts:
                    own = entry.item.section(key)
                    entry.item.set_section(key, "\n\n".join(t for t in [own, *texts] if t))
            meeting.items.append(entry.item)
        if self.handled:
            meeting.handled_order = extras.handled_order(self.handled, len(meeting.items)) or []
        return ImportResult(meeting, sorted(self.warnings))


def import_markdown(text: str) -> ImportResult:
    """Read Markdown minutes into a meeting; warnings say what was kept as text."""
    return _Reader(text.replace("\r\n", "\n")).read()
