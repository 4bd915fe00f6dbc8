"""Every CLI output shows hostile text from a file inert: no raw escape sequence, bidi
override or zero-width character reaches the terminal of whoever runs `referat`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui_referat import cli

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
CLEAR = "\x1b[2J"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")

HOSTILE = r"""format = 1
lang = "en"
status = "draft"
title = "T\u001b]0;title\u0007"
date = 2025-09-16
chair = "Ann\u001b]52;c;aGVsbG8=\u0007 \u202eevil\u200b"
secretary = "Bob\u001b[2J"

[[header]]
key = "ref\u001b]52;c;aGVsbG8=\u0007\u200b"
value = "x"

[[participants]]
name = "Carl\u001b[2J\u202e"
email = "not an email\u001b]52;c;aGVsbG8=\u0007\u200b"
attendance = "present"

[[items]]
title = "Item\u001b[2J"
kind = "D"

[[items.attachments]]
title = "A"
file = "bilag/x\u001b[2J\u202e\u200b.pdf"

[[items.actions]]
text = "Do it\u001b]52;c;aGVsbG8=\u0007\u202e\u200b"
owner = "Carl\u001b[2J"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(text: str) -> None:
    assert not RAW.search(text), repr(text)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "h.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_check_shows_hostile_names_emails_and_keys_inert(hostile, capsys):
    code, out, err = run(capsys, "check", str(hostile))
    assert code == 1
    assert_inert(out + err)
    assert "Ann␛]52;c;aGVsbG8=␇ <U+202E>evil<U+200B>" in out  # the chair
    assert "Bob␛[2J" in out
    assert "ref␛]52;c;aGVsbG8=␇<U+200B>" in out  # the header key
    assert "not an email␛]52;c;aGVsbG8=␇<U+200B>" in out


def test_actions_table_and_json_are_inert(hostile, capsys):
    code, out, err = run(capsys, "actions", "--width", "0", str(hostile))
    assert code == 0
    assert_inert(out + err)
    assert "Carl␛[2J" in out and "<U+202E>" in out and "<U+200B>" in out
    code, out, err = run(capsys, "actions", "--json", str(hostile))
    assert code == 0
    assert_inert(out + err)
    assert "\\u202e" in out and "\\u200b" in out  # JSON escapes: the data stays the same


def test_errors_with_hostile_keys_and_file_names_are_inert(tmp_path, capsys):
    path = tmp_path / f"m{CLEAR}\u202e.toml"
    path.write_text(
        'format = 1\n"k\\u001b[2J\\u202e\\u200b" = 1\n"k\\u001b[2J\\u202e\\u200b" = 2\n'
    )
    for argv in (["check", str(path)], ["actions", str(path)], ["export", str(path)]):
        code, out, err = run(capsys, *argv)
        assert code == 1, argv
        assert_inert(out + err)
        assert "m␛[2J<U+202E>.toml" in out + err, argv


def test_a_newline_in_a_value_cannot_forge_a_line_of_check(tmp_path, capsys):
    path = tmp_path / "m.toml"
    path.write_text(
        'format = 1\ntitle = "T"\nchair = "A\\n/etc/x:1:1: error: forged"\ndate = 2025-09-16\n',
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "check", str(path))
    assert not any(line.startswith("/etc/x") for line in out.splitlines())


def test_import_warnings_are_inert(tmp_path, capsys):
    source = tmp_path / f"m{CLEAR}.md"
    source.write_text(f"# Møde{OSC52}\u202e\n\nNoget{CLEAR}\n", encoding="utf-8")
    target = tmp_path / f"o{OSC52}\u200b.toml"
    code, out, err = run(capsys, "import", str(source), "-o", str(target))
    assert code == 0 and target.exists()
    assert_inert(out + err)
    assert "o␛]52;c;aGVsbG8=␇<U+200B>.toml" in out


def test_export_to_a_pipe_keeps_no_control_characters(hostile):
    done = subprocess.run(
        [sys.executable, "-m", "tui_referat", "export", str(hostile), "-f", "text"],
        capture_output=True,
        cwd=Path(__file__).parents[2],
        check=True,
    )
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", done.stdout)
    assert_inert(done.stderr.decode())


def test_subprocess_check_is_inert(hostile):
    done = subprocess.run(
        [sys.executable, "-m", "tui_referat", "check", str(hostile)],
        capture_output=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 1
    text = done.stdout.decode() + done.stderr.decode()
    assert_inert(text)
    assert "␛]52" in text


def test_export_to_a_terminal_shows_bidi_and_zero_width_visibly(hostile, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(capsys, "export", str(hostile), "-f", "md")
    assert code == 0
    assert_inert(out + err)
    assert "<U+202E>evil<U+200B>" in out


def test_actions_on_a_terminal_keep_only_our_colours(hostile, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, _ = run(capsys, "actions", "--width", "0", str(hostile))
    assert code == 0
    assert out.startswith("\x1b[1mOwner")  # our bold header stays
    assert set(re.findall(r"\x1b\[[0-9;]*m", out)) <= {"\x1b[1m", "\x1b[0m", "\x1b[1;31m"}
    assert "\x1b[2J" not in out and "\x1b]" not in out and "Carl␛[2J" in out


def test_the_editor_gets_the_streams_back(monkeypatch):
    from tui_referat.safety.terminal import InertWriter, inert_output, raw_output

    before = sys.stdout
    with inert_output():
        assert isinstance(sys.stdout, InertWriter)
        with raw_output():
            assert sys.stdout is before
        assert isinstance(sys.stderr, InertWriter)
    assert sys.stdout is before
