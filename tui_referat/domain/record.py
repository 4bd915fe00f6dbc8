"""``__init__``, equality and repr for the model's dataclasses, written once instead of per class.

``@dataclass`` compiles an ``__init__``, a ``__repr__`` and an ``__eq__`` for each class when
the class is made: Python 3.11 compiles every generated method on its own. The thirteen
classes the editor makes at start-up spent about 5 ms compiling them (docs/PERFORMANCE.md).
A subclass of ``Record`` is a dataclass (made so when the class is made: write ``class
X(Record)`` with annotated fields and ``field(...)`` as for ``@dataclass``), and ``Record``
has the three methods, with the dataclass's behaviour: arguments by position in field order
or by name, defaults and default factories; fields with ``compare=False`` take no part in
equality, fields with ``repr=False`` are not shown, and objects of different classes are not
equal. ``dataclasses.fields``, ``replace`` and ``asdict`` work as for any dataclass.
``Frozen`` is the same for a read-only value (a frozen dataclass's ``==``, hash and repr, by
the attributes it names), written with ``__slots__``.
"""

from __future__ import annotations

import reprlib
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, ClassVar, dataclass_transform

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


#: Per class: its fields' names in order, and the defaults by name, each (is a factory, value).
_INIT: dict[type, tuple[tuple[str, ...], dict[str, tuple[bool, Any]]]] = {}


def _init_plan(cls: type) -> tuple[tuple[str, ...], dict[str, tuple[bool, Any]]]:
    names: list[str] = []
    defaults: dict[str, tuple[bool, Any]] = {}
    for found in fields(cls):
        names.append(found.name)
        if found.default is not MISSING:
            defaults[found.name] = (False, found.default)
        elif found.default_factory is not MISSING:
            defaults[found.name] = (True, found.default_factory)
    plan = _INIT[cls] = (tuple(names), defaults)
    return plan


@dataclass_transform(field_specifiers=(field,))
class Record:
    """A mutable dataclass's ``__init__``, ``==`` and ``repr`` (unhashable, like one with
    ``eq=True``); every subclass is made a dataclass."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(cls, init=False, eq=False, repr=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = self.__class__
        names, defaults = _INIT.get(cls) or _init_plan(cls)
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, {len(args)} given")
        values = self.__dict__
        for name, value in zip(names, args, strict=False):
            values[name] = value
        for name, value in kwargs.items():
            if name in values or name not in names:
                raise TypeError(f"{cls.__name__}() got an unexpected or repeated {name!r}")
            values[name] = value
        if len(values) < len(names):
            for name in names:
                if name not in values:
                    if name not in defaults:
                        raise TypeError(f"{cls.__name__}() missing argument {name!r}")
                    factory, default = defaults[name]
                    values[name] = default() if factory else default

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
