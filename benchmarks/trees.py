"""Two source trees side by side: start-up, key press and save, measured in turn in one run.

    python benchmarks/trees.py OLD_COMMIT [--runs N]

The old tree is taken with ``git archive`` into a temporary folder; both run the same
benchmark code (``figures_ui`` with ``TREE`` pointed at each tree, and a save loop in a child
process with that tree on ``PYTHONPATH``), alternately, so both see the same machine load.
Used for issue 13 (a restructuring must not make the editor slower): the ratio new/old of
each figure should stay near 1.0.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import figures_ui  # noqa: E402
from benchmarks.generate import write_meeting  # noqa: E402

_SAVE = """
import sys, time
from tui_referat.storage import load_meeting, save_meeting
meeting = load_meeting(sys.argv[1])
times = []
for n in range(int(sys.argv[3])):
    meeting.items[len(meeting.items) // 2].minutes += f"\\nTilføjet linje {n}.\\n"
    start = time.perf_counter()
    save_meeting(meeting, sys.argv[2])
    times.append(time.perf_counter() - start)
times.sort()
print(times[len(times) // 2])
"""


def export_tree(commit: str, into: Path) -> Path:
    data = subprocess.run(
        ["git", "archive", commit, "tui_referat", "themes", "samples"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    return into


def with_tree(tree: Path, fn: Callable[..., Any], *args: object) -> Any:
    figures_ui.TREE = tree
    try:
        return fn(*args)
    finally:
        figures_ui.TREE = ROOT


def save_once(tree: Path, file: Path, scratch: Path, saves: int) -> float:
    out = scratch / "saved.toml"
    result = subprocess.run(
        [sys.executable, "-c", _SAVE, str(file), str(out), str(saves)],
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the old tree's commit")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--new", default="", help="the new tree's commit (default: this tree)")
    parser.add_argument("--only", default="", help="only the figures whose name holds this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        old = export_tree(args.old, scratch / "old")
        new = export_tree(args.new, scratch / "new") if args.new else ROOT
        for tree in (new, old):  # bytecode written before timing, not during the first run
            compileall.compile_dir(tree / "tui_referat", quiet=1)
        sample = ROOT / "samples" / "arbejdsgruppe.toml"
        big = write_meeting(100, scratch)
        rows = []
        trees = {"new": new, "old": old}
        figures = {
            "start-up, Danish sample": lambda t: with_tree(
                t, figures_ui.startup_once, "referat", sample, scratch
            ),
            "start-up, 100 items": lambda t: with_tree(
                t, figures_ui.startup_once, "referat", big, scratch
            ),
            "key press (median of 20)": lambda t: with_tree(
                t, figures_ui.typing, "referat", sample, scratch, 20
            )[0],
            "save after one edit, 100 items (median of 20)": lambda t: save_once(
                t, big, scratch, 20
            ),
        }
        for name, measure in figures.items():
            if args.only not in name:
                continue
            got: dict[str, list[float]] = {"new": [], "old": []}
            for _ in range(args.runs):
                for which, tree in trees.items():
                    got[which].append(measure(tree))
            new, old_value = statistics.median(got["new"]), statistics.median(got["old"])
            rows.append((name, new, old_value))
    print(f"| figure | new | old ({args.old}) | new/old |")
    print("| --- | --- | --- | --- |")
    for name, new, old_value in rows:
        ratio = new / old_value
        print(f"| {name} | {new * 1000:.1f} ms | {old_value * 1000:.1f} ms | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
