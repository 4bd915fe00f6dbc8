"""The speed suite's report: every figure, in its unit, next to its baseline; and the CLI
starts without Textual.

No timing is asserted here (timed tests fail on a busy machine); the suite's own table says
whether the targets are met (see docs/PERFORMANCE.md). The report is checked on canned
measurements (in a second, not the minute a real run takes); the figures measured in-process
run for real on a tiny meeting. The whole quick suite runs by hand
(``python benchmarks/run.py --quick``) or here with ``REFERAT_BENCH=1``.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import figures_core, figures_ui, slowlink
from benchmarks import run as suite

ROOT = Path(__file__).resolve().parents[2]

#: (figure, unit, kind) of every row of ``run.py --quick``, in order.
FIGURES = (
    ("start-up to first frame, Danish sample", "s", "ratio"),
    ("start-up, 6-item meeting (extra: long minutes)", "s", "ratio"),
    ("start-up, 20-item meeting", "s", "ratio"),
    ("move to the next item, 20 items", "s", "absolute"),
    ("key press in a 1,000-line minutes section", "s", "ratio"),
    ("bytes sent to the terminal per typed character", "B", "ratio"),
    ("save after one edit, 20 items", "s", "ratio"),
    ("load, 20 items", "s", "ratio"),
    ("email export, 20 items", "s", "ratio"),
    ("PDF export against the HTML export, 20 items", "s", "absolute"),
    ("email HTML bytes per item", "B", "absolute"),
    ("email HTML, 30-item meeting (KB)", "KB", "absolute"),
    ("`referat check`, 20 items, whole process", "s", "ratio"),
    ("peak memory, 20-item meeting open", "KiB", "ratio"),
    ("bytes per typed character, new line (slow link)", "B", "absolute"),
    ("bytes per typed character that re-wraps a paragraph", "B", "absolute"),
    ("bytes per cursor move (slow link)", "B", "absolute"),
    ("backlog after typing, 256 kbit/s link", "s", "absolute"),
)
#: The one row of our own, shown but not part of the exit status.
EXTRA = "start-up, 6-item meeting (extra: long minutes)"


@pytest.fixture
def canned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every measurement answers at once with a fixed figure (seconds, bytes, KiB): all
    targets met but the load's (3.0x against its 1.5x) and the extra start-up's."""
    monkeypatch.setattr(suite, "compile_sources", lambda: None)

    def alternate(fn, subject, baseline, runs):  # type: ignore[no-untyped-def]
        if fn is figures_ui.peak_memory_once:
            return 60_000.0, 40_000.0
        return (0.9, 0.3) if subject[1].name == "meeting-6.toml" else (0.5, 0.4)

    monkeypatch.setattr(figures_ui, "alternate", alternate)
    monkeypatch.setattr(figures_ui, "move_next_item", lambda file, scratch, moves: 0.02)
    monkeypatch.setattr(
        figures_ui, "typing_side_by_side", lambda *args: ((0.011, 0.010), (120.0, 100.0))
    )
    monkeypatch.setattr(figures_core, "save_after_edit", lambda folder, n, runs: (0.02, 0.01))
    monkeypatch.setattr(figures_core, "load", lambda folder, n, runs: (0.03, 0.01))
    monkeypatch.setattr(figures_core, "email_export", lambda n, runs: (0.012, 0.01))
    monkeypatch.setattr(figures_core, "pdf_export", lambda n, runs: (0.05, 0.01))
    monkeypatch.setattr(figures_core, "check_process", lambda path, runs: (0.15, 0.1))
    monkeypatch.setattr(figures_core, "email_size", lambda items: (2900.0, 88.0))
    monkeypatch.setattr(slowlink, "measure", lambda plan: canned_link(plan))


def canned_link(plan: slowlink.Plan) -> list[dict[str, float | int | str]]:
    """Sessions over the link as ``slowlink.measure`` reports them: referat sends 450 bytes
    per character (1,200 when it re-wraps, 250 at most for a cursor move) and its echo's p95
    is 30 ms over vim's at every rate; its backlog is 20 ms at 256 kbit/s and 300 ms at 64."""
    rows: list[dict[str, float | int | str]] = []
    for kbit in plan.rates:
        for app in plan.apps:
            p95 = 0.130 if app == "vim" else 0.160
            backlog = 0.020 if kbit == 256 else 0.300
            rows.append(
                {
                    "app": app,
                    "kbit": kbit,
                    "echo_median": p95 - 0.01,
                    "echo_p95": p95,
                    "echo_worst": p95 + 0.01,
                    "backlog": backlog if app == "referat" else 2.0,
                    "missing": 0,
                    "bytes_per_char": 450 if app != "vim" else 13,
                    "rewrap_bytes_per_char": 1200 if app != "vim" else 60,
                    "move_bytes": 250 if app != "vim" else math.nan,
                    "rewrap_echo_p95": p95,
                }
            )
    return rows


