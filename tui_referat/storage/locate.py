"""Find where a field path such as ``items[3].kind`` sits in a TOML source text.

tomlkit keeps no positions, so this scans the text once (it has already parsed) and records
the 1-based line and column of every table header, key value and array element under the
field path the model uses. Unknown paths fall back to their nearest known parent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.lazy_pattern import LazyPattern

Position = tuple[int, int]
#: Compiled when first used: a clean file is read without a position looked up.
_BARE = LazyPattern(r"[A-Za-z0-9_-]+")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r", "b": "\b", "f": "\f"}


class _Scanner:
    def __init__(self, text: str, keys: bool = False) -> None:
        self.text = text
        #: Also note where each ``key = value`` line's key starts (``key_positions``).
        self.keys: dict[str, Position] | None = {} if keys else None
        self.i = 0
        self.n = len(text)
        self.line_starts = [0]
        self.index: dict[str, Position] = {}
        self.counts: dict[str, int] = {}
        #: The field path of the table being scanned (``items[2]``; ``""`` at the top).
        self.table = ""
        for match in re.finditer("\n", text):
            self.line_starts.append(match.end())

    def position(self, offset: int) -> Position:
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.line_starts[lo] + 1

    def record(self, path: str, offset: int) -> None:
        self.index.setdefault(path, self.position(offset))

    # -- lexing -----------------------------------------------------------------------

    def skip_space(self, newlines: bool = False) -> None:
        text, n = self.text, self.n
        while self.i < n:
            char = text[self.i]
            if char in " \t\r" or (newlines and char == "\n"):
                self.i += 1
            elif char == "#" and newlines:
                end = text.find("\n", self.i)
                self.i = n if end < 0 else end
            else:
                return

    def read_key_part(self) -> str:
        text = self.text
        char = text[self.i] if self.i < self.n else ""
        if char == '"':
            self.i += 1
            out = []
            while self.i < self.n and text[self.i] != '"':
                if text[self.i] == "\\" and self.i + 1 < self.n:
                    out.append(_SIMPLE_ESCAPES.get(text[self.i + 1], text[self.i + 1]))
                    self.i += 2
                else:
                    out.append(text[self.i])
                    self.i += 1
            self.i += 1
            return "".join(out)
        if char == "'":
            end = text.find("'", self.i + 1)
            end = self.n if end < 0 else end
            part = text[self.i + 1 : end]
            self.i = end + 1
            return part
        match = _BARE.match(text, self.i)
        if not match:
            self.i += 1
            return ""
        self.i = match.end()
        return match.group()

    def read_key(self) -> list[str]:
        parts = [self.read_key_part()]
        self.skip_space()
        while self.i < self.n and self.text[self.i] == ".":
            self.i += 1
            self.skip_space()
            parts.append(self.read_key_part())
            self.skip_space()
        return parts

    def skip_string(self) -> None:
        text = self.text
        quote = text[self.i]
        if text.startswith(quote * 3, self.i):
            end = self.i + 3
            while True:
                end = text.find(quote * 3, end)
                if end < 0:
                    self.i = self.n
                    return
                if quote == '"' and _escaped(text, end):
                    end += 1
                    continue
                end += 3
                while end < self.n and text[end] == quote and end - self.i < self.n:
                    end += 1
                self.i = end
                return
        end = self.i + 1
        while end < self.n and text[end] != quote and text[end] != "\n":
            if quote == '"' and text[end] == "\\":
                end += 1
            end += 1
        self.i = end + 1

    def skip_value(self, path: str) -> None:
        self.record(path, self.i)
        if self.i >= self.n:
            return
        char = self.text[self.i]
        if char in "\"'":
            self.skip_string()
        elif char == "[":
            self.i += 1
            index = 0
            while True:
                self.skip_space(newlines=True)
                if self.i >= self.n or self.text[self.i] == "]":
                    self.i += 1
                    return
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                self.skip_value(f"{path}[{index}]")
                index += 1
        elif char == "{":
            self.i += 1
            while True:
                self.skip_space(newlines=True)
                if self.i >= self.n or self.text[self.i] == "}":
                    self.i += 1
                    return
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                start = self.i
                key = self.read_key()
                if self.i < self.n and self.text[self.i] == "=":
                    self.i += 1
                self.skip_space()
                self.record(_join(path, key), start)
                self.skip_value(_join(path, key))
        else:
            while self.i < self.n and self.text[self.i] not in ",]}\n#":
                self.i += 1

    def resolve(self, parts: list[str]) -> str:
        path = ""
        for part in parts:
            path = _join(path, [part])
            if path in self.counts:
                path = f"{path}[{self.counts[path] - 1}]"
        return path

    def scan(self) -> dict[str, Position]:
        text = self.text
        while self.i < self.n:
            self.skip_space(newlines=True)
            if self.i >= self.n:
                break
            start = self.i
            if text.startswith("[[", self.i):
                self.i += 2
                self.skip_space()
                parts = self.read_key()
                array = self.resolve(parts[:-1])
                array = _join(array, parts[-1:])
                self.counts[array] = self.counts.get(array, 0) + 1
                self.table = f"{array}[{self.counts[array] - 1}]"
                self.record(self.table, start)
                self.record(array, start)
            elif text[self.i] == "[":
                self.i += 1
                self.skip_space()
                self.table = self.resolve(self.read_key())
                self.record(self.table, start)
            else:
                key = self.read_key()
                path = _join(self.table, key)
                if self.keys is not None:
                    self.keys.setdefault(path, self.position(start))
                for depth in range(1, len(key)):  # a.b.c = 1: a and a.b sit here too
                    self.record(_join(self.table, key[:depth]), start)
                if self.i < self.n and text[self.i] == "=":
                    self.i += 1
                self.skip_space()
                self.skip_value(path)
            end = text.find("\n", self.i)
            self.i = self.n if end < 0 else end + 1
        return self.index


def _escaped(text: str, index: int) -> bool:
    count = 0
    while index > 0 and text[index - 1] == "\\":
        count += 1
        index -= 1
    return count % 2 == 1


def _join(prefix: str, parts: list[str]) -> str:
    tail = ".".join(parts)
    return f"{prefix}.{tail}" if prefix else tail


def field_positions(text: str) -> dict[str, Position]:
    """Every field path in ``text`` mapped to its (line, column), both 1-based."""
    try:
        return _Scanner(text).scan()
    except Exception:  # a locator must never be the reason for a traceback
        return {}


def key_positions(text: str) -> Callable[[str], Position | None]:
    """Like ``make_locator``, but a ``key = value`` is found at its key, not its value (for
    messages about the key itself, such as an unknown key)."""
    try:
        scanner = _Scanner(text, keys=True)
        index = scanner.scan()
        keys = scanner.keys or {}
    except Exception:  # a locator must never be the reason for a traceback
        index, keys = {}, {}

    def locate(path: str) -> Position | None:
        while path:
            found = keys.get(path) or index.get(path)
            if found is not None:
                return found
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    return locate


def make_locator(text: str) -> Callable[[str], Position | None]:
    """A function from field path to position, built lazily on first use."""
    cache: dict[str, Position] | None = None

    def locate(path: str) -> Position | None:
        nonlocal cache
        if cache is None:
            cache = field_positions(text)
        while path:
            if path in cache:
                return cache[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    return locate


def field_at_line(text: str, line: int) -> tuple[str, int] | None:
    """The field path of the ``key = value`` written on ``line`` (1-based) of ``text``, and
    the column where its value starts; None when the line holds no such key.

    For messages about a line TOML cannot read: the text before it is scanned (linear), the
    line itself only up to its ``=``.
    """
    try:
        start = 0
        for _ in range(line - 1):
            start = text.index("\n", start) + 1
        before = _Scanner(text[:start])
        before.scan()
        end = text.find("\n", start)
        row = _Scanner(text[start : len(text) if end < 0 else end])
        row.skip_space()
        if row.i >= row.n or row.text[row.i] in "[#":
            return None
        key = row.read_key()
        row.skip_space()
        if not all(key) or row.i >= row.n or row.text[row.i] != "=":
            return None
        row.i += 1
        row.skip_space()
        return _join(before.table, key), row.i + 1
    except Exception:  # a message must never be the reason for a traceback
        return None
