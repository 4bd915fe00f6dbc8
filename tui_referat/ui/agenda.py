"""Agenda operations as edits (pure: no Textual). The main screen applies them with undo."""

from __future__ import annotations

import copy

from ..edits import Insert, Move, Remove
from ..model import AgendaItem, Meeting


def _origins(item: AgendaItem) -> list[object]:
    objects: list[object] = [item, *item.remarks, *item.attachments, *item.actions]
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