def test_json_report_has_every_figure_in_its_unit_with_ratio_and_verdict(
    canned: None, capsys: pytest.CaptureFixture[str]
) -> None:
    status = suite.main(["--quick", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert [(row["figure"], row["unit"], row["kind"]) for row in rows] == list(FIGURES)
    for row in rows:
        name = row["figure"]
        assert set(row) == {
            *("figure", "value", "baseline", "unit", "target", "kind", "extra", "ratio", "met"),
        }, name
        assert row["extra"] is (name == EXTRA), name
        if row["kind"] == "absolute":
            if name.startswith("PDF export"):  # a target in seconds, the HTML export beside it
                assert row["baseline"] > 0 and row["ratio"] == row["value"] / row["baseline"]
            else:
                assert row["baseline"] is None and row["ratio"] is None, name
            assert row["met"] is (row["value"] < row["target"]), name
        elif row["kind"] == "margin":
            assert row["ratio"] is None, name
            assert row["met"] is (row["value"] <= row["baseline"] + row["target"]), name
        else:
            assert row["ratio"] == pytest.approx(row["value"] / row["baseline"]), name
            assert row["met"] is (row["ratio"] <= row["target"]), name
    missed = [row["figure"] for row in rows if not row["met"]]
    # Canned: start-up 1.25x (issue 17: <= 1.1x), a key press 1.1x (<= 1.0x), the load.
    assert missed == [
        "start-up to first frame, Danish sample",
        EXTRA,
        "key press in a 1,000-line minutes section",
        "load, 20 items",
    ]
    assert status == 1  # targets are missed; the extra row alone would not count


def test_table_shows_each_unit_as_people_read_it(
    canned: None, capsys: pytest.CaptureFixture[str]
) -> None:
    suite.main(["--quick"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "| figure | value | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    cells = {
        row[0]: row[1:]
        for row in ([cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:])
    }
    assert list(cells) == [figure for figure, _, _ in FIGURES]
    assert cells["start-up to first frame, Danish sample"] == [
        "500.0 ms",
        "400.0 ms",
        "1.25x",
        "<= 1.1x",
        "NO",
    ]
    assert cells["move to the next item, 20 items"] == ["20.0 ms", "-", "-", "< 50 ms", "yes"]
    assert cells["bytes sent to the terminal per typed character"][:2] == ["120.0 B", "100.0 B"]
    assert cells["peak memory, 20-item meeting open"][:2] == ["58.6 MiB", "39.1 MiB"]
    assert cells["load, 20 items"][2:] == ["3.00x", "<= 1.5x", "NO"]
    assert cells["email HTML, 30-item meeting (KB)"] == ["88.0 KB", "-", "-", "< 90 KB", "yes"]
    assert cells["email HTML bytes per item"][3:] == ["< 3000 B", "yes"]
    assert cells["bytes per typed character, new line (slow link)"] == [
        "450.0 B",
        "-",
        "-",
        "< 600 B",
        "yes",
    ]
    assert cells["bytes per cursor move (slow link)"] == ["250.0 B", "-", "-", "< 600 B", "yes"]
    assert cells["backlog after typing, 256 kbit/s link"][3:] == ["< 100 ms", "yes"]


def test_full_link_rows_compare_echo_with_vim_and_flag_a_backlog(canned: None) -> None:
    rows = {row.figure: row for row in suite.link_rows(slowlink.FULL)}
    assert list(rows) == [
        "bytes per typed character, new line (slow link)",
        "bytes per typed character that re-wraps a paragraph",
        "bytes per cursor move (slow link)",
        "echo of a typed character, p95, 256 kbit/s link",
        "backlog after typing, 256 kbit/s link",
        "echo of a typed character, p95, 64 kbit/s link",
        "backlog after typing, 64 kbit/s link",
    ]
    at_256 = rows["echo of a typed character, p95, 256 kbit/s link"]
    assert (at_256.value, at_256.baseline, at_256.met) == (0.160, 0.130, True)  # 30 <= 40 ms
    assert rows["echo of a typed character, p95, 64 kbit/s link"].met  # 30 <= 120 ms
    assert not rows["backlog after typing, 64 kbit/s link"].met  # 300 ms behind the fingers
    lines = suite.table(list(rows.values())).splitlines()
    assert "| 160.0 ms | 130.0 ms | - | <= vim + 40 ms | yes |" in lines[5]


def test_in_process_figures_measure_seconds_on_a_tiny_meeting(tmp_path: Path) -> None:
    for ours, bare in (
        figures_core.load(tmp_path, 2, 1),
        figures_core.save_after_edit(tmp_path, 2, 1),
        figures_core.email_export(2, 1),
        figures_core.pdf_export(2, 1),
    ):
        assert 0 < ours < 60 and 0 < bare < 60
    per_item, whole = figures_core.email_size(2)
    assert 0 < per_item < whole * 1000


@pytest.mark.skipif(
    not os.environ.get("REFERAT_BENCH"), reason="the real quick suite (a minute): REFERAT_BENCH=1"
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
    rows = json.loads(result.stdout)
    assert [(row["figure"], row["unit"], row["kind"]) for row in rows] == list(FIGURES)
    for row in rows:
        assert row["value"] > 0, row["figure"]
        if row["kind"] == "ratio":
            assert row["baseline"] > 0 and row["ratio"] > 0, row["figure"]
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
