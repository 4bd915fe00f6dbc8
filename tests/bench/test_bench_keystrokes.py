"""The keystroke figure (benchmarks/keystrokes.py) runs both builds for real and reports them.

No count is asserted (the scripts follow the editor's keys as they change): the quick job must
be done by both builds, the report must have its documented form, and the new build's number
must be the keys pressed in a run of this tree's code whose saved file held the whole job.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "keystrokes.py"


def _keystrokes():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("keystrokes", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_check_of_the_saved_file_finds_a_job_not_done() -> None:
    ks = _keystrokes()
    compared, found = ks.compare({"format": 1, "title": "Nyt møde"}, ks.QUICK)
    assert compared == len(found) > 5  # every value compared differs


def test_both_scripts_type_the_same_values() -> None:
    """The scripts differ in keys, not in what they type: the same values; the new build's
    separators (a participant's ", ", an agenda line's " (D) kl. " and " v/ ") are marked."""
    ks = _keystrokes()
    for job in (ks.JOB, ks.QUICK):
        old, new = ks.old_script(job), ks.new_script(job)
        typed_old = Counter(step.value for step in old.steps if step.kind == "text")
        typed_new = Counter(
            step.value for step in new.steps if step.kind == "text" and not step.markup
        )
        assert typed_old == typed_new
        assert old.markup_chars() == 0
        assert new.chars() == old.chars() + new.markup_chars()
        separators = {step.value for step in new.steps if step.markup}
        assert separators == {", ", " v/ ", *(f" ({item.kind}) kl. " for item in job.items)}


def test_quick_run_reports_both_builds_from_real_runs() -> None:
    ks = _keystrokes()
    known = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{ks.OLD_COMMIT}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if known.returncode != 0:
        pytest.skip(f"the old build ({ks.OLD_COMMIT}) is not in this clone")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 2: a job not done
    report = json.loads(result.stdout)
    old, new = report["old"], report["new"]
    for run, script in ((old, ks.old_script(ks.QUICK)), (new, ks.new_script(ks.QUICK))):
        assert run["ok"] is True, run.get("error")
        assert run["compared"] == 10 + 9 * len(ks.QUICK.items)  # every value of the job
        # The keys counted as they were pressed: every key of the script, once.
        assert run["keys"] == script.keys() == sum(run["keys_by_part"].values()) > 0
        assert run["chars"] == script.chars()
        assert run["seconds"] > 0
    assert new["code"] == new["build"] == str(ROOT)  # this tree's code did the job
    assert old["code"] != str(ROOT)
    # The same job: the same text, and the new build's separators (", ", " v/ " …) besides.
    assert old["markup_chars"] == 0
    assert new["markup_chars"] == ks.new_script(ks.QUICK).markup_chars()
    assert old["chars"] == new["chars"] - new["markup_chars"]
    assert report["ratio"] == pytest.approx(new["keys"] / old["keys"])
    assert report["met"] is (report["ratio"] <= ks.TARGET)

    lines = ks.table(report).splitlines()
    head = "| job | old build non-text keys | new build | ratio | target (<= 0.6) | met |"
    assert lines[0] == head
    cells = [cell.strip() for cell in lines[2].strip("|").split("|")]
    assert cells == [
        ks.QUICK_FIGURE,
        str(old["keys"]),
        str(new["keys"]),
        f"{report['ratio']:.2f}",
        "<= 0.6",
        "yes" if report["met"] else "NO",
    ]
    assert lines[3].startswith("| typed text, characters")
    parts = [line.split("|")[1].strip() for line in lines[7 : 7 + len(ks.PARTS)]]
    assert parts == list(ks.PARTS)
