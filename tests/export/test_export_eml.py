"""The .eml draft: structure a mail client can open as an editable, unsent message."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

from tui_referat.export import render
from tui_referat.storage import load_meeting

from .conftest import built_meeting, set_local_zone

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_eml_is_multipart_alternative_text_then_html() -> None:
    message = _parse(render(built_meeting(), "eml"))
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in parts)
    texts = [p.get_content().replace("\r\n", "\n") for p in parts]  # CRLF on the wire
    assert texts[0] == render(built_meeting(), "text").decode()
    assert texts[1] == render(built_meeting(), "email").decode()


def test_eml_headers_subject_to_unsent_date() -> None:
    data = render(built_meeting(), "eml")
    raw_headers = data.split(b"\r\n\r\n", 1)[0]
    assert b"=?utf-8?" in raw_headers  # æøå travel RFC 2047-encoded
    assert all(byte < 128 for byte in raw_headers)
    message = _parse(data)
    assert message["Subject"] == "Referat: Møde 4 i arbejdsgruppen for fælles datadeling (UDKAST)"
    assert message["X-Unsent"] == "1"
    assert [a.addr_spec for a in message["To"].addresses] == [
        "aase@example.org",
        "carl@example.org",
        "bo@example.org",
    ]
    assert message["To"].addresses[0].display_name == "Åse Østergård"
    assert message["Date"].datetime.date().isoformat() == "2025-09-16"
    assert "Message-ID" not in message  # the mail client adds one when it sends


def test_eml_date_is_the_meeting_start_with_the_local_utc_offset() -> None:
    # The autouse fixture sets Danish time: summer time (+0200) on 16 September.
    assert b"\r\nDate: Tue, 16 Sep 2025 12:00:00 +0200\r\n" in render(built_meeting(), "eml")
    winter = built_meeting()
    winter.date = dt.date(2026, 1, 13)
    assert b"\r\nDate: Tue, 13 Jan 2026 12:00:00 +0100\r\n" in render(winter, "eml")
    set_local_zone("UTC0")
    assert b"\r\nDate: Tue, 16 Sep 2025 12:00:00 +0000\r\n" in render(built_meeting(), "eml")


def test_eml_without_emails_has_no_to_header() -> None:
    meeting = built_meeting()
    for person in meeting.participants:
        person.email = ""
    assert "To" not in _parse(render(meeting, "eml"))


def test_eml_attach_adds_existing_files_from_the_meeting_folder() -> None:
    path = SAMPLES / "arbejdsgruppe.toml"
    meeting = load_meeting(path)
    message = _parse(render(meeting, "eml", base_dir=path.parent, attach=True))
    assert message.get_content_type() == "multipart/mixed"
    body, *files = list(message.iter_parts())
    assert body.get_content_type() == "multipart/alternative"
    names = [f.get_filename() for f in files]
    expected = [Path(a.path).name for item in meeting.items for a in item.attachments if a.path]
    assert names == [n for n in expected if (path.parent / "bilag" / n).is_file()]
    assert names  # the sample ships its attachment files
    assert files[0].get_content_disposition() == "attachment"


def test_eml_attach_never_reads_outside_the_meeting_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("hemmelig")
    folder = tmp_path / "meeting"
    folder.mkdir()
    meeting = built_meeting()
    meeting.items[1].attachments[1].path = "../secret.txt"
    message = _parse(render(meeting, "eml", base_dir=folder, attach=True))
    assert message.get_content_type() == "multipart/alternative"


def test_eml_is_byte_for_byte_stable() -> None:
    assert render(built_meeting(), "eml") == render(built_meeting(), "eml")
