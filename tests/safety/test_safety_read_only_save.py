"""A save over a file made read-only after opening asks first: all write bits off counts as
read-only (as root the bits would not stop the write), as for a file changed on disk (issue 12,
item 7). Overwriting on purpose keeps the file's mode 444 and is not asked again."""

from __future__ import annotations

import asyncio
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from tui_referat.config import Config

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    return path


def run(path: Path, steps: Any) -> Any:
    from tui_referat.app import ReferatApp

    app = ReferatApp(path, lang="en", config=Config())

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(go())
    return app


def test_save_over_a_read_only_file_asks_and_cancel_writes_nothing(meeting_file: Path) -> None:
    from tui_referat.ui.safety_dialogs import ReadOnlyFileDialog

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Mine")
        before = meeting_file.read_bytes()
        meeting_file.chmod(0o444)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReadOnlyFileDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert meeting_file.read_bytes() == before and app.session.dirty

    run(meeting_file, steps)


def test_overwrite_a_read_only_file_on_purpose_keeps_it_read_only(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Mine")
        meeting_file.chmod(0o444)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert not app.session.dirty
        # asked once per session: the next save writes without asking again
        await pilot.press("enter", *"More")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty

    run(meeting_file, steps)
    assert "More" in meeting_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(meeting_file.stat().st_mode) == 0o444


def test_save_as_from_the_read_only_question(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Mine")
        before = meeting_file.read_bytes()
        meeting_file.chmod(0o444)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert not app.session.dirty and app.session.path != meeting_file
        assert meeting_file.read_bytes() == before
        assert "Mine" in app.session.path.read_text(encoding="utf-8")

    run(meeting_file, steps)


def test_changed_and_read_only_asks_both_before_writing(meeting_file: Path) -> None:
    from tui_referat.ui.safety_dialogs import DiskChangedDialog, ReadOnlyFileDialog

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Mine")
        with meeting_file.open("a", encoding="utf-8") as handle:
            handle.write("# added by git pull\n")
        meeting_file.chmod(0o444)
        before = meeting_file.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedDialog)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReadOnlyFileDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert meeting_file.read_bytes() == before and app.session.dirty

    run(meeting_file, steps)


def test_write_bits_decide_not_os_access(meeting_file: Path) -> None:
    from tui_referat.safety.watch import write_protected

    assert not write_protected(meeting_file)
    meeting_file.chmod(0o444)
    assert write_protected(meeting_file)
    meeting_file.chmod(0o644)
    assert not write_protected(meeting_file)
    assert not write_protected(meeting_file.with_name("missing.toml"))
