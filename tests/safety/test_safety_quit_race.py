"""A SIGTERM right after ctrl+q, while the quit dialog is still being built (issue 12,
item 11b): no traceback, and the work is in the recovery copy."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from tui_referat.safety import recovery

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"
TYPED = "Skrevet over SSH"

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("delay", [0.0, 0.002, 0.005, 0.01])
def test_sigterm_just_after_ctrl_q(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "tui_referat", str(path), "--lang", "da"],
        dimensions=(24, 80),
        env=dict(os.environ, TERM="xterm-256color"),
        timeout=30,
        encoding="utf-8",
    )
    try:
        child.expect("Dagsorden")
        child.send("\r")  # the first item's minutes
        child.send(TYPED)
        child.expect("SSH")
        child.send("\x11")  # ctrl+q: the quit dialog is pushed
        time.sleep(delay)
        os.kill(child.pid, signal.SIGTERM)
        child.expect(pexpect.EOF)
        output = child.before or ""
    finally:
        child.close(force=True)
    assert "Traceback" not in output and "NoMatches" not in output
    assert child.exitstatus == 128 + signal.SIGTERM
    info = recovery.find_recovery(path)
    assert info is not None and TYPED in info.text
