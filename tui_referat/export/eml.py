"""A ready email draft (.eml): text/plain and text/html alternatives, ``X-Unsent: 1``.

Deterministic, so it can be compared with a golden file: the Date header comes from the
meeting date and start (with the machine's local UTC offset on that day), there is no
Message-ID (the mail client adds one when sending), and the MIME boundaries are derived from
a hash of the content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

from ..domain.model import Meeting
from . import email as email_html
from . import text
from .document import Doc, build, clean_meeting


def _subject(doc: Doc) -> str:
    return " ".join((doc.title or doc.doc_type).split())


def _recipients(doc: Doc) -> list[Address]:
    seen: set[str] = set()
    out: list[Address] = []
    for name, address in doc.emails:
        if address.lower() in seen or "@" not in address:
            continue
        try:
            out.append(Address(display_name=name, addr_spec=address))
        except (ValueError, IndexError):  # not a valid address: leave it out
            continue
        seen.add(address.lower())
    return out


def _attachments(meeting: Meeting, base_dir: Path) -> list[Path]:
    """Attachment files that exist inside ``base_dir`` (never outside it), in agenda order."""
    root = base_dir.resolve()
    found: list[Path] = []
    for item in meeting.items:
        for att in item.attachments:
            path = att.path.strip()
            if not path or "://" in path:
                continue
            full = (base_dir / path).resolve()
            if full.is_file() and full.is_relative_to(root) and full not in found:
                found.append(full)
    return found


def _boundaries(message: EmailMessage, seed: bytes) -> None:
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            digest = hashlib.sha256(seed + str(index).encode()).hexdigest()[:24]
            part.set_boundary(f"=_referat_{digest}")


def render(
    meeting: Meeting,
    *,
    theme: str | None = None,
    base_dir: Path | None = None,
    attach: bool = False,
) -> bytes:
    """The meeting as an unsent email draft; ``attach`` adds attachment files that exist."""
    meeting = clean_meeting(meeting)
    doc = build(meeting)
    plain = text.render_doc(doc)
    html = email_html.render_doc(doc)

    message = EmailMessage(policy=SMTP)
    message["Subject"] = _subject(doc)
    recipients = _recipients(doc)
    if recipients:
        message["To"] = recipients
    day = meeting.date or dt.date(2000, 1, 1)
    # The meeting's start as this machine's local time, with its UTC offset on that day
    # ("+0200" in a Danish summer): mail clients then show the time as it was meant.
    moment = dt.datetime.combine(day, meeting.start or dt.time(12, 0)).astimezone()
    message["Date"] = format_datetime(moment)
    message["X-Unsent"] = "1"
    message["Content-Language"] = doc.lang
    message.set_content(plain, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if attach and base_dir is not None:
        for path in _attachments(meeting, base_dir):
            ctype, _ = mimetypes.guess_type(path.name)
            maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
            message.add_attachment(
                path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
            )
    seed = hashlib.sha256(plain.encode() + html.encode()).digest()
    _boundaries(message, seed)
    return message.as_bytes()
