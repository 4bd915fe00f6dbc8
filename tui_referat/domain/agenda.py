"""Agenda operations as edits (pure: no Textual). The main screen applies them with undo."""

from __future__ import annotations

import copy

from .edits import Batch, Insert, Move, Remove, SetField
from .model import AgendaItem, Meeting


def _origins(item: AgendaItem) -> list[object]:
    objects: list[object] = [item, *item.remarks, *item.attachments, *item.actions]
    if item.vote is not None:
        objects.append(item.vote)
    return [obj.origin for obj in objects if getattr(obj, "origin", None) is not None]


def fresh_copy(item: AgendaItem) -> AgendaItem:
    """A deep copy of ``item`` that storage sees as new (no ``origin`` handles copied)."""
    memo: dict[int, object] = {id(origin): None for origin in _origins(item)}
    return copy.deepcopy(item, memo)


def add_item(meeting: Meeting, after: int, title: str) -> Insert:
    """A new item after index ``after`` (-1: at the end)."""
    index = len(meeting.items) if after < 0 else after + 1
    return Insert(meeting, "items", index, AgendaItem(title=title), label="add")


def duplicate_item(meeting: Meeting, index: int) -> Insert:
    return Insert(meeting, "items", index + 1, fresh_copy(meeting.items[index]), label="duplicate")


def delete_item(meeting: Meeting, index: int) -> Remove:
    return Remove(meeting, "items", index, label="delete")


def move_item(meeting: Meeting, index: int, delta: int) -> Move | None:
    """Move the item at ``index`` by ``delta``; None when it would leave the agenda."""
    to = index + delta
    if not 0 <= to < len(meeting.items):
        return None
    return Move(meeting, "items", index, to, label="move")


def index_of(items: list, obj: object) -> int:
    """The index of ``obj`` in ``items`` by identity; -1 when it is not there."""
    for index, candidate in enumerate(items):
        if candidate is obj:
            return index
    return -1


def _owning_item(meeting: Meeting, target: object) -> AgendaItem | None:
    for item in meeting.items:
        if item is target:
            return item
        for entry in (*item.remarks, *item.attachments, *item.actions):
            if entry is target:
                return item
    return None


def affected_item(meeting: Meeting, edit: object) -> AgendaItem | None:
    """The agenda item to show after ``edit`` was applied by an undo or redo, if any.

    An item put back is shown; after an added item was taken away, the one before it; a moved
    item where it went; a changed item (or remark, attachment, action of one) itself.
    """
    if isinstance(edit, Batch):
        for part in edit.edits:
            found = affected_item(meeting, part)
            if found is not None:
                return found
        return None
    if isinstance(edit, Insert | Remove | Move):
        if edit.owner is meeting and edit.attr == "items":
            items = meeting.items
            if isinstance(edit, Insert):
                return edit.value if index_of(items, edit.value) >= 0 else None
            if isinstance(edit, Move):
                return items[max(0, min(edit.to, len(items) - 1))] if items else None
            return items[max(0, min(edit.index - 1, len(items) - 1))] if items else None
        return _owning_item(meeting, edit.owner)
    if isinstance(edit, SetField):
        return _owning_item(meeting, edit.target)
    return None
