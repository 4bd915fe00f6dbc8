"""Whether the text cursor blinks: the config's ``cursor_blink``, or by default not over SSH.

A blinking cursor redraws its cell twice a second, and Textual sends the changed row from the
text's left edge to that cell: 25-170 bytes a blink at 80x24, up to about 340 B/s while the
user only listens (docs/PERFORMANCE.md, "Typing over a slow link"). On a local terminal that
is nothing; over SSH (a hotel, train or phone-tethered link, often metered) it is about 1 MB
an idle hour, and a blink sent just before a key delays that key's echo. So over SSH the
cursor stands still unless the config asks for blinking; everywhere else it blinks as
Textual's do. Typing keeps the cursor lit either way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from textual.widget import Widget


def over_ssh(environ: Mapping[str, str]) -> bool:
    """Does the editor run in an SSH session (sshd sets these for the remote shell)?"""
    return bool(environ.get("SSH_CONNECTION") or environ.get("SSH_TTY"))


def cursor_blink_wanted(setting: bool | None, environ: Mapping[str, str]) -> bool:
    """The config's ``cursor_blink`` when set; otherwise blink unless over SSH."""
    return setting if setting is not None else not over_ssh(environ)


def apply_cursor_blink(widget: Widget) -> None:
    """Set ``widget.cursor_blink`` (a ``TextArea`` or ``Input``) from the app's config and
    the environment; called when the widget is mounted."""
    config = getattr(widget.app, "config", None)
    setting = getattr(config, "cursor_blink", None)
    if setting is not None:
        widget.cursor_blink = setting  # type: ignore[attr-defined]
    elif over_ssh(os.environ):
        widget.cursor_blink = False  # type: ignore[attr-defined]
