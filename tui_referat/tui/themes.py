"""Editor themes as TOML files, converted to Textual ``Theme`` objects.

Bundled themes live in ``themes/tui/`` (``_bundled/themes/tui`` in an installed wheel); users
may add their own in ``<config dir>/themes/``. A file that cannot be read is reported, never fatal.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from ..storage.config import config_dir
from ..storage.toml_read import TOMLDecodeError, loads

DEFAULT_THEME = "referat"

_THEME_FIELDS = {f.name for f in fields(Theme)}
_COLOUR_FIELDS = {
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
}


def bundled_themes_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    installed = package / "_bundled" / "themes" / "tui"
    return installed if installed.is_dir() else package.parent / "themes" / "tui"


def theme_dirs() -> list[Path]:
    return [bundled_themes_dir(), config_dir() / "themes"]


def _check_colour(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a colour string")
    if not value.startswith("ansi_"):
        try:
            Color.parse(value)
        except ColorParseError as error:
            raise ValueError(f"{where}: {error}") from None
    return value


def theme_from_toml(text: str, source: str = "<theme>") -> Theme:
    """Build a Theme from a theme file's text; raises ValueError with a readable message."""
    try:
        data = loads(text)
    except TOMLDecodeError as error:
        raise ValueError(f"{source}: {error}") from None
    unknown = set(data) - _THEME_FIELDS
    if unknown:
        raise ValueError(f"{source}: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(data.get("name"), str) or not data["name"]:
        raise ValueError(f"{source}: a theme needs a name")
    if "primary" not in data:
        raise ValueError(f"{source}: a theme needs a primary colour")
    for key in _COLOUR_FIELDS & set(data):
        _check_colour(data[key], f"{source}: {key}")
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError(f"{source}: variables must be a table")
    data["variables"] = {str(k): str(v) for k, v in variables.items()}
    try:
        return Theme(**data)
    except TypeError as error:
        raise ValueError(f"{source}: {error}") from None


def load_themes(dirs: list[Path] | None = None) -> tuple[list[Theme], list[str]]:
    """Every readable theme in ``dirs`` and the problems with the others."""
    themes: list[Theme] = []
    problems: list[str] = []
    for folder in theme_dirs() if dirs is None else dirs:
        if not folder.is_dir():
            continue
        # Not glob("*.toml"): its pattern costs 0.15 ms to compile at start-up.
        for path in sorted(p for p in folder.iterdir() if p.name.endswith(".toml")):
            try:
                themes.append(theme_from_toml(path.read_text("utf-8"), str(path)))
            except (OSError, UnicodeDecodeError, ValueError) as error:
                problems.append(str(error))
    return themes, problems
