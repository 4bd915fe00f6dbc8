"""The user's editor settings: ``config.toml`` under the platform's user config folder.

No Textual here: the CLI reads this before it decides to start the editor. Example::

    theme = "referat-light"     # a theme name from themes/tui or the user's themes folder
    lang = "en"                 # UI language: "da" or "en" (default: from LANG)
    cursor_blink = true         # blink the text cursor (default: yes, but not over SSH)

    [keymap]                    # binding id = key(s), comma separated
    save = "ctrl+w"
    nav.move_up = "ctrl+up,K"

    [send]
    subject = "{type}: {title}{draft}"   # the email's subject (this is the default)
    from = "Sanne Holm <sanne@example.dk>"   # and the rest: see ``send_config.py``

Problems (a broken file, an unknown language) never stop the editor: they are collected in
``Config.problems`` and shown as a notification.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.record import Record
from .toml_read import TOMLDecodeError, loads

if TYPE_CHECKING:
    from .send_config import SendConfig

APP_NAME = "tui-referat"


def config_dir() -> Path:
    """The folder holding ``config.toml`` and the user's ``themes/``."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME))


def config_path() -> Path:
    return config_dir() / "config.toml"


class Config(Record):
    """The user's settings from ``config.toml``, and the problems found reading it."""

    theme: str | None = None
    lang: str | None = None
    #: Blink the text cursor; None: blink unless the editor runs over SSH (``tui/blink.py``).
    cursor_blink: bool | None = None
    #: The email's subject template (``[send] subject``, see ``text/subject.py``).
    subject: str | None = None
    #: Binding id -> key string, for ``App.set_keymap``.
    keymap: dict[str, str] = field(default_factory=dict)
    #: Human-readable problems found while reading the file.
    problems: list[str] = field(default_factory=list)
    path: Path | None = None
    #: ``send`` as read from ``[send]``; None without one (the defaults are made when asked).
    _send: SendConfig | None = field(default=None, repr=False)

    @property
    def send(self) -> SendConfig:
        """How ``referat send`` delivers (the rest of ``[send]``). The sending settings are
        made when first asked for: the editor's start-up needs none (PERFORMANCE.md)."""
        if self._send is None:
            from .send_config import SendConfig

            self._send = SendConfig()
        return self._send

    @send.setter
    def send(self, value: SendConfig) -> None:
        self._send = value


def _flatten(table: dict, prefix: str = "") -> dict[str, object]:
    """``{"nav": {"add": "a"}}`` -> ``{"nav.add": "a"}`` (dotted TOML keys make nested tables)."""
    flat: dict[str, object] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _read_send(config: Config, send: object, path: Path) -> None:
    """``[send]``: the subject template and how ``referat send`` delivers."""
    from ..text.subject import subject_problem
    from .send_config import parse_send

    if not isinstance(send, dict):
        config.problems.append(f"{path}: send: expected a table")
        send = {}
    subject = send.get("subject")
    if isinstance(subject, str) and subject_problem(subject) is None:
        config.subject = subject
    elif subject is not None:
        why = subject_problem(subject) if isinstance(subject, str) else "expected a string"
        config.problems.append(f"{path}: send.subject: {why}")
    config.send, problems = parse_send(send, path.parent)
    config.problems.extend(f"{path}: {problem}" for problem in problems)


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = config_path() if path is None else path
    config = Config(path=path)
    try:
        data = loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as error:
        config.problems.append(f"{path}: {error}")
        return config
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config.theme = theme
    elif theme is not None:
        config.problems.append(f"{path}: theme: expected a theme name")
    lang = data.get("lang")
    if lang in ("da", "en"):
        config.lang = lang
    elif lang is not None:
        config.problems.append(f"{path}: lang: expected 'da' or 'en'")
    blink = data.get("cursor_blink")
    if isinstance(blink, bool):
        config.cursor_blink = blink
    elif blink is not None:
        config.problems.append(f"{path}: cursor_blink: expected true or false")
    if "send" in data:
        _read_send(config, data["send"], path)
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        config.problems.append(f"{path}: keymap: expected a table")
        keymap = {}
    for binding_id, keys in _flatten(keymap).items():
        if isinstance(keys, str) and keys.strip():
            config.keymap[binding_id] = keys.strip()
        else:
            config.problems.append(f"{path}: keymap.{binding_id}: expected a key string")
    return config
