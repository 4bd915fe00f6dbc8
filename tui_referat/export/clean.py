"""Control characters out of a meeting before any export (see ``clean_meeting``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from ..domain.model import Meeting

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\ue00f]")
_CONTROL_CHARS = tuple(
    chr(c) for c in (*range(0xA0), *range(0xE000, 0xE010)) if _CONTROL.match(chr(c))
)


def strip_control(text: str) -> str:
    """Remove terminal control characters (C0 and C1, ESC included) except newline and tab,
    and the private-use characters U+E000-U+E00F the exporters use to mark places in their
    work (text holding them would otherwise be cut or moved)."""
    return _CONTROL.sub("", text.replace("\r\n", "\n"))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The fields of a model class that hold its data; () for anything but a dataclass."""
    names = _FIELDS.get(cls)
    if names is None:
        names = ()
        if dataclasses.is_dataclass(cls):
            fields = dataclasses.fields(cls)
            names = tuple(f.name for f in fields if f.init and f.name != "origin")
        _FIELDS[cls] = names
    return names


def _strings(value: Any, out: list[str]) -> None:
    """Append every string inside ``value`` (model objects, lists) to ``out``."""
    kind = type(value)
    if kind is str:
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    elif isinstance(value, dict):  # the labels of [sections]
        for item in value.values():
            _strings(item, out)
    else:
        for name in _field_names(kind):
            item = getattr(value, name)
            if type(item) is str:
                out.append(item)
            elif item is not None and type(item) not in _PLAIN:
                _strings(item, out)


#: Field types that hold no strings (checked by ``type() is``: the str enums are not str).
_PLAIN = frozenset({int, bool, float, dt.date, dt.time, dt.datetime})


def _joined(strings: list[str], size: int = 1 << 16) -> Iterator[str]:
    """``strings`` joined into texts of about ``size`` characters (a longer one alone)."""
    batch: list[str] = []
    length = 0
    for text in strings:
        batch.append(text)
        length += len(text)
        if length >= size:
            yield "".join(batch) if len(batch) > 1 else text
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def _dirty(value: Any) -> bool:
    """True when some string inside ``value`` holds a control or marker character."""
    strings: list[str] = []
    _strings(value, strings)
    # One substring search per character: far faster than a regex. The strings are joined
    # a batch at a time (a big meeting's whole text would be one more copy of it).
    return any(char in text for text in _joined(strings) for char in _CONTROL_CHARS)


def _clean(value: Any) -> Any:
    if type(value) is str:  # not the str enums (Status, Kind …)
        return strip_control(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {key: _clean(v) for key, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {name: _clean(getattr(value, name)) for name in _field_names(type(value))}
        return dataclasses.replace(value, **changes, origin=None)
    return value


def clean_meeting(meeting: Meeting) -> Meeting:
    """``meeting`` with control characters (and the exporters' marker characters, see
    ``strip_control``) removed from every string (a copy if needed).

    Every export is built from the cleaned meeting and the exporters' own constants, so no
    output can carry a terminal control sequence.
    """
    return _clean(meeting) if _dirty(meeting) else meeting
