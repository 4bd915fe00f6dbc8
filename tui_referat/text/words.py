"""Every word referat shows, Danish and English, in one table with one lookup.

The table is ``WORDS`` (``key: (danish, english)``), put together from its parts: the
editor's words (``words_editor``, its forms' in ``words_forms``), the safety dialogs'
(``words_safety``), ``referat send``'s (``words_send``) and the meeting's own words as
minutes and exports show them (``words_meeting``). Look a word up with
``say(key, **fields)`` in the editor's language, ``say_in(lang, key)`` in a given one (a
meeting's), ``say_count(key, n)`` for a count with a singular ``key.one``.
"""

from __future__ import annotations

import os

from .words_editor import EDITOR
from .words_forms import FORMS
from .words_meeting import MEETING
from .words_safety import SAFETY
from .words_send import SEND

#: The languages a meeting (and the editor) can be in.
LANGUAGES: tuple[str, ...] = ("da", "en")

#: The one table (tests/text/test_words.py: no key is in two parts, every entry has both).
WORDS: dict[str, tuple[str, str]] = {**EDITOR, **FORMS, **SAFETY, **MEETING, **SEND}

_lang = "da"


def detect_lang(environ: dict[str, str] | None = None) -> str:
    """The UI language from LC_ALL / LC_MESSAGES / LANG: "da" for Danish, else "en"."""
    env = os.environ if environ is None else environ
    for var in ("REFERAT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "da" if value.lower().startswith(("da", "da_")) else "en"
    return "en"


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGUAGES else "en"


def get_lang() -> str:
    return _lang


def say_count(key: str, n: int, **fields: object) -> str:
    """``say(key, n=n)``, or the singular ``key.one`` when ``n`` is 1 and there is one."""
    if n == 1 and f"{key}.one" in WORDS:
        key = f"{key}.one"
    return say(key, n=n, **fields)


def say(key: str, **fields: object) -> str:
    """The UI string ``key`` in the current UI language."""
    return say_in(_lang, key, **fields)


def say_in(lang: str, key: str, **fields: object) -> str:
    """The UI string ``key`` in ``lang`` ("da" or "en"), e.g. for the palette's other name."""
    da, en = WORDS[key]
    text = da if lang == "da" else en
    return text.format(**fields) if fields else text
