"""`referat export` on the command line: files, stdout, errors, and no Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui_referat.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "arbejdsgruppe.toml"


@pytest.mark.parametrize("fmt", ["md", "html", "email", "text", "eml"])
def test_output_file_and_stdout_are_the_same_bytes(
    fmt: str, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    out = tmp_path / f"referat.{fmt}"
    assert main(["export", str(SAMPLE), "--format", fmt, "-o", str(out)]) == 0
    capfdbinary.readouterr()
    assert main(["export", str(SAMPLE), "--format", fmt]) == 0
    stdout = capfdbinary.readouterr().out
    assert stdout == out.read_bytes()
    assert len(stdout) > 1000


def test_format_follows_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "referat.txt"
    assert main(["export", str(SAMPLE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("Referat\n\nUDKAST\n")


def test_theme_option_and_unknown_theme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "p.html"
    assert main(["export", str(SAMPLE), "-f", "html", "--theme", "plain", "-o", str(out)]) == 0
    assert "system-ui" in out.read_text(encoding="utf-8")
    assert main(["export", str(SAMPLE), "-f", "html", "--theme", "nope"]) == 2
    assert "unknown export theme 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["md", "html", "email", "text", "eml"])
def test_an_unknown_theme_exits_2_in_every_format(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in --theme is not silently ignored where the format has no theme to apply."""
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(SAMPLE), "-f", fmt, "--theme", "nosuch", "-o", str(out)]) == 2
    assert "unknown export theme 'nosuch'" in capsys.readouterr().err
    assert not out.exists()


def test_unreadable_meeting_prints_the_error_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\ntitle = "x\n', encoding="utf-8")
    assert main(["export", str(bad), "-f", "md"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(str(bad)) and ":2:" in err
    assert main(["export", str(tmp_path / "missing.toml")]) == 1


def test_export_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import tui_referat.cli as cli\n"
        f"args = ['export', {str(SAMPLE)!r}, '-f', 'eml', '-o', {str(tmp_path / 'x.eml')!r}]\n"
        "rc = cli.main(args)\n"
        "assert rc == 0, rc\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
