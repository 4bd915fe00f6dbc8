"""A real SMTP server on loopback (aiosmtpd), started by a test on a free port: the
``smtp_server`` fixture, shared by ``referat send``'s tests and the editor's Send dialog's.
Import the fixture into a test module (or a conftest) to use it."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

DATA = Path(__file__).parent / "data"
CERT = DATA / "localhost.pem"
KEY = DATA / "localhost.key"
USER, PASSWORD = "sanne", "hemmelig"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Inbox:
    """What the server received: (envelope sender, recipients, message bytes) each."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    drop_on_data: bool = False
    #: Set: the server waits at DATA until ``release`` is set (a slow server); ``at_data``
    #: tells the test the client got there.
    hold: bool = False
    at_data: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.at_data.set()
        if self.hold:
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 30)
        if self.drop_on_data:
            server.transport.close()
            return "421 gone"
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def _authenticator(used: list[str]) -> Callable[..., AuthResult]:
    """Accepts USER/PASSWORD; notes each AUTH mechanism the client used in ``used``."""

    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        used.append(mechanism)
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            PASSWORD.encode(),
        )
        return AuthResult(success=ok, handled=False)

    return check


def _server_context() -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERT, KEY)
    return context


@dataclass
class Server:
    inbox: Inbox
    port: int
    #: The AUTH mechanisms clients used ("PLAIN", "LOGIN").
    auth_used: list[str] = field(default_factory=list)


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., Server]]:
    """Start a server: ``security`` "none", "starttls" or "tls"; ``auth`` for a login, with
    only the AUTH ``mechanisms`` given (default: aiosmtpd's, LOGIN and PLAIN)."""
    started: list[Controller] = []

    def start(
        security: str = "none", auth: bool = False, mechanisms: tuple[str, ...] = ()
    ) -> Server:
        inbox = Inbox()
        port = free_port()
        used: list[str] = []
        options: dict[str, Any] = {}
        if auth:
            options.update(
                authenticator=_authenticator(used), auth_require_tls=security == "starttls"
            )
            if mechanisms:
                offered = {"LOGIN", "PLAIN"}
                options.update(auth_exclude_mechanism=sorted(offered - set(mechanisms)))
        if security == "starttls":
            options.update(tls_context=_server_context(), require_starttls=True)
        if security == "tls":
            options.update(ssl_context=_server_context())
        controller = Controller(
            inbox, hostname="127.0.0.1", port=port, server_hostname="localhost", **options
        )
        controller.start()
        started.append(controller)
        return Server(inbox, port, used)

    yield start
    for controller in started:
        controller.stop()
