"""A save notices a same-length change with the old mtime put back (``cp -p``, ``rsync -a``,
``tar x``, sync clients) by the content hash, not by mtime and size (issue 12, item 4)."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tui_referat.config import Config
from tui_referat.safety.guard import SafetyGuard
from tui_referat.safety.watch import changed_since, stamp
from tui_referat.ui.session import Session

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    shutil.copyfile(SAMPLE, path)
    return path


def _change_keeping_size_and_mtime(path: Path) -> bytes:
    """Change one byte of the file (same length) and put the old times back, as ``cp -p``."""
    st = os.stat(path)
    data = path.read_bytes()
    changed = data.replace(b"a", b"e", 1)
    assert len(changed) == len(data) and changed != data
    path.write_bytes(changed)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_mtime_ns, after.st_size) == (st.st_mtime_ns, st.st_size)
    return changed


def test_same_size_and_mtime_change_is_noticed_before_a_save(meeting_file: Path) -> None:
    before = stamp(meeting_file)
    _change_keeping_size_and_mtime(meeting_file)
    assert changed_since(meeting_file, before)
    # the idle look may take the fast path; the check before a save may not
    assert not changed_since(meeting_file, before, quick=True)


def test_session_api_reports_the_change(meeting_file: Path) -> None:
    session = Session.open(meeting_file)
    guard = SafetyGuard(session)
    _change_keeping_size_and_mtime(meeting_file)
    assert guard.changed_on_disk()


def test_base_is_the_bytes_read_at_load_not_a_later_look(meeting_file: Path) -> None:
    """A change between the load and the guard's creation is not taken as the base."""
    session = Session.open(meeting_file)
    meeting_file.write_bytes(meeting_file.read_bytes() + b"# between\n")
    guard = SafetyGuard(session)
    assert guard.changed_on_disk()


def run(path: Path, steps: Any) -> Any:
    from tui_referat.app import ReferatApp

    app = ReferatApp(path, lang="en", config=Config())

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(go())
    return app


def test_save_asks_after_a_same_size_change_with_the_old_mtime(meeting_file: Path) -> None:
    from tui_referat.ui.safety_dialogs import DiskChangedDialog

    async def steps(app: Any, pilot: Any) -> None:
        await pilot.press("enter", *"Mine")
        changed = _change_keeping_size_and_mtime(meeting_file)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert meeting_file.read_bytes() == changed and app.session.dirty

    run(meeting_file, steps)
