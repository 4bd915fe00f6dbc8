"""What a send did: ``SendResult`` (filled in by the transports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class SendResult:
    """What happened: the addresses that got the message, those refused (address ->
    the server's reason), and ``error`` (one line) when the send failed as a whole."""

    message_id: str
    at: dt.datetime
    delivered: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.refused and bool(self.delivered)
