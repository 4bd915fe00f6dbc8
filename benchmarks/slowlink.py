"""Typing over a slow link: when does each typed character show on the user's screen?

    python benchmarks/slowlink.py            # referat, bare TextArea, vim; 256 and 64 kbit/s
    python benchmarks/slowlink.py --quick    # referat and bare at 256 kbit/s, 10 characters
    python benchmarks/slowlink.py --json     # machine-readable
    python benchmarks/slowlink.py --show     # also print each app's screen after typing

A small pty relay. The app runs in a pseudo-terminal of 80x24 (``TERM=xterm-256color``,
``LANG=da_DK.UTF-8``); between it and an emulated terminal (``pyte``) sits a simulated link of
a fixed throughput with 40 ms delay each way, like SSH over a slow line: a key reaches the app
40 ms after it is typed; the bytes the app writes are sent one after the other at the link's
rate and arrive 40 ms after they have been sent. The delivered bytes are fed to the emulator
with their arrival times, so the echo of a character is the time from typing it until it is on
the emulated screen at the cursor's place.

The apps: referat on a copy of ``samples/arbejdsgruppe.toml`` (Enter opens the first item in
its minutes), the bare Textual app with one Markdown TextArea holding those minutes (the
baseline of ``benchmarks/figures_ui.py``), and ``vim -u NONE`` on the same text where vim is
installed. In each, the cursor first goes to a new line after the minutes' paragraph (not
measured), then a 38-character sentence is typed at 8 characters per second; then the cursor
goes to the start of the paragraph and 6 characters are typed there, each of which re-wraps
the paragraph in the two Textual apps.

Figures per app and link: echo median, 95th percentile and worst; the backlog (the last key's
echo minus the first key's: how far the screen fell behind the fingers); the median of bytes
written per typed character (the bytes read from the app between one key reaching it and the
next, the last key's up to 1 s of quiet); and the most any of the characters typed at the
paragraph's start took (at least one of them moves a word to the next row). Then, in the two
Textual apps, the cursor moves of ``MOVES`` (arrows, Home/End, ctrl+arrows, PageDown/PageUp;
none scrolls) are pressed one at a time, straight into the pty: the most bytes one of them
took.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyte  # noqa: E402

from benchmarks import figures_ui  # noqa: E402

SAMPLE = ROOT / "samples" / "arbejdsgruppe.toml"
SENTENCE = "Gruppen aftalte at sende forslaget ud."
REWRAP = "Kort: "
RATE_CPS = 8.0  # a typist's 8 characters per second
DELAY = 0.040  # one way
PIECE = 32  # bytes serialised as one unit on the link
ENTER, PAGE_DOWN, PAGE_UP = b"\r", b"\x1b[6~", b"\x1b[5~"
END, HOME = b"\x1b[F", b"\x1b[H"
LEFT, RIGHT, UP, DOWN = b"\x1b[D", b"\x1b[C", b"\x1b[A", b"\x1b[B"
CTRL_LEFT, CTRL_RIGHT = b"\x1b[1;5D", b"\x1b[1;5C"

#: Keys (not measured) that bring each app's cursor to a new line after the paragraph, and
#: then to the start of the paragraph.
TO_NEW_LINE = {
    "referat": (ENTER, PAGE_DOWN, END, ENTER),
    "bare": (PAGE_DOWN, END, ENTER),
    "vim": (b"Go",),
}
TO_PARAGRAPH_START = {
    "referat": (PAGE_UP, HOME),
    "bare": (PAGE_UP, HOME),
    "vim": (b"\x1bggi",),
}
#: Cursor moves measured after the re-wrap (in the Textual apps), none of which scrolls: to the
#: end of the paragraph's first row and back a character (Textual sends a changed row from
#: its left edge to the last changed cell, so the row's end is the dear place), to the next
#: row and back, Home, by words, and (PageDown and PageUp, the text fitting in the view)
#: between the paragraph and the new line.
MOVES = {
    "end": END,
    "left": LEFT,
    "right": RIGHT,
    "down": DOWN,
    "up": UP,
    "home": HOME,
    "ctrl+right": CTRL_RIGHT,
    "ctrl+left": CTRL_LEFT,
    "pagedown": PAGE_DOWN,
    "pageup": PAGE_UP,
}


@dataclass
class Session:
    """What one typing session over the link showed."""

    app: str
    kbit: int
    echoes: list[float] = field(default_factory=list)  # seconds, per typed character
    bytes_per_char: list[int] = field(default_factory=list)
    rewrap_echoes: list[float] = field(default_factory=list)
    rewrap_bytes: list[int] = field(default_factory=list)
    move_bytes: dict[str, int] = field(default_factory=dict)  # per cursor move (MOVES)

    def summary(self) -> dict[str, float | int | str]:
        shown = sorted(e for e in self.echoes if not math.isnan(e))
        return {
            "app": self.app,
            "kbit": self.kbit,
            "echo_median": statistics.median(shown) if shown else math.nan,
            "echo_p95": _p95(shown) if shown else math.nan,
            "echo_worst": max(shown) if shown else math.nan,
            "backlog": self.echoes[-1] - self.echoes[0] if self.echoes else math.nan,
            "missing": sum(math.isnan(e) for e in self.echoes),
            "bytes_per_char": statistics.median(self.bytes_per_char),
            "rewrap_bytes_per_char": max(self.rewrap_bytes) if self.rewrap_bytes else math.nan,
            "rewrap_echo_p95": _p95(sorted(self.rewrap_echoes)) if self.rewrap_echoes else math.nan,
            "move_bytes": max(self.move_bytes.values()) if self.move_bytes else math.nan,
        }


def _p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank) of sorted ``values``."""
    return values[max(0, math.ceil(0.95 * len(values)) - 1)]


