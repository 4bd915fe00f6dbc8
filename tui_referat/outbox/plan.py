"""What will be sent, to whom and how: ``plan_send``; and the record of it: ``record_sent``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.parser import BytesParser
from email.utils import make_msgid
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.model import Meeting, Sent
from ..export.eml import Envelope, not_addressed, recipients, render
from ..text.addresses import split_addresses
from ..text.words import say_in

if TYPE_CHECKING:
    from ..storage.config import Config
    from .result import SendResult


class PlanError(Exception):
    """Nothing can be planned: a bad address, a missing file (the message is for the user)."""


@dataclass(frozen=True)
class NotReached:
    """A participant the minutes will not reach, and why ("no_email" or "bad_email")."""

    name: str
    reason: str


@dataclass
class SendPlan:
    to: list[Address]
    cc: list[Address]
    not_reached: list[NotReached]
    subject: str
    message: bytes
    message_id: str
    sender: str
    transport: str
    status: str
    lang: str
    #: A ``--test-to`` copy: one address, recorded with ``test = true``.
    test: bool = False
    at: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())
    #: The size of the HTML part (decoded): Gmail clips it above 102 KB (``mailsize.py``).
    html_bytes: int = 0

    @property
    def clip_warning(self) -> str | None:
        """The warning that Gmail will hide the end of the minutes, in the plan's language."""
        from ..export.mailsize import clip_warning

        return clip_warning(self.html_bytes, self.lang)

    @property
    def size_kb(self) -> float:
        return len(self.message) / 1024

    @property
    def envelope_to(self) -> list[str]:
        """Every address the message is delivered to (To, then Cc)."""
        return [address.addr_spec for address in (*self.to, *self.cc)]


def parse_address(written: str, lang: str = "en") -> Address:
    """One address as written on the command line (``a@b.dk`` or ``Name <a@b.dk>``)."""
    found, wrong = split_addresses(written)
    if len(found) != 1 or wrong:
        raise PlanError(say_in(lang, "send.bad_address", addr=written))
    name, address = found[0]
    try:
        return Address(display_name=name, addr_spec=address)
    except (ValueError, IndexError):
        raise PlanError(say_in(lang, "send.bad_address", addr=written)) from None


def _domain(sender: str) -> str | None:
    found = split_addresses(sender)[0]
    return found[0][1].rpartition("@")[2] if found else None


def _pdf(
    meeting: Meeting, name: str | None, include_closed: bool, lang: str
) -> tuple[tuple[str, str, bytes], ...]:
    """The minutes as PDF, to attach under ``name`` (nothing when ``name`` is None)."""
    if name is None:
        return ()
    from ..export.pdf import pdf_bytes

    try:
        data = pdf_bytes(meeting, include_closed=include_closed)
    except RuntimeError as error:  # the PDF engine failed: one line, nothing sent
        raise PlanError(say_in(lang, "send.no_pdf", error=str(error))) from None
    return ((name, "application/pdf", data),)


def plan_send(
    meeting: Meeting,
    config: Config,
    to: Sequence[str] | None = None,
    cc: Sequence[str] = (),
    test_to: str | None = None,
    attach: bool | Sequence[str | Path] = (),
    include_closed: bool = False,
    base_dir: Path | None = None,
    lang: str | None = None,
    attach_pdf: str | None = None,
) -> SendPlan:
    """The message to send and its recipients: by default every participant's usable
    address (``export/eml.py``); ``to`` replaces them, ``cc`` adds copies; ``test_to`` sends
    one copy to that address only, nobody else (To: shows it, so a ``sendmail -t`` sends
    it nowhere else). ``attach``: True for the meeting's attachment files (as the ``.eml``
    export), or the files to attach. ``lang``: of the words said (errors, the summary);
    default the meeting's. ``attach_pdf``: the file name under which the minutes are attached
    as an archival PDF (``export/pdf.py``, closed items as ``include_closed`` says), or None.
    Raises ``PlanError``."""
    lang = lang or (meeting.lang if meeting.lang in ("da", "en") else "en")
    send = config.send
    if test_to is not None:
        to_list, cc_list = [parse_address(test_to, lang)], []
    else:
        to_list = [parse_address(a, lang) for a in to] if to else recipients(meeting)
        cc_list = [parse_address(a, lang) for a in cc]
    files: list[Path] = []
    if not isinstance(attach, bool):
        for name in attach:
            path = Path(name).expanduser()
            if not path.is_file():
                raise PlanError(say_in(lang, "send.no_file", path=name))
            files.append(path.resolve())
    at = dt.datetime.now().astimezone().replace(microsecond=0)
    message_id = make_msgid(domain=_domain(send.from_))
    envelope = Envelope(
        from_=send.from_,
        date=at,
        message_id=message_id,
        to=tuple(to_list),
        cc=tuple(cc_list),
        reply_to=send.reply_to,
        files=tuple(files),
        documents=_pdf(meeting, attach_pdf, include_closed, lang),
    )
    message = render(
        meeting,
        base_dir=base_dir,
        attach=attach is True,
        include_closed=include_closed,
        subject=config.subject,
        envelope=envelope,
    )
    parsed = BytesParser(policy=policy.default).parsebytes(message)
    subject = str(parsed["Subject"] or "")
    html = parsed.get_body(("html",))
    html_bytes = len(html.get_content().encode("utf-8")) if html is not None else 0
    missing = [] if test_to is not None or to else not_addressed(meeting)
    return SendPlan(
        to=to_list,
        cc=cc_list,
        not_reached=[NotReached(name, reason) for name, reason in missing],
        subject=subject,
        message=message,
        message_id=message_id,
        sender=send.from_,
        transport=send.transport(),
        status=str(meeting.status.value),
        lang=lang,
        test=test_to is not None,
        at=at,
        html_bytes=html_bytes,
    )


def sent_record(result: SendResult, plan: SendPlan) -> Sent | None:
    """The ``[[sent]]`` record of a send: only the addresses that got the message; None
    when nobody did."""
    delivered = {address.lower() for address in result.delivered}
    to = [a.addr_spec for a in plan.to if a.addr_spec.lower() in delivered]
    cc = [a.addr_spec for a in plan.cc if a.addr_spec.lower() in delivered]
    if not to and not cc:
        return None
    return Sent(
        at=result.at,
        to=to,
        cc=cc,
        status=plan.status,
        message_id=result.message_id,
        test=plan.test,
    )


def record_sent(meeting: Meeting, result: SendResult, plan: SendPlan) -> Sent | None:
    """Append the ``[[sent]]`` record of ``result`` to ``meeting`` (see ``sent_record``)."""
    record = sent_record(result, plan)
    if record is not None:
        meeting.sent.append(record)
    return record
