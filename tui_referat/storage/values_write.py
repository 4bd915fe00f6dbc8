"""Model values back into TOML: ``make_item`` turns a model value into a new tomlkit item
(the write side of ``values``; reading a file, the editor's start-up, needs none of it).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..text.lazy_pattern import LazyPattern
from ..text.when import format_time
from .values import Field

if TYPE_CHECKING:
    from tomlkit import items as ti


#: Compiled when first used: reading a file needs none of the patterns of writing.
_CONTROL = LazyPattern(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_NO_NL = LazyPattern(r"[\x00-\x08\x0a-\x1f\x7f]")


#: Characters a basic string must escape (tab never; newline only on one line).
_SPECIAL_ONE_LINE = LazyPattern(r'[\\"\x00-\x08\x0a-\x1f\x7f]')
_SPECIAL_MULTILINE = LazyPattern(r'[\\"\x00-\x08\x0b-\x1f\x7f]')
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def _escape_basic(text: str, multiline: bool) -> str:
    """``text`` as the body of a basic string (a regex pass: minutes can be long)."""
    pattern = _SPECIAL_MULTILINE if multiline else _SPECIAL_ONE_LINE
    last = len(text) - 1

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char == "\\":
            return "\\\\"
        if char == '"':
            # In a multi-line string only runs of quotes and a final quote need escaping.
            at = match.start()
            if not multiline or at == last or text[at + 1] == '"':
                return '\\"'
            return char
        return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return pattern.sub(escape, text)


def string_item(text: str) -> ti.String:
    """A new TOML string for ``text``: multi-line when it has a newline, exact round trip."""
    from tomlkit import items as ti

    if "\n" not in text:
        if "\\" in text and "'" not in text and not _CONTROL_NO_NL.search(text):
            return ti.String(ti.StringType.SLL, text, text, ti.Trivia())
        return ti.String(ti.StringType.SLB, text, _escape_basic(text, False), ti.Trivia())
    literal_ok = (
        "\\" in text and "'''" not in text and not text.endswith("'") and not _CONTROL.search(text)
    )
    if literal_ok:
        return ti.String(ti.StringType.MLL, text, "\n" + text, ti.Trivia())
    return ti.String(ti.StringType.MLB, text, "\n" + _escape_basic(text, True), ti.Trivia())


def time_item(moment: dt.time, lang: str) -> Any:
    """A new TOML value for a time of day: the string ``text.when.format_time`` writes ("14.30"
    / "14:30"), or a TOML time when it has seconds or a zone, which that string would lose."""
    from tomlkit import items as ti

    if moment.second or moment.microsecond or moment.tzinfo is not None:
        return ti.item(moment)
    return string_item(format_time(moment, lang))


def _names_item(values: list[str], single_as_string: bool) -> Any:
    from tomlkit import items as ti

    if single_as_string and len(values) == 1:
        return string_item(values[0])
    array = ti.Array([], ti.Trivia())
    for value in values:
        array.append(string_item(value))
    return array


def make_item(field: Field, value: Any, lang: str) -> Any:
    """A new tomlkit item holding ``value`` for ``field``."""
    from tomlkit import items as ti

    kind = field.kind
    if kind == "str":
        return string_item(str(value))
    if kind == "enum":
        return string_item(value.value if isinstance(value, Enum) else str(value))
    if kind in ("bool", "minutes", "count", "date", "datetime"):
        return ti.item(value)
    if kind == "time":
        return time_item(value, lang)
    if kind == "names":
        return _names_item(list(value), False)
    if kind == "topic":
        return _names_item(list(value), True)
    if kind == "labels":
        import tomlkit

        table = tomlkit.inline_table()
        for key, text in value.items():
            table[key] = string_item(text)
        return table
    if kind == "numbers":
        return ti.item([int(v) for v in value])
    raise AssertionError(kind)  # pragma: no cover
