"""`referat send` against a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import socket
import threading
from email import policy
from pathlib import Path

import pytest

from tui_referat.cli import main
from tui_referat.export import render
from tui_referat.storage import load_meeting

from .conftest import CERT, PASSWORD, USER, smtp_config


def send(file: Path, config: Path, *extra: str) -> int:
    return main(["send", str(file), "--config", str(config), "--yes", *extra])


def parts(raw: bytes) -> tuple[email.message.EmailMessage, str, str, list[tuple[str, bytes]]]:
    message = email.message_from_bytes(raw, policy=policy.default)
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    files = [(p.get_filename(), p.get_content()) for p in message.iter_attachments()]
    return message, plain, html, files


def test_plain_send_is_the_eml_export_with_real_headers(tmp_path, smtp_server, meeting_file):
    server = smtp_server("none")
    config = smtp_config(tmp_path, server.port)
    assert send(meeting_file, config, "--attach") == 0
    [(sender, rcpts, raw)] = server.inbox.messages
    got, plain, html, files = parts(raw)
    meeting = load_meeting(meeting_file)
    draft = render(meeting, "eml", base_dir=meeting_file.parent, attach=True)
    want, want_plain, want_html, want_files = parts(draft)
    assert sender == "sanne@example.dk"
    assert got["Subject"] == want["Subject"]
    assert (plain, html) == (want_plain, want_html)
    assert files == want_files
    assert [a.addr_spec for a in got["To"].addresses] == [a.addr_spec for a in want["To"].addresses]
    assert sorted(rcpts) == sorted(a.addr_spec for a in want["To"].addresses)
    assert got["Message-ID"].endswith("@example.dk>")
    assert got["X-Unsent"] is None and got["From"].addresses[0].addr_spec == "sanne@example.dk"
    [record] = meeting.sent
    assert record.to == rcpts and record.status == meeting.status.value
    assert record.message_id == got["Message-ID"] and not record.test


def test_starttls_with_cafile_and_login(tmp_path, smtp_server, meeting_file, monkeypatch):
    server = smtp_server("starttls", auth=True)
    monkeypatch.setenv("REFERAT_SMTP_PASSWORD", PASSWORD)
    config = smtp_config(tmp_path, server.port, "starttls", f'user = "{USER}"\ncafile = "{CERT}"\n')
    assert send(meeting_file, config, "--to", "me@example.dk") == 0
    [(_, rcpts, _raw)] = server.inbox.messages
    assert rcpts == ["me@example.dk"]


@pytest.mark.parametrize("mechanism", ["LOGIN", "PLAIN"])
def test_auth_login_and_auth_plain(tmp_path, smtp_server, meeting_file, monkeypatch, mechanism):
    """A server that offers only AUTH LOGIN, or only AUTH PLAIN, is logged in to with it."""
    server = smtp_server("starttls", auth=True, mechanisms=(mechanism,))
    monkeypatch.setenv("REFERAT_SMTP_PASSWORD", PASSWORD)
    config = smtp_config(tmp_path, server.port, "starttls", f'user = "{USER}"\ncafile = "{CERT}"\n')
    assert send(meeting_file, config, "--to", "me@example.dk") == 0
    assert server.auth_used == [mechanism] and len(server.inbox.messages) == 1


def test_starttls_without_cafile_says_the_certificate_is_not_trusted(
    tmp_path, smtp_server, meeting_file, capsys
):
    server = smtp_server("starttls")
    config = smtp_config(tmp_path, server.port, "starttls")
    before = meeting_file.read_bytes()
    assert send(meeting_file, config) == 1
    err = capsys.readouterr().err
    assert "certificate is not trusted" in err and "cafile" in err
    assert meeting_file.read_bytes() == before and not server.inbox.messages


def test_implicit_tls_and_password_command(tmp_path, smtp_server, meeting_file):
    server = smtp_server("tls", auth=True)
    script = tmp_path / "pw.sh"
    script.write_text(f"#!/bin/sh\necho {PASSWORD}\necho second-line\n")
    script.chmod(0o755)
    extra = f'user = "{USER}"\ncafile = "{CERT}"\npassword_command = "{script}"\n'
    config = smtp_config(tmp_path, server.port, "tls", extra)
    assert send(meeting_file, config, "--test-to", "me@example.dk") == 0
    [(_, rcpts, raw)] = server.inbox.messages
    assert rcpts == ["me@example.dk"]
    got = email.message_from_bytes(raw, policy=policy.default)
    assert [a.addr_spec for a in got["To"].addresses] == ["me@example.dk"] and got["Cc"] is None
    [record] = load_meeting(meeting_file).sent
    assert record.test and record.to == ["me@example.dk"]
    assert "test = true" in meeting_file.read_text()


def test_wrong_password_is_one_clear_line(tmp_path, smtp_server, meeting_file, capsys):
    server = smtp_server("none", auth=True)
    config = smtp_config(tmp_path, server.port, extra=f'user = "{USER}"\n')
    import os

    os.environ["REFERAT_SMTP_PASSWORD"] = "wrong"
    try:
        assert send(meeting_file, config) == 1
    finally:
        del os.environ["REFERAT_SMTP_PASSWORD"]
    err = capsys.readouterr().err
    assert "refused the login as sanne" in err and "Traceback" not in err
    assert load_meeting(meeting_file).sent == []


def test_a_refused_recipient_is_partial_success(tmp_path, smtp_server, meeting_file, capsys):
    server = smtp_server("none")
    server.inbox.refuse.add("sanne.holm@example.dk")
    config = smtp_config(tmp_path, server.port)
    assert send(meeting_file, config) == 1
    _out, err = capsys.readouterr()
    assert "Refused: sanne.holm@example.dk: 550" in err
    [(_, rcpts, _)] = server.inbox.messages
    [record] = load_meeting(meeting_file).sent
    assert record.to == rcpts and "sanne.holm@example.dk" not in record.to and len(rcpts) > 1


def test_all_refused_records_nothing(tmp_path, smtp_server, meeting_file, capsys):
    server = smtp_server("none")
    server.inbox.refuse.update({"a@example.dk"})
    config = smtp_config(tmp_path, server.port)
    before = meeting_file.read_bytes()
    assert send(meeting_file, config, "--to", "a@example.dk") == 1
    assert "refused every recipient" in capsys.readouterr().err
    assert meeting_file.read_bytes() == before


def test_dropped_connection_records_nothing(tmp_path, smtp_server, meeting_file, capsys):
    server = smtp_server("none")
    server.inbox.drop_on_data = True
    config = smtp_config(tmp_path, server.port)
    before = meeting_file.read_bytes()
    assert send(meeting_file, config) == 1
    assert "closed the connection" in capsys.readouterr().err
    assert meeting_file.read_bytes() == before


def test_server_down(tmp_path, meeting_file, capsys):
    from .conftest import free_port

    config = smtp_config(tmp_path, free_port())
    assert send(meeting_file, config) == 1
    assert "refused the connection" in capsys.readouterr().err


def test_a_server_that_never_answers_times_out(tmp_path, meeting_file, capsys):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    config = smtp_config(tmp_path, port).read_text().replace("timeout = 5", "timeout = 0.3")
    (tmp_path / "config.toml").write_text(config)
    try:
        assert send(meeting_file, tmp_path / "config.toml") == 1
    finally:
        thread.join(5)
        for sock in accepted:
            sock.close()
        listener.close()
    assert "did not answer within 0.3 s" in capsys.readouterr().err


def test_dry_run_sends_nothing(tmp_path, smtp_server, meeting_file, capsys):
    server = smtp_server("none")
    config = smtp_config(tmp_path, server.port)
    before = meeting_file.read_bytes()
    assert main(["send", str(meeting_file), "--config", str(config), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "ole.pedersen@example.dk" in out and "KB" in out
    assert f"SMTP 127.0.0.1:{server.port} plain" in out
    assert not server.inbox.messages and meeting_file.read_bytes() == before


def test_without_yes_and_without_a_terminal_it_refuses(tmp_path, smtp_server, meeting_file, capsys):
    server = smtp_server("none")
    config = smtp_config(tmp_path, server.port)
    assert main(["send", str(meeting_file), "--config", str(config)]) == 2
    assert "--yes" in capsys.readouterr().err and not server.inbox.messages


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_password_in_clear_is_refused(tmp_path, meeting_file, capsys, lang, monkeypatch):
    monkeypatch.setenv("REFERAT_LANG", lang)
    config = smtp_config(tmp_path, 25, extra='password = "x"\n')
    assert send(meeting_file, config) == 2
    assert "password_command" in capsys.readouterr().err


def test_dry_run_says_when_gmail_would_clip_the_minutes(tmp_path, capsys, monkeypatch):
    from benchmarks.generate import write_meeting

    monkeypatch.setenv("REFERAT_LANG", "en")
    big = write_meeting(40, tmp_path)
    config = smtp_config(tmp_path, 25)
    assert main(["send", str(big), "--config", str(config), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Gmail shows only the first 102 KB" in out
    sample = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"
    assert main(["send", str(sample), "--config", str(config), "--dry-run"]) == 0
    assert "Gmail" not in capsys.readouterr().out
