"""The meeting around the items, as the Markdown export writes it: the header block and the
title, the facts, the agenda, the participants, and the closing lines (next meeting,
deadline). A part of ``_Reader`` (``importer/__init__.py``), which holds the state.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..domain.model import (
    HEADER_KEYS,
    Attendance,
    CaseField,
    Meeting,
)
from ..text.presence import parse_held
from ..text.when import split_time_range
from . import extras, parts
from .values import (
    date_or_none,
    deadline_of,
    inline_of,
    is_confidential_line,
    label_key,
    label_lines,
    only_child,
    parse_next_meeting,
    plain,
    slug,
    time_or_none,
)

_FACTS = ("date", "time", "location", "chair", "secretary")
_CLOSING = ("next_meeting", "remarks_deadline")
#: The group headings of participants_layout = "grouped", and the attendance each says.
_GROUPS = {
    "group.present": Attendance.PRESENT,
    "group.apologies": Attendance.APOLOGIES,
    "group.absent": Attendance.ABSENT,
}
_KIND_SUFFIX = re.compile(r"\s\(([ODBodb])\)(?=\s|$)")


class MeetingParts:
    """The reader's methods for the meeting's own parts; the state is the reader's."""

    meeting: Meeting

    def _preamble(self, nodes: list[SyntaxTreeNode]) -> None:
        for node in nodes:
            strong = only_child(inline_of(node), "strong") if node.type == "paragraph" else None
            if strong is not None and (
                self._marker(plain(strong)) or is_confidential_line(plain(strong))
            ):
                continue  # the items themselves say which are closed
            pairs = label_lines(node)
            if pairs is not None:
                for label, value in pairs:
                    key = label_key(label, tuple(f"header.{k}" for k in HEADER_KEYS))
                    if key:
                        self.meeting.header.append(CaseField(key[len("header.") :], value))
                    else:
                        self.meeting.header.append(CaseField(slug(label), value, label=label))
                continue
            self.keep([node], "text before the title")

    def _marker(self, text: str) -> bool:
        found = extras.marker(text)
        if found is not None:
            status, approved = found
            if status is not None:
                self.meeting.status, self.meeting.approved = status, approved
        return found is not None

    def _title(self, node: SyntaxTreeNode) -> None:
        if self.meeting.title:
            self.keep([node], "a second title")
            return
        self.meeting.title = plain(inline_of(node)).strip()

    def _facts(self, nodes: list[SyntaxTreeNode]) -> None:
        meeting = self.meeting
        for position, node in enumerate(nodes):
            text = plain(inline_of(node)) if node.type == "paragraph" else ""
            held = parse_held(meeting.lang, text) if text else None
            if held is not None:  # "Mødet startede kl. 18.35 og sluttede kl. 21.35."
                meeting.started, meeting.ended = held
                continue
            pairs = label_lines(node) if position == 0 else None
            known = pairs and all(label_key(label, _FACTS, meeting.lang) for label, _ in pairs)
            if not known:
                self.keep([node], "text after the title not understood")
                continue
            for label, value in pairs or []:
                key = label_key(label, _FACTS, meeting.lang)
                if key == "date":
                    meeting.date = date_or_none(value)
                    if meeting.date is None:
                        self.warn(node, f"date not understood: {value!r}")
                elif key == "time":
                    meeting.start, meeting.end, rest = split_time_range(value)
                    if meeting.start is None:  # a single time, also a bare "13"
                        meeting.start, rest = time_or_none(value), ""
                    if meeting.start is None or rest.strip():
                        self.warn(node, f"time not understood: {value!r}")
                elif key in ("location", "chair", "secretary"):
                    setattr(meeting, key, value)

    def _part(self, node: SyntaxTreeNode, body: list[SyntaxTreeNode]) -> None:
        heading = plain(inline_of(node)).strip()
        key = label_key(heading, ("agenda", "participants"), self.meeting.lang)
        if key == "agenda":
            self._agenda(body)
        elif key == "participants":
            self._participants(body)
        else:
            self._item(node, heading, body)

    def _agenda(self, nodes: list[SyntaxTreeNode]) -> None:
        for node in nodes:
            if node.type == "table":
                rows = [
                    [plain(inline_of(cell)).strip() for cell in row.children]
                    for section in node.children
                    if section.type == "tbody"
                    for row in section.children
                ]
                for row in rows:
                    if len(row) == 2:  # no "Ca. tid" column: no item had a time
                        row = [row[0], "", row[1]]
                    number, time, activity = [*row, "", "", ""][:3]
                    line = (node.map[0] + 1) if node.map else 1
                    self.agenda.append((number.rstrip("."), time_or_none(time), activity, line))
            elif node.type == "ordered_list":
                for child in node.children:
                    text = " ".join(plain(parts.first_inline(child)).split())
                    clock, end, rest = split_time_range(text)
                    if end is not None or rest[:1] not in ("", " "):
                        clock = None  # a range, or "13.50," glued to a word: no time
                    activity = rest.strip() if clock and rest.strip() else text
                    number = str(len(self.agenda) + 1)
                    self.agenda.append((number, clock, activity, (child.map or [0])[0] + 1))
            elif node.type == "paragraph" and extras.handled_runs(self.text_of([node])):
                self.handled = self.text_of([node])
            else:
                self.keep([node], "unexpected text in the agenda")

    def _participants(self, nodes: list[SyntaxTreeNode]) -> None:
        group: Attendance | None = None  # under a group heading of the grouped layout
        for node in nodes:
            if node.type == "heading" and node.tag == "h3":
                key = label_key(plain(inline_of(node)), tuple(_GROUPS), self.meeting.lang)
                if key is not None:
                    self.meeting.participants_layout = "grouped"
                    group = _GROUPS[key]
                    continue
            if node.type not in ("bullet_list", "ordered_list"):
                self.keep([node], "unexpected text among the participants")
                continue
            for child in node.children:
                person = parts.participant(child, self.meeting.lang)
                if person is None:
                    self.keep([child], "a participant without a name")
                    continue
                if group is not None and person.attendance is Attendance.PRESENT:
                    person.attendance = group  # the group heading says it, not the line
                self.meeting.participants.append(person)

    # -- items -----------------------------------------------------------------------------

    # -- the end ---------------------------------------------------------------------------

    def _closing(self, nodes: list[SyntaxTreeNode], check: bool = False) -> bool:
        """Read ``Næste møde: …`` lines after the closing rule; False if they are not that."""
        if len(nodes) != 1:
            return False
        pairs = label_lines(nodes[0])
        if not pairs or not all(label_key(label, _CLOSING) for label, _ in pairs):
            return False
        if check:
            return True
        for label, value in pairs:
            if label_key(label, _CLOSING) == "next_meeting":
                self.meeting.next_meeting = parse_next_meeting(value)
            else:
                self.meeting.remarks_deadline = deadline_of(value)
                if self.meeting.remarks_deadline is None:
                    self.warn(nodes[0], f"deadline not understood: {value!r}")
        return True
