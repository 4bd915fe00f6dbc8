"""Figures of the editor: start-up, moving between items, key presses, bytes, memory.

Every figure runs the app as a user does: a separate process in a real pseudo-terminal (80x24),
as over SSH. The baseline is a bare Textual app holding one Markdown TextArea with the same
text (benchmarks/_probe.py). Each process gets a fresh copy of its file and fresh config,
state and data folders, so a lock or recovery copy left by an earlier (killed) run never shows
a dialog.

Response times are taken from the terminal's side: the time from writing a key to the pty
until the last byte of the screen update it caused has arrived (the update is over when
nothing more arrives for a quiet period, which is not counted).
"""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

PROBE = Path(__file__).with_name("_probe.py")
ROOT = PROBE.parent.parent
#: The source tree the editor runs from (``benchmarks/trees.py`` points it at another commit).
TREE = ROOT
DOWN = b"\x1b[B"
ENTER = b"\r"


def _fresh(file: Path, scratch: Path) -> tuple[Path, dict[str, str]]:
    """A copy of ``file`` in a new folder, and an environment whose user folders are there."""
    folder = Path(tempfile.mkdtemp(dir=scratch))
    copy = folder / file.name
    shutil.copyfile(file, copy)
    home = folder / "home"
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(TREE), HOME=str(home))
    for name, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        env[name] = str(home / sub)
    env.pop("NO_COLOR", None)
    return copy, env


def _spawn(
    which: str, file: Path, mode: str, scratch: Path, out: Path | None = None
) -> tuple[subprocess.Popen, int]:
    copy, env = _fresh(file, scratch)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    args = [sys.executable, str(PROBE), which, str(copy), mode]
    if out is not None:
        args.append(str(out))
    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    return proc, master


def _read_until_quiet(master: int, quiet: float, limit: float = 30.0) -> tuple[int, float]:
    """Read until nothing arrives for ``quiet`` s: (bytes read, perf_counter of the last byte)."""
    total = 0
    last = time.perf_counter()
    deadline = last + limit
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        total += len(chunk)
        last = time.perf_counter()
    return total, last


def _answer(master: int, keys: bytes, quiet: float) -> tuple[int, float]:
    """Type ``keys``: (bytes the app wrote back, seconds until the last of them arrived)."""
    start = time.perf_counter()
    os.write(master, keys)
    total, last = _read_until_quiet(master, quiet)
    return total, max(0.0, last - start)


def _finish(proc: subprocess.Popen, master: int) -> None:
    """Wait for the child while draining its output (a full pty would block it)."""
    while proc.poll() is None:
        _read_until_quiet(master, 0.05, limit=0.2)
    os.close(master)


@contextmanager
def _running(which: str, file: Path, scratch: Path) -> Iterator[int]:
    """The app running on ``file``, its start-up output drained; yields the pty's master."""
    ready = Path(tempfile.mktemp(dir=scratch, suffix=".ready"))
    proc, master = _spawn(which, file, "idle", scratch, ready)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and time.monotonic() < deadline and proc.poll() is None:
            _read_until_quiet(master, 0.05, limit=0.2)
        _read_until_quiet(master, 0.5, limit=30.0)
        yield master
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        _finish(proc, master)


def _settle(proc: subprocess.Popen, master: int, ready: Path, begin: float) -> float:
    """Wait for the first frame (Ready) and the work right after it; the last byte's time."""
    last = begin
    deadline = begin + 120
    while not ready.exists() and time.perf_counter() < deadline and proc.poll() is None:
        got, at = _read_until_quiet(master, 0.02, limit=0.2)
        last = at if got else last
    got, at = _read_until_quiet(master, 0.3, limit=60.0)
    return at if got else last


