"""Delivery over SMTP with ``smtplib``: implicit TLS (``security = "tls"``), STARTTLS
(the default) or plain; certificates checked against the system's CAs, or ``cafile``; login
when ``user`` is set. Every failure becomes one line in ``result.error``."""

from __future__ import annotations

import os
import shlex
import smtplib
import socket
import ssl
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..storage.send_config import PASSWORD_ENV
from ..text.words import say_in

if TYPE_CHECKING:
    from ..storage.send_config import SendConfig
    from .plan import SendPlan
    from .result import SendResult


class _Failed(Exception):
    """A failure already said in words (the message)."""


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {' '.join(text.split())}".strip()


def password(config: SendConfig, lang: str) -> str:
    """The password: the first line of ``password_command``'s output when it is set, else
    the environment's ``REFERAT_SMTP_PASSWORD``; ``_Failed`` when there is none."""
    if config.password_command:
        words = shlex.split(config.password_command)
        try:
            done = subprocess.run(
                words,
                capture_output=True,
                timeout=config.timeout,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise _Failed(say_in(lang, "send.err.password_command", why=str(error))) from None
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = why[0] if why else f"exit {done.returncode}"
            raise _Failed(say_in(lang, "send.err.password_command", why=detail))
        lines = done.stdout.decode("utf-8", "replace").splitlines()
        if not lines or not lines[0]:
            raise _Failed(say_in(lang, "send.err.password_command", why="no output"))
        return lines[0]
    secret = os.environ.get(PASSWORD_ENV, "")
    if not secret:
        raise _Failed(say_in(lang, "send.err.no_password", user=config.user))
    return secret


def _context(config: SendConfig) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=config.cafile or None)


def _connect(config: SendConfig) -> smtplib.SMTP:
    host, port, timeout = config.host, config.effective_port, config.timeout
    if config.security == "tls":
        return smtplib.SMTP_SSL(host, port, timeout=timeout, context=_context(config))
    client = smtplib.SMTP(host, port, timeout=timeout)
    if config.security == "starttls":
        client.ehlo()
        client.starttls(context=_context(config))
        client.ehlo()
    return client


def _session(
    plan: SendPlan, config: SendConfig, result: SendResult, report: Callable[[str], None]
) -> None:
    lang = plan.lang
    secret = password(config, lang) if config.user else ""
    report("connect")
    client = _connect(config)
    try:
        if config.user:
            report("login")
            client.login(config.user, secret)
        report("send")
        sender = _sender(plan.sender)
        wanted = plan.envelope_to
        refused = client.sendmail(sender, wanted, plan.message)
        result.refused = {addr: _reply(*why) for addr, why in refused.items()}
        result.delivered = [addr for addr in wanted if addr not in refused]
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()


def _sender(written: str) -> str:
    from ..text.addresses import split_addresses

    found = split_addresses(written)[0]
    return found[0][1] if found else written


def deliver(
    plan: SendPlan, config: SendConfig, result: SendResult, report: Callable[[str], None]
) -> None:
    lang = plan.lang
    server = f"{config.host}:{config.effective_port}"
    try:
        _session(plan, config, result, report)
    except _Failed as failed:
        result.error = str(failed)
    except smtplib.SMTPRecipientsRefused as error:
        result.refused = {addr: _reply(*why) for addr, why in error.recipients.items()}
        result.delivered = []
        result.error = say_in(lang, "send.err.all_refused")
    except smtplib.SMTPAuthenticationError as error:
        why = _reply(error.smtp_code, error.smtp_error)
        result.error = say_in(lang, "send.err.auth", user=config.user, why=why)
    except smtplib.SMTPNotSupportedError as error:
        key = "send.err.no_starttls" if "STARTTLS" in str(error) else "send.err.no_auth"
        result.error = say_in(lang, key, server=server)
    except smtplib.SMTPSenderRefused as error:
        why = _reply(error.smtp_code, error.smtp_error)
        result.error = say_in(lang, "send.err.sender", addr=plan.sender, why=why)
    except smtplib.SMTPDataError as error:
        result.error = say_in(lang, "send.err.data", why=_reply(error.smtp_code, error.smtp_error))
    except smtplib.SMTPServerDisconnected as error:
        if "timed out" in str(error):  # smtplib words a read timeout so
            seconds = f"{config.timeout:g}"
            result.error = say_in(lang, "send.err.timeout", server=server, seconds=seconds)
        else:
            result.error = say_in(lang, "send.err.disconnected", server=server)
    except smtplib.SMTPResponseException as error:
        why = _reply(error.smtp_code, error.smtp_error)
        result.error = say_in(lang, "send.err.smtp", server=server, why=why)
    except smtplib.SMTPException as error:
        result.error = say_in(lang, "send.err.smtp", server=server, why=str(error))
    except ssl.SSLCertVerificationError as error:
        result.error = say_in(lang, "send.err.cert", why=error.verify_message or str(error))
    except ssl.SSLError as error:
        result.error = say_in(lang, "send.err.tls", server=server, why=error.reason or str(error))
    except socket.gaierror as error:
        result.error = say_in(lang, "send.err.dns", host=config.host, why=error.strerror)
    except ConnectionRefusedError:
        result.error = say_in(lang, "send.err.refused_conn", server=server)
    except TimeoutError:
        seconds = f"{config.timeout:g}"
        result.error = say_in(lang, "send.err.timeout", server=server, seconds=seconds)
    except OSError as error:
        result.error = say_in(lang, "send.err.network", server=server, why=error.strerror or error)
    if result.error is not None and not result.refused:
        result.delivered = []
