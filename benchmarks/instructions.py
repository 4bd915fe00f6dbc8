"""Start-up in instructions: referat and the bare app counted by valgrind, side by side.

    python benchmarks/instructions.py [--runs N] [--stop-at-run] [TREE ...]

Wall and CPU time of a start-up move by several percent with the load of a shared machine;
the number of instructions a process executes does not. So to judge a change of a few
milliseconds, this counts them (valgrind's callgrind, ``Collected``) from the start of the
process until the first frame has been drawn (the refresh after Textual's Ready), for the
bare app and referat from each source TREE given (default: this one), in the same pty of
80x24 and fresh user folders as the other figures. Under valgrind a start-up takes seconds,
so timers fire that would not in 0.3 s: the count varies by about +-1 % between runs; the
least of ``--runs`` (default 3) is shown. ``--stop-at-run`` counts only until ``App.run``
(referat's imports, the config, the file's load, the lock: exact to 0.1 %).

Not part of ``run.py`` (valgrind is not on every machine, and one count takes ~15 s); the
wall-clock figure of ``run.py`` is the one issue 17's target is judged by.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import figures_ui

SAMPLE = figures_ui.ROOT / "samples" / "arbejdsgruppe.toml"

#: Runs ``_probe.py`` and leaves with ``os._exit`` right after the first frame (or at
#: ``App.run``, ``--stop-at-run``): an ordinary exit would count the interpreter's teardown
#: too, where the bare app (garbage collection on) spends about 95 M instructions and
#: referat about 30 M, which hid a third of the difference.
_CHILD = """
import os, runpy, sys
from textual import events
from textual.app import App
if os.environ.get("REFERAT_STOP_AT_RUN"):
    App.run = lambda self, *a, **k: os._exit(0)
post = App.post_message
def post_message(self, message):
    if isinstance(message, events.Ready):
        self.call_after_refresh(lambda: os._exit(0))
    return post(self, message)
App.post_message = post_message
sys.argv = [sys.argv[1], *sys.argv[2:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def count(which: str, tree: Path, file: Path, stop_at_run: bool = False) -> int:
    """Instructions from the start of ``which`` ("referat" or "bare") to its first frame."""
    figures_ui.TREE = tree
    scratch = Path(tempfile.mkdtemp())
    try:
        copy, env = figures_ui._fresh(file, scratch)
        env["PYTHONHASHSEED"] = "0"
        if stop_at_run:
            env["REFERAT_STOP_AT_RUN"] = "1"
        log = scratch / "valgrind.log"
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        args = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={scratch / 'callgrind.out'}",
            f"--log-file={log}",
            sys.executable,
            "-c",
            _CHILD,
            str(figures_ui.PROBE),
            which,
            str(copy),
            "idle",
        ]
        # In the scratch folder: ``python -c`` puts the working folder first on sys.path,
        # which would take tui_referat from there instead of TREE.
        proc = subprocess.Popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=scratch,
            start_new_session=True,
        )
        os.close(slave)
        figures_ui._finish(proc, master)
        found = re.search(r"Collected : (\d+)", log.read_text())
        if found is None:
            raise RuntimeError(f"no count from valgrind: {log.read_text()[-500:]}")
        return int(found.group(1))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, help="source trees (default: this one)")
    parser.add_argument("--runs", type=int, default=3, help="counts of each; the least is shown")
    parser.add_argument("--stop-at-run", action="store_true", help="count until App.run only")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 2
    trees = args.trees or [figures_ui.ROOT]
    bare = min(count("bare", figures_ui.ROOT, SAMPLE, args.stop_at_run) for _ in range(args.runs))
    print(f"{'bare Textual app':40s} {bare / 1e6:9.1f} M instructions")
    for tree in trees:
        ours = min(count("referat", tree, SAMPLE, args.stop_at_run) for _ in range(args.runs))
        print(f"{'referat ' + str(tree):40s} {ours / 1e6:9.1f} M instructions  {ours / bare:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