class _Screen(pyte.Screen):
    """pyte's screen, ignoring ``CSI > ... m`` (vim's xterm key-mode request), which pyte
    0.8.2 dispatches to the colour handler with an argument it does not take."""

    def select_graphic_rendition(self, *attrs: int, private: bool = False) -> None:
        if not private:
            super().select_graphic_rendition(*attrs)


class Relay:
    """One app in a pty, its output passed through the simulated link into a pyte screen."""

    def __init__(self, app: str, folder: Path, kbit: int) -> None:
        self.app = app
        self.rate = kbit * 1000.0
        self.screen = _Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.queue: deque[tuple[float, bytes]] = deque()  # (arrival, bytes) on the link
        self.link_free = 0.0
        self.proc, self.master = _spawn(app, folder)

    # -- without the link (setting up) --------------------------------------------------

    def settle(self, quiet: float, limit: float = 60.0) -> int:
        """Read (straight to the screen) until the app is quiet for ``quiet`` s; the bytes
        read."""
        read = 0
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                break
            chunk = os.read(self.master, 65536)
            read += len(chunk)
            self.stream.feed(chunk)
        return read

    def press(self, keys: bytes, quiet: float = 0.5) -> int:
        """Press ``keys``; the bytes the app wrote until it was quiet for ``quiet`` s."""
        os.write(self.master, keys)
        return self.settle(quiet)

    # -- over the link ------------------------------------------------------------------

    def _read(self, now: float) -> int:
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return 0
        for start in range(0, len(chunk), PIECE):
            piece = chunk[start : start + PIECE]
            self.link_free = max(self.link_free, now) + len(piece) * 8 / self.rate
            self.queue.append((self.link_free + DELAY, piece))
        return len(chunk)

    def type_text(self, text: str) -> tuple[list[float], list[int]]:
        """Type ``text`` at the typist's rate over the link: (echo seconds, bytes) per char."""
        x0, y0 = self.screen.cursor.x, self.screen.cursor.y
        start = time.monotonic() + 0.05
        typed = [start + i / RATE_CPS for i in range(len(text))]
        keys = deque((t + DELAY, i) for i, t in enumerate(typed))
        reached: list[float] = []  # when each key reached the app
        sent = [0] * len(text)
        echoes = [math.nan] * len(text)
        shown = 0  # characters seen on the screen so far
        last_read = time.monotonic()
        deadline = start + len(text) / RATE_CPS + 60
        while time.monotonic() < deadline:
            now = time.monotonic()
            while keys and keys[0][0] <= now:
                _, i = keys.popleft()
                os.write(self.master, text[i].encode())
                reached.append(now)
            while self.queue and self.queue[0][0] <= now:
                arrival, piece = self.queue.popleft()
                self.stream.feed(piece)
                while shown < len(text) and self._visible(text, shown, x0, y0):
                    echoes[shown] = arrival - typed[shown]
                    shown += 1
            if not keys and not self.queue and now - last_read > 1.0:
                break
            wakes = [pending[0][0] for pending in (keys, self.queue) if pending]
            timeout = max(0.0, min([0.1] + [wake - now for wake in wakes]))
            ready, _, _ = select.select([self.master], [], [], timeout)
            if ready:
                now = time.monotonic()
                got = self._read(now)
                last_read = now
                if reached:
                    sent[len(reached) - 1] += got
        return echoes, sent

    def _visible(self, text: str, i: int, x0: int, y0: int) -> bool:
        """Is the ``i``-th typed character on the screen at its place? A space also needs
        the cursor after it (a space cell looks like the empty one it replaced)."""
        if x0 + i >= self.screen.columns:
            return False
        row = self.screen.buffer[y0]
        cells = "".join(row[x].data for x in range(x0, x0 + i + 1))
        if cells != text[: i + 1]:
            return False
        if text[i] != " ":
            return True
        return (self.screen.cursor.x, self.screen.cursor.y) == (x0 + i + 1, y0)

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.master)


