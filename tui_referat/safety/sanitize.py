"""Make hostile text inert for display: no escape sequence or control character reaches the
terminal raw.

A meeting file is text anyone may have written. ``inert`` replaces the C0 controls (except
newline and tab), DEL and the C1 controls with visible symbols, so ``ESC [ 2 J`` shows as
``␛[2J`` instead of clearing the screen. ``one_line`` also folds newlines for single-line places
(navigation, table cells, titles). Bidirectional overrides, which can make text read differently
from what it is, are shown as visible markers too.
"""

from __future__ import annotations

from ..text.lazy_pattern import LazyPattern

#: C0 controls become the Control Pictures block: NUL -> ␀, ESC -> ␛, ... ; DEL -> ␡.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"
#: C1 controls (0x80-0x9F, e.g. the one-byte CSI 0x9B) have no pictures: show their code.
_TABLE.update({code: f"<{code:02X}>" for code in range(0x80, 0xA0)})
#: Bidirectional embeddings, overrides and isolates, and the line/paragraph separators.
_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_TABLE.update({code: f"<U+{code:04X}>" for code in _BIDI})
_TABLE[0x2028] = "\u2424"
_TABLE[0x2029] = "\u2424"

_KEEP_LINES = dict(_TABLE)
del _KEEP_LINES[0x0A]
del _KEEP_LINES[0x09]
_ALL = dict(_TABLE)
_ONE_LINE = dict(_TABLE)
_ONE_LINE[0x0A] = " "
_ONE_LINE[0x09] = " "

_UNSAFE = LazyPattern("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_ANY = LazyPattern("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def has_controls(text: str) -> bool:
    """Whether ``text`` holds anything ``inert`` would replace (newline and tab aside)."""
    return _UNSAFE.search(text) is not None


def has_any_controls(text: str) -> bool:
    """Whether ``text`` holds any control character, newline and tab included."""
    return _ANY.search(text) is not None


def inert(text: str) -> str:
    """``text`` with every control character but newline and tab made visible and harmless."""
    if not has_controls(text):
        return text
    return text.translate(_KEEP_LINES)


def one_line(text: str) -> str:
    """``inert`` for single-line display: newlines and tabs become spaces as well."""
    return text.translate(_ONE_LINE)


def inert_all(text: str) -> str:
    """Every control character made visible, newline and tab too (for rendered cells)."""
    return text.translate(_ALL)


#: Zero-width characters, invisible on a terminal, which can hide or join text unseen; with
#: the left-to-right and right-to-left marks. Shown as ``<U+200B>`` in command-line output.
_ZERO_WIDTH = (*range(0x200B, 0x2010), *range(0x2060, 0x2065), 0xFEFF)
_TERMINAL = dict(_KEEP_LINES)
_TERMINAL.update({code: f"<U+{code:04X}>" for code in _ZERO_WIDTH})
_TERMINAL_LINE = dict(_TERMINAL)
_TERMINAL_LINE[0x0A] = "\u2424"
_TERMINAL_SOME = LazyPattern(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\u200b-\u200f\u2060-\u2064\ufeff]"
)


def for_terminal(text: str) -> str:
    """``inert`` for a terminal: zero-width characters and bidi marks made visible too."""
    if _TERMINAL_SOME.search(text) is None:
        return text
    return text.translate(_TERMINAL)


def terminal_line(text: str) -> str:
    """``for_terminal`` for one line of a report: a newline shows as ␤ (tabs stay)."""
    return text.translate(_TERMINAL_LINE)
