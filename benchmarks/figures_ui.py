"""Figures of the editor: start-up, moving between items, key presses, bytes, memory.

Process-level figures run the app in a real pseudo-terminal (80x24), as over SSH; in-process
figures drive it with Textual's Pilot. The baseline is always a bare Textual app holding one
Markdown TextArea with the same text (benchmarks/_probe.py).
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

PROBE = Path(__file__).with_name("_probe.py")
ROOT = PROBE.parent.parent


def _spawn(which: str, file: Path, mode: str, out: Path | None = None) -> tuple[object, int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
    env.pop("NO_COLOR", None)
    args = [sys.executable, str(PROBE), which, str(file), mode]
    if out is not None:
        args.append(str(out))
    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    return proc, master


def _drain(master: int, quiet: float, limit: float = 30.0) -> int:
    """Read until nothing arrives for ``quiet`` seconds; the number of bytes read."""
    total = 0
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
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
    return total


def _finish(proc: subprocess.Popen, master: int) -> int:
    """Wait for the child while draining its output; its peak RSS in KiB."""
    rss = 0
    while True:
        _drain(master, 0.05, limit=0.2)
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            rss = usage.ru_maxrss
            break
    os.close(master)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return rss


def startup_once(which: str, file: Path, scratch: Path) -> float:
    out = scratch / "ready.txt"
    out.unlink(missing_ok=True)
    begin = time.time()
    proc, master = _spawn(which, file, "startup", out)
    _finish(proc, master)
    return float(out.read_text()) - begin


def peak_memory_once(which: str, file: Path, scratch: Path) -> int:
    proc, master = _spawn(which, file, "memory", scratch / "ready.txt")
    return _finish(proc, master)


def alternate(fn, subject: tuple, baseline: tuple, runs: int) -> tuple[float, float]:
    ours, bare = [], []
    for _ in range(runs):
        ours.append(fn(*subject))
        bare.append(fn(*baseline))
    return statistics.median(ours), statistics.median(bare)


def bytes_per_char(which: str, file: Path, chars: int = 40) -> float:
    """Bytes the app writes to the terminal per typed character, cursor at the text's start."""
    proc, master = _spawn(which, file, "idle")
    try:
        _drain(master, 1.0)
        if which == "referat":
            os.write(master, b"\r")  # Enter: open the first item, cursor in its minutes
            _drain(master, 0.5)
        total = 0
        for _ in range(chars):
            os.write(master, b"x")
            total += _drain(master, 0.15)
        return total / chars
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        _finish(proc, master)


async def _move_times(path: Path, moves: int) -> list[float]:
    from tui_referat.app import ReferatApp

    app = ReferatApp(path)
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(moves):
            start = time.perf_counter()
            await pilot.press("down")
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def move_next_item(path: Path, moves: int = 20) -> float:
    return statistics.median(asyncio.run(_move_times(path, moves)))


async def _key_times(app, open_keys: tuple[str, ...], presses: int) -> list[float]:
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in open_keys:
            await pilot.press(key)
        await pilot.pause()
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def key_press(referat_file: Path, text_file: Path, presses: int, runs: int) -> tuple[float, float]:
    from tui_referat.app import ReferatApp

    from benchmarks._probe import BareApp

    ours, bare = [], []
    for _ in range(runs):
        ours += asyncio.run(_key_times(ReferatApp(referat_file), ("enter",), presses))
        bare += asyncio.run(_key_times(BareApp(text_file), (), presses))
    return statistics.median(ours), statistics.median(bare)
