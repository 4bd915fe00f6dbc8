"""Deliver a planned message: SMTP (``smtp.py``) or a sendmail-style command
(``sendmail.py``), chosen by the config. Never raises for a failure a user can meet."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .result import SendResult

if TYPE_CHECKING:
    from ..storage.send_config import SendConfig
    from .plan import SendPlan


#: ``progress`` gets one of these stages: "connect", "login", "send", "done".
Progress = Callable[[str], None]


def deliver(plan: SendPlan, config: SendConfig, progress: Progress | None = None) -> SendResult:
    """Send ``plan.message`` to ``plan.envelope_to`` the way ``config`` says."""
    from . import sendmail, smtp

    result = SendResult(message_id=plan.message_id, at=plan.at)
    report = progress or (lambda stage: None)
    if config.sendmail:
        sendmail.deliver(plan, config, result, report)
    else:
        smtp.deliver(plan, config, result, report)
    report("done")
    return result
