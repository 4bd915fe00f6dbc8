"""A ready email draft (.eml): text/plain and text/html alternatives, ``X-Unsent: 1``; or,
with an ``Envelope``, the very same message as ``referat send`` sends it (``outbox/``).

Deterministic, so it can be compared with a golden file: the Date header comes from the
meeting date and start (with the machine's local UTC offset on that day), there is no
Message-ID (the mail client adds one when sending), and the MIME boundaries are derived from
a hash of the content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import mimetypes
import secrets
from dataclasses import dataclass, field
from email import quoprimime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import BinaryIO

from ..domain.model import Meeting
from ..text.addresses import split_addresses
from ..text.subject import format_subject
from ..text.words import say_in
from . import email as email_html
from . import text
from .document import Doc, build, clean_meeting, public_meeting
from .sink import utf8_blocks


def _subject(doc: Doc, template: str | None = None) -> str:
    """ "Referat: TITLE (UDKAST)" (or the config's own template, ``text/subject.py``); with
    closed items shown whole, "FORTROLIGT: " first, so the mail says so in every inbox list
    before it is opened."""
    title = " ".join(doc.title.split())
    draft = doc.marker if doc.draft else ""
    if not title:  # no title: "Referat (UDKAST)"
        return format_subject("{type}{draft}", doc.doc_type, "", draft)
    subject = format_subject(template, doc.doc_type, title, draft)
    if doc.confidential:
        subject = f"{say_in(doc.lang, 'confidential').upper()}: {subject}"
    return subject


@dataclass(frozen=True)
class Envelope:
    """The headers of a message being sent instead of a draft: no ``X-Unsent``, the Date
    of sending, a Message-ID, From and Reply-To from the config; To and Cc as given."""

    from_: str
    date: dt.datetime
    message_id: str
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: str = ""
    #: Files to attach (besides the meeting's own, with ``attach``).
    files: tuple[Path, ...] = field(default=())
    #: Documents made for this message, as (file name, MIME type, bytes): the minutes as PDF.
    documents: tuple[tuple[str, str, bytes], ...] = field(default=())


def _recipients(doc: Doc) -> list[Address]:
    return addresses_of(doc.emails)


def recipients(meeting: Meeting) -> list[Address]:
    """The addresses the email goes to: every address of every participant (see
    :func:`addresses_of`); :func:`not_addressed` names the participants left out."""
    people = clean_meeting(meeting).participants
    return addresses_of([(p.name.strip(), p.email.strip()) for p in people if p.email.strip()])


def addresses_of(emails: list[tuple[str, str]]) -> list[Address]:
    """Every address of every (name, written email): ``a@b.dk``, ``Name <a@b.dk>`` and
    several separated by ``;`` or ``,`` (``text/addresses.py``), each once, under the
    participant's name."""
    seen: set[str] = set()
    out: list[Address] = []
    for name, written in emails:
        for own_name, address in split_addresses(written)[0]:
            if address.lower() in seen:
                continue
            try:
                out.append(Address(display_name=name or own_name, addr_spec=address))
            except (ValueError, IndexError):  # the email package refuses it: leave it out
                continue
            seen.add(address.lower())
    return out


def not_addressed(meeting: Meeting) -> list[tuple[str, str]]:
    """(name, why) of each participant the email draft is not addressed to: no email
    address, or nothing in it that is one. An address the field also holds beside something
    else still counts; ``referat check`` names the rest."""
    missing = []
    for person in meeting.participants:
        written = person.email.strip()
        if not written:
            missing.append((person.name.strip(), "no_email"))
        elif not split_addresses(written)[0]:
            missing.append((person.name.strip(), "bad_email"))
    return missing


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


def _boundary(seed: bytes, index: int) -> str:
    return f"=_referat_{hashlib.sha256(seed + str(index).encode()).hexdigest()[:24]}"


def _boundaries(message: EmailMessage, seed: bytes) -> list[int]:
    """Set the boundary of each multipart from ``seed``; the multiparts' places in walk()."""
    places = [index for index, part in enumerate(message.walk()) if part.is_multipart()]
    for index, part in enumerate(message.walk()):
        if index in places:
            part.set_boundary(_boundary(seed, index))
    return places


def _draft(
    meeting: Meeting,
    doc: Doc,
    plain: str,
    html: str,
    seed: bytes,
    attachments: list[Path],
    subject: str | None = None,
    envelope: Envelope | None = None,
) -> tuple[bytes, list[int]]:
    """The message as bytes, and the places of its multiparts (see :func:`_boundaries`)."""
    message = EmailMessage(policy=SMTP)
    if envelope is not None:
        message["From"] = envelope.from_
    message["Subject"] = _subject(doc, subject)
    to = list(envelope.to) if envelope is not None else _recipients(doc)
    if to:
        message["To"] = to
    if envelope is not None:
        if envelope.cc:
            message["Cc"] = list(envelope.cc)
        if envelope.reply_to:
            message["Reply-To"] = envelope.reply_to
        message["Date"] = format_datetime(envelope.date)
        message["Message-ID"] = envelope.message_id
    else:
        day = meeting.date or dt.date(2000, 1, 1)
        # The meeting's start as this machine's local time, with its UTC offset on that day
        # ("+0200" in a Danish summer): mail clients then show the time as it was meant.
        moment = dt.datetime.combine(day, meeting.start or dt.time(12, 0)).astimezone()
        message["Date"] = format_datetime(moment)
        message["X-Unsent"] = "1"
    message["Content-Language"] = doc.lang
    message.set_content(plain, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    for path in attachments:
        ctype, _ = mimetypes.guess_type(path.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        message.add_attachment(
            path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name
        )
    for filename, ctype, data in envelope.documents if envelope is not None else ():
        maintype, subtype = ctype.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    places = _boundaries(message, seed)
    return message.as_bytes(), places


class _QuotedPrintable:
    """A text part's body as ``set_content(..., cte="quoted-printable")`` encodes it and
    ``as_bytes()`` writes it, from its UTF-8 bytes given a block at a time.

    The email package splits the text into lines and encodes each on its own
    (``quoprimime.body_encode``): whole lines are encoded as they come, a ``\\r\\n`` kept
    together, and the rest waits for the next block.
    """

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.rest = b""
        self.empty = True

    def write(self, data: bytes) -> None:
        self.empty = self.empty and not data
        data = self.rest + data
        cut = data.rfind(b"\n") + 1
        self.rest = data[cut:]
        if cut:
            self._encode(data[:cut])

    def close(self) -> None:
        if self.rest or self.empty:
            self._encode(self.rest)

    def _encode(self, lines: bytes) -> None:
        text = (b"\n".join(lines.splitlines()) + b"\n").decode("latin-1")
        encoded = quoprimime.body_encode(text, SMTP.max_line_length)
        self.out.write(encoded.replace("\n", "\r\n").encode("ascii"))


def render(
    meeting: Meeting,
    *,
    theme: str | None = None,
    base_dir: Path | None = None,
    attach: bool = False,
    include_closed: bool = False,
    subject: str | None = None,
    envelope: Envelope | None = None,
) -> bytes:
    """The meeting as an unsent email draft (``subject``: the subject template, see
    ``text/subject.py``; None: the default); ``attach`` adds attachment files that exist
    (of a closed item only with ``include_closed``, which shows closed items whole).
    With ``envelope`` it is the message to send (its headers, and its files attached too).

    For a big meeting both text parts are big, so neither is held whole, as text or quoted.
    The message is made with a placeholder line for each part and stand-in boundaries; each
    part's quoted-printable text is written in its place as the part is made, and the real
    boundaries (from a hash of both parts) over the stand-ins at the end: the email
    package's bytes.
    """
    meeting = clean_meeting(meeting)
    if not include_closed:
        meeting = public_meeting(meeting)  # its attachments too: none of a closed item
    doc = build(meeting, include_closed=include_closed)
    files = _attachments(meeting, base_dir) if attach and base_dir is not None else []
    if envelope is not None:
        files += [path for path in envelope.files if path not in files]
    token = secrets.token_hex(12)  # nothing in the meeting can guess it
    marks = [f"REFERAT{token}{part}" for part in ("TEXT", "HTML")]
    stand_in_seed = secrets.token_bytes(32)
    skeleton, multiparts = _draft(meeting, doc, *marks, stand_in_seed, files, subject, envelope)
    head, *rest = skeleton.split(b"\r\n" + marks[0].encode() + b"\r\n")
    pieces = [head, *(rest[0].split(b"\r\n" + marks[1].encode() + b"\r\n") if rest else [])]
    if len(rest) != 1 or len(pieces) != 3:  # never: each placeholder is there once, in order
        raise AssertionError("placeholders")
    hashed = hashlib.sha256()
    out = io.BytesIO()
    places: list[int] = []  # where each skeleton piece starts in ``out``
    makers = (
        lambda: text.render_parts(doc),
        lambda: email_html.render_parts(doc),
    )
    for piece, make in zip(pieces, makers, strict=False):
        places.append(out.tell())
        out.write(piece + b"\r\n")
        body = _QuotedPrintable(out)
        for block in utf8_blocks(make()):
            hashed.update(block)
            body.write(block)
        body.close()
    places.append(out.tell())
    out.write(pieces[2])
    # The real boundaries over the stand-ins (the same length), in the skeleton pieces only.
    view = out.getbuffer()
    for index in multiparts:
        stand_in = _boundary(stand_in_seed, index).encode()
        boundary = _boundary(hashed.digest(), index).encode()
        for piece, start in zip(pieces, places, strict=True):
            at = piece.find(stand_in)
            while at >= 0:
                view[start + at : start + at + len(stand_in)] = boundary
                at = piece.find(stand_in, at + 1)
    view.release()
    return out.getvalue()
