"""Figures without a terminal: load, save, email and PDF export and `referat check`.

Each figure returns ``(subject_seconds, baseline_seconds)`` as medians of runs taken in turn
(subject, baseline, subject, …) so that both see the same machine load.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import tomlkit
from markdown_it import MarkdownIt

from benchmarks.generate import all_markdown, make_meeting, write_meeting


def side_by_side(
    subject: Callable[[], object], baseline: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Median seconds of ``subject`` and ``baseline``, run alternately ``runs`` times each."""
    subject_times: list[float] = []
    baseline_times: list[float] = []
    subject()  # warm caches and imports on both sides before timing
    baseline()
    for _ in range(runs):
        for fn, bucket in ((subject, subject_times), (baseline, baseline_times)):
            start = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - start)
    return statistics.median(subject_times), statistics.median(baseline_times)


def load(folder: Path, items: int, runs: int) -> tuple[float, float]:
    from tui_referat.storage import load_meeting

    path = write_meeting(items, folder)
    return side_by_side(
        lambda: load_meeting(path),
        lambda: tomlkit.parse(path.read_text("utf-8")),
        runs,
    )


def save_after_edit(folder: Path, items: int, runs: int) -> tuple[float, float]:
    from tui_referat.storage import load_meeting, save_meeting

    path = write_meeting(items, folder)
    meeting = load_meeting(path)
    document = tomlkit.parse(path.read_text("utf-8"))
    target = folder / "saved.toml"
    counter = iter(range(10**9))

    def save() -> None:
        meeting.items[items // 2].minutes += f"\nTilføjet linje {next(counter)}.\n"
        save_meeting(meeting, target)

    return side_by_side(save, lambda: tomlkit.dumps(document), runs)


def email_export(items: int, runs: int) -> tuple[float, float]:
    from tui_referat.export import render

    meeting = make_meeting(items)
    text = all_markdown(meeting)
    md = MarkdownIt("commonmark").enable("table")  # the options the exports use
    return side_by_side(lambda: render(meeting, "email"), lambda: md.render(text), runs)


def pdf_export(items: int, runs: int) -> tuple[float, float]:
    """The archival PDF (Typst: layout, fonts, PDF/A tags) against the HTML page of the
    same generated meeting."""
    from tui_referat.export import render

    meeting = make_meeting(items)
    return side_by_side(lambda: render(meeting, "pdf"), lambda: render(meeting, "html"), runs)


def check_process(path: Path, runs: int) -> tuple[float, float]:
    """``referat check FILE`` as a new process against a process that imports tomllib and
    parses the same file; both start the same Python."""
    ours = [sys.executable, "-m", "tui_referat", "check", str(path)]
    bare = [
        sys.executable,
        "-c",
        "import sys, tomllib; tomllib.load(open(sys.argv[1], 'rb'))",
        str(path),
    ]
    return side_by_side(
        lambda: subprocess.run(ours, capture_output=True, check=False),
        lambda: subprocess.run(bare, capture_output=True, check=True),
        runs,
    )


def email_size(items: int = 30) -> tuple[float, float]:
    """The email HTML of the Danish sample with its items repeated to ``items`` (its density):
    bytes per item (what an item adds over the meeting without items) and the whole in KB."""
    import copy

    from tui_referat.export import render
    from tui_referat.storage import load_meeting

    meeting = load_meeting(Path(__file__).resolve().parent.parent / "samples/arbejdsgruppe.toml")
    own = meeting.items
    meeting.items = [copy.deepcopy(own[n % len(own)]) for n in range(items)]
    whole = len(render(meeting, "email"))
    meeting.items = []
    bare = len(render(meeting, "email"))
    return (whole - bare) / items, whole / 1000


def markdown_size(items: int) -> int:
    return len(all_markdown(make_meeting(items)).encode("utf-8"))


if __name__ == "__main__":  # a quick look at one figure
    with tempfile.TemporaryDirectory() as tmp:
        print(load(Path(tmp), 100, 3))
