"""A real SMTP server on loopback (aiosmtpd, ``loopback.py``), started by the tests, and a
meeting to send."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .loopback import CERT, DATA, KEY, PASSWORD, USER, Inbox, Server, free_port, smtp_server

__all__ = ["CERT", "DATA", "KEY", "PASSWORD", "USER", "Inbox", "Server", "free_port", "smtp_server"]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    """The Danish working-group sample in tmp_path (its participants have emails)."""
    target = tmp_path / "arbejdsgruppe.toml"
    shutil.copy(SAMPLES / "arbejdsgruppe.toml", target)
    if (SAMPLES / "bilag").is_dir():
        shutil.copytree(SAMPLES / "bilag", tmp_path / "bilag")
    return target


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def smtp_config(tmp_path: Path, port: int, security: str = "none", extra: str = "") -> Path:
    return write_config(
        tmp_path,
        f'[send]\nfrom = "Sanne Holm <sanne@example.dk>"\nhost = "127.0.0.1"\nport = {port}\n'
        f'security = "{security}"\ntimeout = 5\n{extra}',
    )


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """What ``referat send`` says, in English (the UI language) unless a test says so."""
    monkeypatch.setenv("REFERAT_LANG", "en")
