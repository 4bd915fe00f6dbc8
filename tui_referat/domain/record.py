"""Equality and repr for the model's dataclasses, written once instead of per class.

``@dataclass`` compiles an ``__init__``, a ``__repr__`` and an ``__eq__`` for each class when
the class is made: Python 3.11 compiles every generated method on its own. The fifteen
classes the editor makes at start-up spent about 2 ms compiling the last two
(docs/PERFORMANCE.md). ``Record`` has both, with the dataclass's behaviour: fields with
``compare=False`` take no part in equality, fields with ``repr=False`` are not shown, and
objects of different classes are not equal. Use it as ``@dataclass(eq=False, repr=False)
class X(Record)``. ``Frozen`` is the same for a read-only value (a frozen dataclass's
``==``, hash and repr, by the attributes it names), written with ``__slots__``.
"""

from __future__ import annotations

import reprlib
from dataclasses import fields
from typing import Any, ClassVar

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


class Frozen:
    """A read-only value compared, hashed and shown by the attributes named in ``_FIELDS``,
    as a frozen dataclass is, without the six methods such a class compiles when it is made
    (about 1 ms a class at start-up). ``__init__`` sets the attributes with ``_set``."""

    __slots__ = ()
    _FIELDS: ClassVar[tuple[str, ...]] = ()

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {name}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {name}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__qualname__}({shown})"
