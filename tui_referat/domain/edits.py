"""Edits to a meeting as values: apply one, get its inverse back (for undo).

Pure Python, no Textual. The editor's widgets describe a change as one of these and post it;
one place applies it to the model, marks the meeting dirty and keeps the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .history import History as History  # the undo stack (no edit classes at start-up)


@dataclass(frozen=True)
class SetField:
    """Set ``target.name = value`` (e.g. an item's ``minutes`` or a participant's ``title``)."""

    target: Any
    name: str
    value: Any
    label: str = ""

    def apply(self) -> SetField:
        old = getattr(self.target, self.name)
        setattr(self.target, self.name, self.value)
        return SetField(self.target, self.name, old, self.label)


@dataclass(frozen=True)
class Insert:
    """Insert ``value`` into the list ``owner.attr`` at ``index`` (len(list) appends)."""

    owner: Any
    attr: str
    index: int
    value: Any
    label: str = ""

    def apply(self) -> Remove:
        items = getattr(self.owner, self.attr)
        index = max(0, min(self.index, len(items)))
        items.insert(index, self.value)
        return Remove(self.owner, self.attr, index, self.label)


@dataclass(frozen=True)
class Remove:
    """Remove the element at ``index`` from the list ``owner.attr``."""

    owner: Any
    attr: str
    index: int
    label: str = ""

    def apply(self) -> Insert:
        items = getattr(self.owner, self.attr)
        value = items.pop(self.index)
        return Insert(self.owner, self.attr, self.index, value, self.label)


@dataclass(frozen=True)
class Move:
    """Move the element at ``index`` of ``owner.attr`` to ``to`` (clamped to the list)."""

    owner: Any
    attr: str
    index: int
    to: int
    label: str = ""

    def apply(self) -> Move:
        items = getattr(self.owner, self.attr)
        to = max(0, min(self.to, len(items) - 1))
        items.insert(to, items.pop(self.index))
        return Move(self.owner, self.attr, to, self.index, self.label)


@dataclass(frozen=True)
class Batch:
    """Several edits as one step (one undo): applied in order, undone in reverse order.

    E.g. approving the minutes sets ``status`` and ``approved`` together.
    """

    edits: tuple[Edit, ...]
    label: str = ""

    def apply(self) -> Batch:
        inverses = [edit.apply() for edit in self.edits]
        return Batch(tuple(reversed(inverses)), self.label)


Edit = SetField | Insert | Remove | Move | Batch
