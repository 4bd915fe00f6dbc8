"""The ``[send]`` table of the user's config: how ``referat send`` delivers the minutes.

Example::

    [send]
    from = "Sanne Holm <sanne@example.dk>"
    reply_to = "sekretariat@example.dk"      # optional
    host = "smtp.example.dk"
    port = 587                               # default: 587 starttls, 465 tls, 25 none
    security = "starttls"                    # "starttls" | "tls" | "none"
    user = "sanne@example.dk"
    password_command = "pass show smtp"      # else the environment: REFERAT_SMTP_PASSWORD
    timeout = 30                             # seconds
    cafile = "/etc/ssl/our-ca.pem"           # a CA to trust (a server with its own CA)
    # sendmail = "msmtp -t"                  # instead of SMTP: the message on its stdin
    on_review = false                        # F8 (send for review) also sends

A password written in the file is refused: it belongs in a password manager or the
environment. Every bad value is a problem (a line of ``Config.problems``), never an error.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..text.addresses import split_addresses

SECURITIES: tuple[str, ...] = ("starttls", "tls", "none")
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0
#: The environment variable holding the SMTP password (when no ``password_command``).
PASSWORD_ENV = "REFERAT_SMTP_PASSWORD"

_KEYS = (
    "subject",
    "from",
    "reply_to",
    "host",
    "port",
    "security",
    "user",
    "password_command",
    "sendmail",
    "timeout",
    "cafile",
    "on_review",
)


@dataclass
class SendConfig:
    """The parsed ``[send]`` table; an absent or bad value holds its default."""

    from_: str = ""
    reply_to: str = ""
    host: str = ""
    #: None: the default of ``security`` (``effective_port``).
    port: int | None = None
    security: str = "starttls"
    user: str = ""
    password_command: str = ""
    #: A sendmail-style command (``msmtp -t``): used instead of SMTP when set.
    sendmail: str = ""
    timeout: float = DEFAULT_TIMEOUT
    cafile: str = ""
    on_review: bool = False

    @property
    def effective_port(self) -> int:
        return self.port if self.port is not None else DEFAULT_PORTS[self.security]

    def transport(self) -> str:
        """ "SMTP smtp.example.dk:587 STARTTLS as user" or "sendmail: msmtp -t"."""
        if self.sendmail:
            return f"sendmail: {self.sendmail}"
        security = {"starttls": "STARTTLS", "tls": "TLS", "none": "plain"}[self.security]
        who = f" as {self.user}" if self.user else ""
        return f"SMTP {self.host}:{self.effective_port} {security}{who}"


def _text(send: dict[str, Any], key: str, problems: list[str]) -> str:
    value = send.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    problems.append(f"send.{key}: expected a string")
    return ""


def _one_address(value: str, key: str, problems: list[str]) -> str:
    if not value:
        return ""
    found, wrong = split_addresses(value)
    if len(found) != 1 or wrong:
        problems.append(f"send.{key}: expected one email address like 'Name <a@b.dk>'")
        return ""
    return value


def _command(value: str, key: str, problems: list[str]) -> str:
    if not value:
        return ""
    try:
        words = shlex.split(value)
    except ValueError as error:
        problems.append(f"send.{key}: cannot split the command: {error}")
        return ""
    if not words:
        problems.append(f"send.{key}: expected a command")
        return ""
    return value


def parse_send(send: dict[str, Any], base: Path | None = None) -> tuple[SendConfig, list[str]]:
    """The ``[send]`` table as a ``SendConfig``, and the problems (without the file name)."""
    problems: list[str] = []
    config = SendConfig()
    if "password" in send:
        problems.append(
            f"send.password: a password is not kept in the config file in clear; use "
            f"password_command (e.g. 'pass show smtp') or the environment ({PASSWORD_ENV})"
        )
    for key in send:
        if key not in _KEYS and key != "password":
            problems.append(f"send.{key}: unknown key (known: {', '.join(_KEYS)})")
    config.from_ = _one_address(_text(send, "from", problems), "from", problems)
    config.reply_to = _one_address(_text(send, "reply_to", problems), "reply_to", problems)
    config.host = _text(send, "host", problems)
    config.user = _text(send, "user", problems)
    config.password_command = _command(
        _text(send, "password_command", problems), "password_command", problems
    )
    config.sendmail = _command(_text(send, "sendmail", problems), "sendmail", problems)
    security = send.get("security")
    if security in SECURITIES:
        config.security = security
    elif security is not None:
        problems.append("send.security: expected 'starttls', 'tls' or 'none'")
    port = send.get("port")
    if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536:
        config.port = port
    elif port is not None:
        problems.append("send.port: expected a port number (1-65535)")
    timeout = send.get("timeout")
    if isinstance(timeout, int | float) and not isinstance(timeout, bool) and timeout > 0:
        config.timeout = float(timeout)
    elif timeout is not None:
        problems.append("send.timeout: expected a number of seconds above 0")
    cafile = _text(send, "cafile", problems)
    if cafile:
        path = Path(cafile).expanduser()
        if not path.is_absolute() and base is not None:
            path = base / path
        if path.is_file():
            config.cafile = str(path)
        else:
            problems.append(f"send.cafile: no such file: {cafile}")
    on_review = send.get("on_review")
    if isinstance(on_review, bool):
        config.on_review = on_review
    elif on_review is not None:
        problems.append("send.on_review: expected true or false")
    return config, problems


def sending_problem(config: SendConfig) -> str | None:
    """What is missing before anything can be sent, or None."""
    if not config.from_:
        return "send.from is not set: the address the minutes are sent from"
    if not config.sendmail and not config.host:
        return "send.host is not set (or set send.sendmail, e.g. 'msmtp -t')"
    return None
