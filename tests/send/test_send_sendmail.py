"""`referat send` through a sendmail command, the CLI in a subprocess, [[sent]] in the file."""

from __future__ import annotations

import datetime as dt
import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

from tui_referat.cli import main
from tui_referat.domain.model import Sent
from tui_referat.storage import load_meeting, loads_meeting, save_meeting

from .conftest import write_config

ROOT = Path(__file__).resolve().parents[2]


def _script(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-sendmail"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return script


def test_sendmail_gets_the_message_on_stdin(tmp_path, meeting_file):
    captured = tmp_path / "captured.eml"
    script = _script(tmp_path, f'cat > "{captured}"\n')
    config = write_config(
        tmp_path, f'[send]\nfrom = "sanne@example.dk"\nsendmail = "{script} -t -oi"\n'
    )
    assert main(["send", str(meeting_file), "--config", str(config), "--yes"]) == 0
    got = email.message_from_bytes(captured.read_bytes(), policy=policy.default)
    assert "ole.pedersen@example.dk" in [a.addr_spec for a in got["To"].addresses]
    [record] = load_meeting(meeting_file).sent
    assert record.to == [a.addr_spec for a in got["To"].addresses]


def test_a_failing_sendmail_says_its_stderr(tmp_path, meeting_file, capsys):
    script = _script(tmp_path, 'echo "msmtp: account default not found" >&2\nexit 1\n')
    config = write_config(tmp_path, f'[send]\nfrom = "sanne@example.dk"\nsendmail = "{script}"\n')
    before = meeting_file.read_bytes()
    assert main(["send", str(meeting_file), "--config", str(config), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "failed (exit 1): msmtp: account default not found" in err
    assert meeting_file.read_bytes() == before


def test_the_cli_in_a_subprocess_never_shows_a_traceback(tmp_path, meeting_file):
    script = _script(tmp_path, "exit 3\n")
    config = write_config(tmp_path, f'[send]\nfrom = "sanne@example.dk"\nsendmail = "{script}"\n')
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REFERAT_LANG": "en"}
    for extra, code in (([], 1), (["--to", "not an address"], 2)):
        done = subprocess.run(
            [sys.executable, "-m", "tui_referat", "send", str(meeting_file), "--config",
             str(config), "--yes", *extra],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        assert done.returncode == code, done.stderr
        assert "Traceback" not in done.stderr and done.stderr.strip()
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\ntitle = "x"\nstatus = "nope"\n')
    done = subprocess.run(
        [sys.executable, "-m", "tui_referat", "send", str(broken), "--config", str(config),
         "--yes"], capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "broken.toml:3:" in done.stderr


def test_sent_records_round_trip(meeting_file):
    meeting = load_meeting(meeting_file)
    at = dt.datetime(2025, 10, 14, 16, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    meeting.sent.append(
        Sent(at=at, to=["a@b.dk"], cc=["c@d.dk"], status="review", message_id="<1@b>")
    )
    meeting.sent.append(Sent(at=at, to=["me@b.dk"], status="draft", message_id="<2@b>", test=True))
    save_meeting(meeting, meeting_file)
    text = meeting_file.read_text()
    assert "[[sent]]\nat = 2025-10-14T16:05:00+02:00\n" in text
    again = loads_meeting(text)
    assert again.sent == meeting.sent
    save_meeting(again, meeting_file)
    assert meeting_file.read_text() == text


def test_a_bad_sent_value_is_a_file_line_col_error(tmp_path):
    from tui_referat.storage import validate_text

    text = (
        'format = 1\ntitle = "x"\n\n[[sent]]\nat = 2025-10-14T16:05:00+02:00\n'
        'to = ["a@b.dk"]\nstatus = "sent"\n'
    )
    _, problems = validate_text(text, "m.toml")
    assert [(p.line, p.col) for p in problems][:1] == [(7, 10)]
    assert "draft, review or approved" in problems[0].message


def test_attach_pdf_sends_the_archival_pdf_of_the_minutes(tmp_path, meeting_file):
    from tui_referat.export.pdf import pdf_bytes

    captured = tmp_path / "captured.eml"
    script = _script(tmp_path, f'cat > "{captured}"\n')
    config = write_config(tmp_path, f'[send]\nfrom = "sanne@example.dk"\nsendmail = "{script}"\n')
    args = ["send", str(meeting_file), "--config", str(config), "--yes", "--attach-pdf"]
    assert main(args) == 0
    got = email.message_from_bytes(captured.read_bytes(), policy=policy.default)
    [pdf] = [p for p in got.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert pdf.get_filename() == meeting_file.with_suffix(".pdf").name
    assert pdf.get_content() == pdf_bytes(load_meeting(meeting_file))
    assert got.get_body(("html",)) is not None  # the minutes are still the message itself
