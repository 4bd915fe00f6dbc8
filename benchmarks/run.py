"""The speed suite: every figure next to its baseline, measured in the same run.

    python benchmarks/run.py            # the full set (a few minutes)
    python benchmarks/run.py --quick    # a smaller set, under 30 s (the tests run this)
    python benchmarks/run.py --json     # machine-readable

Prints a table of figure, value, baseline, ratio and target. Exit status 1 when a target is
missed (so CI or a person notices), 0 otherwise.
"""

from __future__ import annotations

import argparse
import compileall
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import figures_core, figures_ui, slowlink  # noqa: E402
from benchmarks.generate import make_meeting, write_meeting  # noqa: E402
from tui_referat.storage import dumps_meeting  # noqa: E402


@dataclass
class Row:
    figure: str
    value: float
    baseline: float | None
    unit: str
    target: float
    #: "ratio": value/baseline must be <= target; "absolute": value must be < target (a
    #: baseline, when given, is shown beside it with the ratio, for scale);
    #: "margin": value must be <= baseline + target (same unit).
    kind: str = "ratio"
    #: A figure of our own, not in the speed issue's table: shown, not part of the exit status.
    extra: bool = False

    @property
    def ratio(self) -> float | None:
        if self.kind == "margin":
            return None
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        if self.kind == "absolute":
            return self.value < self.target
        if self.kind == "margin":
            return self.baseline is not None and self.value <= self.baseline + self.target
        return self.ratio is not None and self.ratio <= self.target


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    if unit == "KiB":
        return f"{value / 1024:.1f} MiB"
    return f"{value:.1f} {unit}"


def _minutes_file(folder: Path, lines: int) -> tuple[Path, Path]:
    """A one-item meeting whose minutes have ``lines`` lines, and the same text alone."""
    meeting = make_meeting(1)
    line = "arbejdsgruppen drøftede punktet og aftalte næste skridt."
    text = "\n".join(f"Linje {n}: {line}" for n in range(lines))
    meeting.items[0].minutes = text + "\n"
    toml_path = folder / f"minutes-{lines}.toml"
    toml_path.write_text(dumps_meeting(meeting), "utf-8")
    text_path = folder / f"minutes-{lines}.md"
    text_path.write_text(text + "\n", "utf-8")
    return toml_path, text_path


@dataclass(frozen=True)
class Plan:
    """Sizes and repetitions of one run of the suite."""

    small: int  # items in the small generated meeting
    mid: int  # items for the email export and `referat check`
    big: int  # items for start-up, moving, save, load and memory
    runs: int  # timed runs of each in-process figure (median)
    startups: int  # start-ups of each app (median)
    big_startups: int
    moves: int  # moves between items (median)
    chars: int  # characters typed per session
    typing_sessions: int  # typing sessions of each app (median of medians)
    memory_runs: int
    link: slowlink.Plan  # the typing sessions over a slow link


FULL = Plan(6, 100, 500, 7, 21, 5, 25, 40, 5, 3, slowlink.FULL)
QUICK = Plan(6, 20, 20, 2, 1, 1, 3, 6, 1, 1, slowlink.QUICK)

#: p95 echo over the link may exceed vim's by this much (seconds), per link rate (kbit/s).
ECHO_MARGIN = {256: 0.040, 64: 0.120}


def link_rows(plan: slowlink.Plan) -> list[Row]:
    """The slow-link figures (benchmarks/slowlink.py): bytes per typed character and per
    cursor move, the echo's 95th percentile next to vim's, and the backlog, per link rate."""
    sessions = {(row["app"], row["kbit"]): row for row in slowlink.measure(plan)}
    rows: list[Row] = []
    for kbit in plan.rates:
        ours = sessions[("referat", kbit)]
        vim = sessions.get(("vim", kbit))
        link = f"{kbit} kbit/s link"
        if kbit == plan.rates[0]:
            rows.append(
                Row(
                    "bytes per typed character, new line (slow link)",
                    float(ours["bytes_per_char"]),
                    None,
                    "B",
                    600.0,
                    "absolute",
                )
            )
            rows.append(
                Row(
                    "bytes per typed character that re-wraps a paragraph",
                    float(ours["rewrap_bytes_per_char"]),
                    None,
                    "B",
                    1500.0,
                    "absolute",
                )
            )
            rows.append(
                Row(
                    "bytes per cursor move (slow link)",  # the most of slowlink.MOVES
                    float(ours["move_bytes"]),
                    None,
                    "B",
                    600.0,
                    "absolute",
                )
            )
        if vim is not None:
            rows.append(
                Row(
                    f"echo of a typed character, p95, {link}",
                    float(ours["echo_p95"]),
                    float(vim["echo_p95"]),
                    "s",
                    ECHO_MARGIN.get(kbit, 0.040),
                    "margin",
                )
            )
        rows.append(
            Row(
                f"backlog after typing, {link}",
                float(ours["backlog"]),
                None,
                "s",
                0.100,
                "absolute",
            )
        )
    return rows


