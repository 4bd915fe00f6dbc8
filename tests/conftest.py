"""Shared test fixtures: paths to the bundled samples, isolated user dirs; and helpers that
read what the user sees in the editor (the screen's text, the notifications)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep tests away from the real user's config, state and recovery files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: rewrite tests/golden/ from the current exports (review the diff)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden export files in tests/golden/ instead of comparing",
    )


# -- what the user sees ------------------------------------------------------------------------
#
# Textual has no public call that returns the screen as text; ``App.export_screenshot()`` (its
# public capture, what snapshot tests use) draws it as SVG, one <text> per run of equal style,
# with the line in its clip-path and the column in x (Rich: a cell is 0.61 x 20 px wide).

_CELL_PX = 20 * 0.61
_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
    r'clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>',
    re.DOTALL,
)


def screen_cells(app: Any) -> list[list[str]]:
    """The screen as the terminal shows it, one string per cell: every layer (a dialog over the
    screen it covers, notifications), after the app's line filters. A wide character fills its
    cell and leaves the next one ``""``; a zero-width one (a control character that got
    through) stays with the character before it, as it reaches the terminal."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        row, column = rows[int(line)], round(float(x) / _CELL_PX)
        for char in html.unescape(text.replace("&#160;", " ")).replace("\n", ""):
            size = cell_len(char)
            if size == 0:
                row[max(column - 1, 0)] += char
                continue
            if column + size > width:
                break
            row[column : column + size] = [char] + [""] * (size - 1)
            column += size
    return rows


def screen_lines(app: Any) -> list[str]:
    """The screen's lines as the user sees them (see ``screen_cells``)."""
    return ["".join(row) for row in screen_cells(app)]


def lines_in(app: Any, region: Any) -> list[str]:
    """The lines of the screen inside ``region`` (a widget's ``region``, ``content_region`` …),
    cut to it."""
    rows = screen_cells(app)[region.y : region.y + region.height]
    return ["".join(row[region.x : region.x + region.width]) for row in rows]


def notifications(app: Any, severity: str | None = None) -> list[str]:
    """The notifications on the screen (Textual's toasts), oldest first, as each one reads
    (its text unwrapped); ``severity``: only the "information", "warning" or "error" ones,
    told apart by the toast's class (``Toast.-error`` …, as Textual documents for styling).
    Textual's tests show no notifications unless asked: ``run_test(notifications=True)``."""
    assert app.screen.query("ToastRack"), "no notifications shown: run_test(notifications=True)"
    selector = "Toast" if severity is None else f"Toast.-{severity}"
    return [toast.render().plain for toast in app.screen.query(selector)]
