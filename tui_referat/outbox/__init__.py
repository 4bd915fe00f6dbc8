"""Sending the minutes (``referat send``; later the editor's Send dialog). No Textual.

The API, callable from a worker thread::

    plan = plan_send(meeting, config, to=None, cc=(), test_to=None)   # who, what, how
    result = deliver(plan, config.send, progress=None)                # the network
    record_sent(meeting, result, plan)                                # [[sent]] in the model

``plan`` builds the same message as the ``.eml`` export (``export/eml.py``) with real
headers; ``deliver`` never raises for a failure a user can meet: it is ``result.error``
(one line) and ``result.refused``.
"""

from __future__ import annotations

from .deliver import deliver
from .plan import NotReached, PlanError, SendPlan, plan_send, record_sent
from .result import SendResult

__all__ = [
    "NotReached",
    "PlanError",
    "SendPlan",
    "SendResult",
    "deliver",
    "plan_send",
    "record_sent",
]