def compile_sources() -> None:
    """Byte-compile tui_referat, as installing a package does: the app then starts from .pyc
    files like Textual does (with PYTHONDONTWRITEBYTECODE set, as on some machines, Python
    would otherwise compile every changed module at every start)."""
    compileall.compile_dir(ROOT / "tui_referat", quiet=1)


def measure(plan: Plan) -> list[Row]:
    """Every figure, each next to its baseline measured in the same run."""
    compile_sources()
    sample = ROOT / "samples" / "arbejdsgruppe.toml"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {n: write_meeting(n, folder) for n in sorted({plan.small, plan.mid, plan.big})}
        for label, path, target, runs, extra in (
            ("start-up to first frame, Danish sample", sample, 1.1, plan.startups, False),
            (
                f"start-up, {plan.small}-item meeting (extra: long minutes)",
                files[plan.small],
                1.3,
                plan.startups,
                True,
            ),
            (f"start-up, {plan.big}-item meeting", files[plan.big], 1.6, plan.big_startups, False),
        ):
            ours, bare = figures_ui.alternate(
                figures_ui.startup_once, ("referat", path, folder), ("bare", path, folder), runs
            )
            rows.append(Row(label, ours, bare, "s", target, extra=extra))
        move = figures_ui.move_next_item(files[plan.big], folder, plan.moves)
        rows.append(
            Row(f"move to the next item, {plan.big} items", move, None, "s", 0.050, "absolute")
        )
        minutes_toml, minutes_md = _minutes_file(folder, 1000)
        (ours, bare), (ours_b, bare_b) = figures_ui.typing_side_by_side(
            minutes_toml, minutes_md, folder, plan.chars, plan.typing_sessions
        )
        rows.append(Row("key press in a 1,000-line minutes section", ours, bare, "s", 1.0))
        rows.append(Row("bytes sent to the terminal per typed character", ours_b, bare_b, "B", 1.5))
        ours, bare = figures_core.save_after_edit(folder, plan.big, plan.runs)
        rows.append(Row(f"save after one edit, {plan.big} items", ours, bare, "s", 3.0))
        ours, bare = figures_core.load(folder, plan.big, plan.runs)
        rows.append(Row(f"load, {plan.big} items", ours, bare, "s", 1.5))
        ours, bare = figures_core.email_export(plan.mid, plan.runs)
        rows.append(Row(f"email export, {plan.mid} items", ours, bare, "s", 1.5))
        ours, bare = figures_core.pdf_export(plan.mid, plan.runs)
        # The issue asks for "a few seconds" for 100 items, measured beside the HTML export
        # (shown as the baseline): a typeset PDF is many times the work of an HTML page.
        pdf = f"PDF export against the HTML export, {plan.mid} items"
        rows.append(Row(pdf, ours, bare, "s", 3.0, "absolute"))
        per_item, whole = figures_core.email_size(30)
        rows.append(Row("email HTML bytes per item", per_item, None, "B", 3000, "absolute"))
        rows.append(Row("email HTML, 30-item meeting (KB)", whole, None, "KB", 90, "absolute"))
        ours, bare = figures_core.check_process(files[plan.mid], plan.runs)
        rows.append(Row(f"`referat check`, {plan.mid} items, whole process", ours, bare, "s", 2.0))
        ours, bare = figures_ui.alternate(
            figures_ui.peak_memory_once,
            ("referat", files[plan.big], folder),
            ("bare", files[plan.big], folder),
            plan.memory_runs,
        )
        rows.append(Row(f"peak memory, {plan.big}-item meeting open", ours, bare, "KiB", 2.0))
    rows.extend(link_rows(plan.link))
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| figure | value | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        if row.kind == "margin":
            target = f"<= vim + {row.target * 1000:.0f} ms"
        elif row.kind == "absolute":
            limit = row.target * 1000 if row.unit == "s" else row.target
            target = f"< {limit:.0f} {'ms' if row.unit == 's' else row.unit}"
        else:
            target = f"<= {row.target}x"
        lines.append(
            f"| {row.figure} | {_fmt(row.value, row.unit)} | {_fmt(row.baseline, row.unit)} "
            f"| {ratio} | {target} | {'yes' if row.met else 'NO'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller set, under 30 s")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = measure(QUICK if args.quick else FULL)
    if args.json:
        print(json.dumps([asdict(row) | {"ratio": row.ratio, "met": row.met} for row in rows]))
    else:
        print(table(rows))
    return 0 if all(row.met for row in rows if not row.extra) else 1


if __name__ == "__main__":
    sys.exit(main())