def startup_once(which: str, file: Path, scratch: Path) -> float:
    """Seconds from starting the process until its first complete screen has been written.

    Textual's Ready event marks the first frame (for referat that is the blank default screen
    before the main screen is pushed); the work right after it (mounting and filling the
    screen) shows up as more output, so the figure is the time of the last byte before the
    terminal stays quiet for 0.3 s. Both apps are measured alike.
    """
    ready = Path(tempfile.mktemp(dir=scratch, suffix=".ready"))
    begin = time.perf_counter()
    proc, master = _spawn(which, file, "idle", scratch, ready)
    try:
        return _settle(proc, master, ready, begin) - begin
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        _finish(proc, master)


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _wait_until_idle(proc: subprocess.Popen, master: int, still: float = 1.6) -> None:
    """Until the process has used (almost) no CPU for ``still`` seconds: work that writes
    nothing to the terminal is then over too (referat makes its file's tomlkit document in a
    thread 1 s after the first frame, so ``still`` is longer than that). At most 60 s."""
    deadline = time.monotonic() + 60
    last, since = _cpu_ticks(proc.pid), time.monotonic()
    while time.monotonic() < deadline and proc.poll() is None:
        _read_until_quiet(master, 0.1, limit=0.2)
        ticks = _cpu_ticks(proc.pid)
        if ticks - last > 1:  # more than a tick of CPU: still working
            last, since = ticks, time.monotonic()
        elif time.monotonic() - since >= still:
            return


def peak_memory_once(which: str, file: Path, scratch: Path) -> float:
    """The app's own peak resident memory (KiB) with the meeting open and all start-up work
    done (first screen complete, then no CPU used for a while).

    Read from ``VmHWM`` in /proc/PID/status of the app's process (``ru_maxrss`` from wait4
    would include what the process inherited from this parent before ``exec``).
    """
    ready = Path(tempfile.mktemp(dir=scratch, suffix=".ready"))
    proc, master = _spawn(which, file, "idle", scratch, ready)
    try:
        _settle(proc, master, ready, time.perf_counter())
        _wait_until_idle(proc, master)
        status = Path(f"/proc/{proc.pid}/status").read_text()
        return float(
            next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
        )
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        _finish(proc, master)


def alternate(
    fn: Callable[..., float], subject: tuple, baseline: tuple, runs: int
) -> tuple[float, float]:
    """Medians of ``fn(*subject)`` and ``fn(*baseline)``, taken in turn ``runs`` times each
    (which of the two goes first changes every round, so neither always runs warmer)."""
    ours, bare = [], []
    for round_ in range(runs):
        if round_ % 2:
            bare.append(fn(*baseline))
            ours.append(fn(*subject))
        else:
            ours.append(fn(*subject))
            bare.append(fn(*baseline))
    return statistics.median(ours), statistics.median(bare)


def typing(which: str, file: Path, scratch: Path, chars: int) -> tuple[float, float]:
    """Type ``chars`` characters at the start of the text, one at a time at a typist's pace.

    Returns the median seconds from a key to the end of its screen update, and the bytes
    written to the terminal per character, counting what the app sends when typing pauses
    (referat then applies the text to the meeting). In referat, Enter first opens the first
    item with the cursor in its minutes.
    """
    with _running(which, file, scratch) as master:
        if which == "referat":
            _answer(master, ENTER, 0.5)
        times, total = [], 0
        for _ in range(chars):
            sent, took = _answer(master, b"x", 0.12)
            times.append(took)
            total += sent
        total += _read_until_quiet(master, 1.0, limit=10.0)[0]  # what a pause in typing sends
    return statistics.median(times), total / chars


def typing_side_by_side(
    referat_file: Path, text_file: Path, scratch: Path, chars: int, runs: int
) -> tuple[tuple[float, float], tuple[float, float]]:
    """((ours, bare) seconds per key, (ours, bare) bytes per character), sessions in turn
    (which app goes first changes every round)."""
    ours_t, bare_t, ours_b, bare_b = [], [], [], []
    for round_ in range(runs):
        for which in ("bare", "referat") if round_ % 2 else ("referat", "bare"):
            if which == "referat":
                took, sent = typing("referat", referat_file, scratch, chars)
                ours_t.append(took)
                ours_b.append(sent)
            else:
                took, sent = typing("bare", text_file, scratch, chars)
                bare_t.append(took)
                bare_b.append(sent)
    med = statistics.median
    return (med(ours_t), med(bare_t)), (med(ours_b), med(bare_b))


def move_next_item(file: Path, scratch: Path, moves: int) -> float:
    """Median seconds from Down in the agenda until the editor shows the next item.

    The quiet period (0.3 s) is longer than any delay the editor takes before it follows the
    cursor, so the whole update, editor included, is counted.
    """
    with _running("referat", file, scratch) as master:
        times = [_answer(master, DOWN, 0.3)[1] for _ in range(moves)]
    return statistics.median(times)
