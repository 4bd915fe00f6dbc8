"""Equality and repr for the model's dataclasses, written once instead of per class.

``@dataclass`` compiles an ``__init__``, a ``__repr__`` and an ``__eq__`` for each class when
the class is made: Python 3.11 compiles every generated method on its own. The fifteen
classes the editor makes at start-up spent about 2 ms compiling the last two
(docs/PERFORMANCE.md). ``Record`` has both, with the dataclass's behaviour: fields with
``compare=False`` take no part in equality, fields with ``repr=False`` are not shown, and
objects of different classes are not equal. Use it as ``@dataclass(eq=False, repr=False)
class X(Record)``.
"""

from __future__ import annotations

import reprlib
from dataclasses import fields

#: Per class: (the names compared, the names shown), from its fields.
_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = _NAMES.get(cls)
    if names is None:
        found = fields(cls)
        names = _NAMES[cls] = (
            tuple(f.name for f in found if f.compare),
            tuple(f.name for f in found if f.repr),
        )
    return names


class Record:
    """A mutable dataclass's ``==`` and ``repr`` (unhashable, like one with ``eq=True``)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _names(self.__class__)[0]
        return tuple(getattr(self, name) for name in compared) == tuple(
            getattr(other, name) for name in compared
        )

    __hash__ = None  # type: ignore[assignment]

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = _names(self.__class__)[1]
        parts = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({parts})"
