"""Export themes: CSS files in ``themes/export/`` (``--theme NAME`` picks ``NAME.css``)."""

from __future__ import annotations

import re
from pathlib import Path

DEFAULT_THEME = "memo"

_PACKAGE = Path(__file__).resolve().parent.parent
#: A source checkout keeps themes next to the package; a wheel bundles them inside it.
THEME_DIRS: tuple[Path, ...] = (
    _PACKAGE.parent / "themes" / "export",
    _PACKAGE / "_bundled" / "themes" / "export",
)


class UnknownThemeError(ValueError):
    """No export theme of that name."""


def available() -> list[str]:
    names = {p.stem for d in THEME_DIRS if d.is_dir() for p in d.glob("*.css")}
    return sorted(names)


def load_css(name: str | None) -> str:
    """The CSS of export theme ``name`` (the default theme when None)."""
    name = name or DEFAULT_THEME
    if re.fullmatch(r"[A-Za-z0-9_-]+", name):
        for folder in THEME_DIRS:
            path = folder / f"{name}.css"
            if path.is_file():
                return path.read_text(encoding="utf-8")
    choices = ", ".join(available()) or "none found"
    raise UnknownThemeError(f"unknown export theme {name!r} (available: {choices})")
