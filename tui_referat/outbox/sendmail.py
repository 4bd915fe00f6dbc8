"""Delivery through a local sendmail-style command (``msmtp -t``, ``sendmail -t -oi``): the
message's bytes on its stdin; with ``-t`` the command reads the recipients from the headers
(``plan_send`` puts exactly the planned ones there). No shell: the command is split with
``shlex``. A non-zero exit is a failure, with the first line of its stderr."""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..text.words import say_in

if TYPE_CHECKING:
    from ..storage.send_config import SendConfig
    from .plan import SendPlan
    from .result import SendResult


def _first_line(data: bytes) -> str:
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0].strip() if text else ""


def deliver(
    plan: SendPlan, config: SendConfig, result: SendResult, report: Callable[[str], None]
) -> None:
    lang = plan.lang
    words = shlex.split(config.sendmail)
    report("send")
    try:
        done = subprocess.run(
            words, input=plan.message, capture_output=True, timeout=config.timeout, check=False
        )
    except FileNotFoundError:
        result.error = say_in(lang, "send.err.sendmail_missing", command=words[0])
        return
    except subprocess.TimeoutExpired:
        result.error = say_in(
            lang, "send.err.sendmail_timeout", command=words[0], seconds=f"{config.timeout:g}"
        )
        return
    except OSError as error:
        result.error = say_in(lang, "send.err.sendmail_missing", command=f"{words[0]} ({error})")
        return
    if done.returncode != 0:
        why = _first_line(done.stderr) or _first_line(done.stdout) or "-"
        result.error = say_in(
            lang, "send.err.sendmail_failed", command=words[0], code=done.returncode, why=why
        )
        return
    result.delivered = plan.envelope_to
