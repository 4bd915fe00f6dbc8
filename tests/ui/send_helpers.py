"""Helpers for the Send dialog's tests: the user's config file (under the isolated config
folder), the received message's text, waiting for a condition while the app runs."""

from __future__ import annotations

import email
import time
from collections.abc import Callable
from email import policy
from pathlib import Path

from tui_referat.storage.config import Config, config_path, load_config

from ..conftest import screen_lines


def user_config(text: str) -> Config:
    """Write ``text`` as the user's config.toml (in the test's own config folder) and read it
    as the editor does at start."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_config()


def smtp_config(port: int, extra: str = "") -> Config:
    return user_config(
        f'[send]\nfrom = "Sanne Holm <sanne@example.dk>"\nhost = "127.0.0.1"\nport = {port}\n'
        f'security = "none"\ntimeout = 5\n{extra}'
    )


def plain_text(raw: bytes) -> str:
    message = email.message_from_bytes(raw, policy=policy.default)
    return message.get_body(("plain",)).get_content()


async def until(pilot, condition: Callable[[], bool], timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``condition()`` holds (a worker reports back); fail after
    ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        await pilot.pause(0.05)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    """The whole screen as one text (the dialog over the editor)."""
    return "\n".join(screen_lines(app))


def status(app) -> str:  # type: ignore[no-untyped-def]
    from textual.widgets import Label

    return str(app.screen.query_one("#send-status", Label).render())


def on_disk(path: Path) -> str:
    return path.read_text(encoding="utf-8")