def _spawn(app: str, folder: Path) -> tuple[subprocess.Popen, int]:
    """Start ``app`` in a new pty of 80x24 with a fresh copy of its file and user folders."""
    minutes = tomllib.loads(SAMPLE.read_text("utf-8"))["items"][0]["minutes"]
    text_file = folder / "minutes.md"
    text_file.write_text(minutes, "utf-8")
    source = SAMPLE if app == "referat" else text_file
    copy, env = figures_ui._fresh(source, folder)
    env["LANG"] = "da_DK.UTF-8"
    env.pop("LC_ALL", None)
    if app == "vim":
        args = [shutil.which("vim") or "vim", "-u", "NONE", str(copy)]
    else:
        args = [sys.executable, str(figures_ui.PROBE), app, str(copy), "idle"]
    master, slave = os.openpty()
    figures_ui.fcntl.ioctl(
        slave, figures_ui.termios.TIOCSWINSZ, figures_ui.struct.pack("HHHH", 24, 80, 0, 0)
    )
    proc = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    return proc, master


def session(app: str, kbit: int, chars: int, rewrap: int, show: bool = False) -> Session:
    """Type ``chars`` characters of the sentence (then ``rewrap`` at the paragraph's start)
    into ``app`` behind a link of ``kbit`` kbit/s."""
    result = Session(app, kbit)
    with tempfile.TemporaryDirectory() as tmp:
        relay = Relay(app, Path(tmp), kbit)
        try:
            relay.settle(1.0)
            for keys in TO_NEW_LINE[app]:
                relay.press(keys)
            result.echoes, result.bytes_per_char = relay.type_text(SENTENCE[:chars])
            if rewrap:
                for keys in TO_PARAGRAPH_START[app]:
                    relay.press(keys)
                result.rewrap_echoes, result.rewrap_bytes = relay.type_text(REWRAP[:rewrap])
                if app != "vim":  # (vim -u NONE is vi-compatible: no arrow keys in insert mode)
                    result.move_bytes = {name: relay.press(key) for name, key in MOVES.items()}
            if show:
                print(f"--- {app} at {kbit} kbit/s", file=sys.stderr)
                print("\n".join(relay.screen.display), file=sys.stderr)
        finally:
            relay.close()
    return result


@dataclass(frozen=True)
class Plan:
    rates: tuple[int, ...]
    apps: tuple[str, ...]
    chars: int
    rewrap: int


FULL = Plan((256, 64), ("referat", "bare", "vim"), len(SENTENCE), len(REWRAP))
QUICK = Plan((256,), ("referat", "bare"), 10, 3)


def measure(plan: Plan, show: bool = False) -> list[dict[str, float | int | str]]:
    """One session per app and link rate; apps without a binary (vim) are left out."""
    apps = [app for app in plan.apps if app != "vim" or shutil.which("vim")]
    return [
        session(app, kbit, plan.chars, plan.rewrap, show).summary()
        for kbit in plan.rates
        for app in apps
    ]


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value * 1000:.0f} ms"


def _bytes(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f} B"


def table(rows: list[dict[str, float | int | str]]) -> str:
    lines = [
        "| app | link | echo median | p95 | worst | backlog | bytes/char | re-wrap, most "
        "| cursor move, most |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        missing = f" ({row['missing']} never shown)" if row["missing"] else ""
        lines.append(
            f"| {row['app']} | {row['kbit']} kbit/s | {_ms(row['echo_median'])} "  # type: ignore[arg-type]
            f"| {_ms(row['echo_p95'])} | {_ms(row['echo_worst'])}{missing} "  # type: ignore[arg-type]
            f"| {_ms(row['backlog'])} | {row['bytes_per_char']:.0f} B "  # type: ignore[arg-type]
            f"| {row['rewrap_bytes_per_char']:.0f} B | {_bytes(row['move_bytes'])} |"  # type: ignore[arg-type]
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="referat and bare, one link, <30 s")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--show", action="store_true", help="print each screen after typing")
    args = parser.parse_args(argv)
    rows = measure(QUICK if args.quick else FULL, args.show)
    print(json.dumps(rows) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
