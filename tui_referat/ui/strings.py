"""Every string the editor shows, in Danish and English, in one place.

Domain words (section names, attendance, kinds, statuses) come from ``tui_referat.i18n`` so the
editor and the exports always agree. Each entry here is ``key: (danish, english)``.
Use ``t("key")`` (or ``t("key", n=3)`` for ``str.format`` fields).
"""

from __future__ import annotations

import os

_lang = "da"

STRINGS: dict[str, tuple[str, str]] = {
    # --- shell: app, navigation, item editor, dialogs, export, help -----------------------
    "quit": ("Afslut", "Quit"),
    "save": ("Gem", "Save"),
    # --- forms: meeting details, participants, remarks, attachments, actions ----------------
}


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
    _lang = lang if lang in ("da", "en") else "en"


def get_lang() -> str:
    return _lang


def t(key: str, **fields: object) -> str:
    """The UI string ``key`` in the current UI language."""
    da, en = STRINGS[key]
    text = da if _lang == "da" else en
    return text.format(**fields) if fields else text
