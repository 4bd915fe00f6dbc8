"""The slow-link relay (benchmarks/slowlink.py): its report, and with ``REFERAT_BENCH=1`` a real
quick run. No time is asserted (a busy machine would fail it)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import slowlink

ROOT = Path(__file__).resolve().parents[2]


def test_a_session_reports_median_p95_worst_backlog_and_bytes() -> None:
    session = slowlink.Session("referat", 64)
    session.echoes = [0.1 + 0.01 * i for i in range(20)] + [math.nan]  # the last never shown
    session.bytes_per_char = [500, 700, 400]
    session.rewrap_bytes = [1400, 1300]
    session.move_bytes = {"left": 90, "down": 230, "end": 130}
    row = session.summary()
    assert row["echo_median"] == pytest.approx(0.195)
    assert row["echo_p95"] == pytest.approx(0.28)  # nearest rank: the 19th of 20
    assert row["echo_worst"] == pytest.approx(0.29)
    assert row["missing"] == 1
    assert math.isnan(row["backlog"])  # a character never shown: no backlog to speak of
    assert (row["bytes_per_char"], row["rewrap_bytes_per_char"]) == (500, 1400)  # the most
    assert row["move_bytes"] == 230  # the most
    line = slowlink.table([row]).splitlines()[2]
    assert line.startswith("| referat | 64 kbit/s | 195 ms | 280 ms | 290 ms (1 never shown) |")
    assert line.endswith("| - | 500 B | 1400 B | 230 B |")


@pytest.mark.skipif(
    not os.environ.get("REFERAT_BENCH"), reason="the real quick relay (about 20 s): REFERAT_BENCH=1"
)
def test_quick_run_shows_every_typed_character_of_both_apps() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "slowlink.py"), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(row["app"], row["kbit"]) for row in rows] == [("referat", 256), ("bare", 256)]
    for row in rows:
        assert row["missing"] == 0, row  # every character reached the emulated screen
        assert 0.08 <= row["echo_median"] <= row["echo_p95"] <= row["echo_worst"], row
        assert row["bytes_per_char"] > 0 and row["rewrap_bytes_per_char"] > 0, row
        assert row["move_bytes"] > 0, row
