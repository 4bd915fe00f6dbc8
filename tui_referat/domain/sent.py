"""A record of one sending of the minutes (``[[sent]]`` in the meeting file). Part of the
model (``domain/model.py`` re-exports it): the file's history, not the minutes' content, so
the exports never show it."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Any

from .record import Record

#: The meeting's status values, as a ``[[sent]]`` record keeps them (``Status``'s values).
SENT_STATUSES: tuple[str, ...] = ("draft", "review", "approved")


class Sent(Record):
    """When the minutes went out, to whom (only the addresses that got them), in which
    status, under which Message-ID; ``test`` for a copy sent with ``--test-to``."""

    at: dt.datetime | None = None
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    status: str = "draft"
    message_id: str = ""
    test: bool = False
    origin: Any = field(default=None, compare=False, repr=False)
