"""The speed suite runs and reports every figure; the CLI starts without Textual.

No timing is asserted here (timed tests fail on a busy machine); the suite's own table says
whether the targets are met (see docs/PERFORMANCE.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FIGURES = (
    "start-up to first frame, Danish sample",
    "start-up, 6-item meeting (extra: long minutes)",
    "start-up, 20-item meeting",
    "move to the next item, 20 items",
    "key press in a 1,000-line minutes section",
    "bytes sent to the terminal per typed character",
    "save after one edit, 20 items",
    "load, 20 items",
    "email export, 20 items",
    "`referat check`, 20 items, whole process",
    "peak memory, 20-item meeting open",
)


def test_quick_run_reports_every_figure_with_a_positive_value() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stderr  # 1: a target missed, not a failure
    rows = {row["figure"]: row for row in json.loads(result.stdout)}
    assert tuple(rows) == FIGURES
    for name, row in rows.items():
        assert row["value"] > 0, name
        if row["kind"] == "ratio":
            assert row["baseline"] > 0 and row["ratio"] > 0, name
        assert isinstance(row["met"], bool)


def test_importing_the_cli_does_not_import_textual() -> None:
    code = (
        "import sys, tui_referat.cli as cli\n"
        "cli.build_parser()\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
