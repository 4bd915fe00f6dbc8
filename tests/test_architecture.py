"""The import contracts of pyproject.toml ([tool.importlinter]) hold, and they bite.

The layers are cli > commands > tui > safety > storage | importer | export > domain > text;
the layers below tui import no Textual; no package has an import cycle between its modules.
``lint-imports`` runs in a child process: it finds ``tui_referat`` on its path, so the copy
with a deliberate breach below is checked in place of the real package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"

#: Contracts that must be kept now.
KEPT = ("layers", "no-textual", "acyclic", "tui-layers")

#: Runs the public ``importlinter.cli.lint_imports`` once per contract id (argv[2:]) with the
#: config file argv[1]; prints {id: {"kept": bool, "report": text}} as JSON on the last line.
RUNNER = """
import contextlib, io, json, sys
from importlinter.cli import lint_imports

results = {}
for contract in sys.argv[2:]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = lint_imports(
            config_filename=sys.argv[1],
            limit_to_contracts=(contract,),
            no_cache=True,
            no_logo=True,
        )
    results[contract] = {"kept": status == 0, "report": out.getvalue()}
print(json.dumps(results))
"""


def _lint(root: Path, contracts: tuple[str, ...]) -> dict[str, dict]:
    """The result of each contract for the ``tui_referat`` package found in ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, str(root / "pyproject.toml"), *contracts],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@cache
def _real_results() -> dict[str, dict]:
    return _lint(ROOT, KEPT)


def test_every_contract_is_checked_here() -> None:
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    ids = [contract.get("id") for contract in contracts["contracts"]]
    assert sorted(ids) == sorted(KEPT)


@pytest.mark.parametrize("contract", KEPT)
def test_the_contract_is_kept(contract: str) -> None:
    result = _real_results()[contract]
    assert result["kept"], result["report"]


# -- the contracts bite: a copy of the package with one deliberate breach -----------------

BREACHES = [
    pytest.param(
        "layers",
        "domain/model.py",
        "from .. import storage",
        "tui_referat.domain.model -> tui_referat.storage",
        id="domain-imports-storage",
    ),
    pytest.param(
        "acyclic",
        "storage/locate.py",
        "from . import meeting_file",
        "No cycles are allowed in tui_referat.storage",
        id="cycle-in-storage",
    ),
    pytest.param(
        "acyclic",
        "importer/values.py",
        "from . import parts",
        "No cycles are allowed in tui_referat.importer",
        id="cycle-in-importer",
    ),
    pytest.param(
        "no-textual",
        "text/when.py",
        "import textual",
        "tui_referat.text.when -> textual",
        id="text-imports-textual",
    ),
]


@pytest.mark.parametrize(("contract", "module", "line", "reported"), BREACHES)
def test_a_breach_breaks_the_contract(
    tmp_path: Path, contract: str, module: str, line: str, reported: str
) -> None:
    shutil.copy(PYPROJECT, tmp_path / "pyproject.toml")
    shutil.copytree(
        ROOT / "tui_referat",
        tmp_path / "tui_referat",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    before = _lint(tmp_path, (contract,))[contract]
    assert before["kept"], before["report"]  # the copy is as clean as the package
    target = tmp_path / "tui_referat" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    after = _lint(tmp_path, (contract,))[contract]
    assert not after["kept"]
    assert reported in after["report"], after["report"]
