"""The speed suite: every figure next to its baseline, measured in the same run.

    python benchmarks/run.py            # the full set (a few minutes)
    python benchmarks/run.py --quick    # a smaller set, under 30 s (the tests run this)
    python benchmarks/run.py --json     # machine-readable

Prints a table of figure, value, baseline, ratio and target. Exit status 1 when a target is
missed (so CI or a person notices), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import figures_core, figures_ui  # noqa: E402
from benchmarks.generate import make_meeting  # noqa: E402


@dataclass
class Row:
    figure: str
    value: float
    baseline: float | None
    unit: str
    target: float
    #: "ratio": value/baseline must be <= target; "absolute": value must be < target.
    kind: str = "ratio"

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool:
        if self.kind == "absolute":
            return self.value < self.target
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
    from tui_referat.storage import dumps_meeting

    meeting = make_meeting(1)
    line = "arbejdsgruppen drøftede punktet og aftalte næste skridt."
    text = "\n".join(f"Linje {n}: {line}" for n in range(lines))
    meeting.items[0].minutes = text + "\n"
    toml_path = folder / f"minutes-{lines}.toml"
    toml_path.write_text(dumps_meeting(meeting), "utf-8")
    text_path = folder / f"minutes-{lines}.md"
    text_path.write_text(text + "\n", "utf-8")
    return toml_path, text_path


def measure(quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    big = 100 if quick else 500
    sample = ROOT / "samples" / "arbejdsgruppe.toml"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        from benchmarks.generate import write_meeting

        big_file = write_meeting(big, folder)
        ours, bare = figures_ui.alternate(
            figures_ui.startup_once,
            ("referat", sample, folder),
            ("bare", sample, folder),
            1 if quick else 5,
        )
        rows.append(Row("start-up to first frame, Danish sample", ours, bare, "s", 1.3))
        ours, bare = figures_ui.alternate(
            figures_ui.startup_once,
            ("referat", big_file, folder),
            ("bare", big_file, folder),
            1 if quick else 3,
        )
        rows.append(Row(f"start-up, {big}-item meeting", ours, bare, "s", 1.6))
        move = figures_ui.move_next_item(big_file, 5 if quick else 20)
        rows.append(Row(f"move to the next item, {big} items", move, None, "s", 0.050, "absolute"))
        minutes_toml, minutes_md = _minutes_file(folder, 1000)
        ours, bare = figures_ui.key_press(minutes_toml, minutes_md, 10 if quick else 30, 1)
        rows.append(Row("key press in a 1,000-line minutes section", ours, bare, "s", 1.1))
        ours_b = figures_ui.bytes_per_char("referat", minutes_toml, 10 if quick else 40)
        bare_b = figures_ui.bytes_per_char("bare", minutes_md, 10 if quick else 40)
        rows.append(Row("bytes sent to the terminal per typed character", ours_b, bare_b, "B", 1.5))
        ours, bare = figures_core.save_after_edit(folder, big, runs)
        rows.append(Row(f"save after one edit, {big} items", ours, bare, "s", 3.0))
        ours, bare = figures_core.load(folder, big, runs)
        rows.append(Row(f"load, {big} items", ours, bare, "s", 1.5))
        ours, bare = figures_core.email_export(100 if not quick else 20, runs)
        rows.append(Row(f"email export, {100 if not quick else 20} items", ours, bare, "s", 1.5))
        ours, bare = figures_core.check_process(folder, 100, runs)
        rows.append(Row("`referat check`, 100 items, whole process", ours, bare, "s", 2.0))
        ours, bare = figures_ui.alternate(
            figures_ui.peak_memory_once,
            ("referat", big_file, folder),
            ("bare", big_file, folder),
            1,
        )
        rows.append(Row(f"peak memory, {big}-item meeting open", ours, bare, "KiB", 2.0))
    return rows


def table(rows: list[Row]) -> str:
    lines = [
        "| figure | value | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        target = f"< {row.target * 1000:.0f} ms" if row.kind == "absolute" else f"<= {row.target}x"
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
    rows = measure(args.quick)
    if args.json:
        print(json.dumps([asdict(row) | {"ratio": row.ratio, "met": row.met} for row in rows]))
    else:
        print(table(rows))
    return 0 if all(row.met for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
