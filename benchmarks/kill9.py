"""The kill -9 figure: how many seconds of typing a ``kill -9`` loses (issue 12, item 1).

    python benchmarks/kill9.py                     # 20 runs, typing up to 60 s each
    python benchmarks/kill9.py --seconds 10        # shorter runs
    python benchmarks/kill9.py --runs 5 --json     # fewer runs, machine-readable

Each run opens a copy of ``samples/arbejdsgruppe.toml`` in the editor in a real terminal
(pexpect, 80x24, ``--lang da``), presses Enter on the agenda (item 1's minutes), types at
``--rate`` keys a second and ``kill -9``s the editor at a random moment within ``--seconds`` of
typing (a random point between two keys). Then it reads the recovery copy and finds how many
of the typed keys it holds; the loss is the time from the first key it lacks to the kill
(0 when it holds them all). Prints every run and the worst loss; exit status 1 when the worst
is over ``--limit`` (2 s).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "arbejdsgruppe.toml"


def drain(child, until: float) -> None:  # type: ignore[no-untyped-def]
    """Read what the editor draws until ``until``: a terminal nobody reads blocks the editor."""
    import pexpect

    while (left := until - time.monotonic()) > 0:
        try:
            child.read_nonblocking(65536, timeout=left)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            return


def one_run(folder: Path, typing: float, rate: float) -> dict[str, float]:
    """Type for ``typing`` seconds, kill -9; the keys sent, kept and the seconds lost."""
    import pexpect

    from tui_referat.safety import recovery
    from tui_referat.storage import loads_meeting

    path = folder / "meeting.toml"
    shutil.copyfile(SAMPLE, path)
    env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
    child = pexpect.spawn(
        sys.executable,
        ["-m", "tui_referat", str(path), "--lang", "da"],
        dimensions=(24, 80),
        env=env,
        timeout=30,
        encoding="utf-8",
    )
    try:
        child.expect("Dagsorden")
        child.send("\r")
        drain(child, time.monotonic() + 1.0)
        text = "".join("kq9xz"[i % 5] for i in range(int(typing * rate) + 1))
        sent: list[float] = []
        start = time.monotonic()
        kill_at = start + typing
        for index, char in enumerate(text):
            due = start + index / rate
            if due >= kill_at:
                break
            drain(child, due)
            child.send(char)
            sent.append(time.monotonic())
        drain(child, kill_at)
        killed = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        child.close(force=True)
    info = recovery.find_recovery(path)
    held = ""
    if info is not None:
        held = loads_meeting(info.text, path).items[0].minutes or ""
    typed = text[: len(sent)]
    kept = max(k for k in range(len(typed) + 1) if typed[:k] in held)
    lost = 0.0 if kept == len(sent) else killed - sent[kept]
    for name in list(folder.iterdir()):
        if name.is_file():
            name.unlink()
        else:
            shutil.rmtree(name)
    return {"typing": round(typing, 2), "sent": len(sent), "kept": kept, "lost": round(lost, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0, help="most seconds of typing")
    parser.add_argument("--rate", type=float, default=8.0, help="keys a second")
    parser.add_argument("--limit", type=float, default=2.0, help="most seconds lost allowed")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    chance = random.Random(args.seed)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            typing = chance.uniform(1.0, args.seconds)  # a random moment, between two keys
            result = one_run(Path(tmp), typing, args.rate)
            results.append(result)
            if not args.json:
                print(
                    f"run {run + 1:2}: typed {result['typing']:6.2f} s, {result['sent']:4} keys, "
                    f"copy holds {result['kept']:4}, lost {result['lost']:.2f} s",
                    flush=True,
                )
    worst = max(r["lost"] for r in results)
    if args.json:
        print(json.dumps({"runs": results, "worst_lost": worst}, indent=2))
    else:
        print(f"worst loss: {worst:.2f} s of typing (limit {args.limit:.1f} s)")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
