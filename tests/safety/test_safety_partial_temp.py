"""A hang-up or SIGTERM during a slow save leaves no temp file behind (issue 12, item 11c).

The emergency exit ends the process with ``os._exit``, which skips the writers' ``finally``;
the temp files being written are registered and removed before it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui_referat.storage import atomic as _atomic

ROOT = Path(__file__).resolve().parents[2]

#: A process that saves ``m.toml`` (or writes its recovery copy) with an fsync that takes
#: ten seconds, its emergency handlers installed as the editor's are.
SLOW_SAVE = """
import os, sys, time
from pathlib import Path
from tui_referat.safety.signals import install_emergency_handlers
from tui_referat.storage.atomic import write_file
from tui_referat.storage.disk import save_file

def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(10)

os.fsync = slow_fsync
install_emergency_handlers(lambda: None)
target = Path(sys.argv[1])
data = b"x" * 1_000_000
if sys.argv[2] == "meeting":
    save_file(target, data)
else:
    write_file(target, data)
print("finished", flush=True)
"""


@pytest.mark.parametrize("writer", ["meeting", "recovery"])
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_during_a_slow_save_removes_the_temp_file(tmp_path, writer, signum):
    target = tmp_path / "m.toml"
    target.write_bytes(b"old\n")
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_SAVE, str(target), writer],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temps) == 1 and temps[0].stat().st_size == 1_000_000  # full, not yet renamed
        start = time.monotonic()
        child.send_signal(signum)
        _, err = child.communicate(timeout=8)
    finally:
        child.kill()
    assert time.monotonic() - start < 5
    assert child.returncode == 128 + signum and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.toml"]
    assert target.read_bytes() == b"old\n"


def test_a_finished_write_is_no_longer_registered(tmp_path):
    _atomic.write_file(tmp_path / "a", b"1")
    with pytest.raises(OSError):
        _atomic.write_file(tmp_path / "missing" / "b", b"2")
    assert not _atomic._PARTIAL
    _atomic.remove_partial()  # nothing to do, no error
    assert (tmp_path / "a").read_bytes() == b"1"
