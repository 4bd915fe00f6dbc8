"""The undo/redo stack of a session (pure Python, no Textual).

Apart from ``edits`` so that opening a meeting does not make the edit classes: they are made
at the first edit (docs/PERFORMANCE.md, "Imports kept out of start-up").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:  # only the type checker needs it: making a Protocol class is costly

    class Undoable(Protocol):
        """An edit (``edits.Edit``): applying it returns its inverse."""

        def apply(self) -> Any: ...


E = TypeVar("E", bound="Undoable")


class History(Generic[E]):
    """An undo/redo stack of applied edits."""

    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._undo: list[E] = []
        self._redo: list[E] = []

    def apply(self, edit: E) -> None:
        self._undo.append(edit.apply())
        del self._undo[: -self.limit]
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> E | None:
        """Undo the last edit; returns the edit that was undone (its inverse applied)."""
        if not self._undo:
            return None
        inverse = self._undo.pop()
        self._redo.append(inverse.apply())
        return inverse

    def redo(self) -> E | None:
        if not self._redo:
            return None
        again = self._redo.pop()
        self._undo.append(again.apply())
        return again
