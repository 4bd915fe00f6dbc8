"""What a save asks first (issue 12). Item 4: a same-length change with the old mtime put back
(``cp -p``, ``rsync -a``, ``tar x``, sync clients) is noticed by the content hash, not by mtime
and size. Item 7: a file made read-only after opening (all write bits off; as root the bits
would not stop the write) is not overwritten unasked; overwriting on purpose keeps mode 444 and
is not asked again for that file."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from tui_referat.safety.guard import SafetyGuard
from tui_referat.storage.config import Config
from tui_referat.storage.session import Session
from tui_referat.storage.stamp import changed_since, stamp

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
    from tui_referat.tui.app import ReferatApp

    app = ReferatApp(path, lang="en", config=Config())

    async def go() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await steps(app, pilot)

    asyncio.run(go())
    return app


def _make_read_only(path: Path) -> None:
    path.chmod(0o444)


def _pulled_and_made_read_only(path: Path) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# added by git pull\n")
    _make_read_only(path)


async def _type_change_and_save(pilot: Any, path: Path, change: Any, *answers: str) -> bytes:
    """Type in the meeting, let ``change`` touch the file, ctrl+s, answer; the file's bytes
    right after the change."""
    await pilot.press("enter", *"Mine")
    change(path)
    before = path.read_bytes()
    await pilot.press("ctrl+s")
    await pilot.pause()
    for key in answers:
        await pilot.press(key)
        await pilot.pause()
    return before


@pytest.mark.parametrize(
    ("change", "dialogs"),
    [
        (_change_keeping_size_and_mtime, ["DiskChangedDialog"]),
        (_make_read_only, ["ReadOnlyFileDialog"]),
        (_pulled_and_made_read_only, ["DiskChangedDialog", "ReadOnlyFileDialog"]),
    ],
)
def test_save_asks_and_cancel_writes_nothing(
    meeting_file: Path, change: Any, dialogs: list[str]
) -> None:
    """Each question in turn ("o" overwrites past the disk one); Escape at the last."""

    async def steps(app: Any, pilot: Any) -> None:
        before = await _type_change_and_save(pilot, meeting_file, change)
        for number, dialog in enumerate(dialogs, 1):
            assert type(app.screen).__name__ == dialog
            await pilot.press("o" if number < len(dialogs) else "escape")
            await pilot.pause()
        assert meeting_file.read_bytes() == before and app.session.dirty

    run(meeting_file, steps)


def test_overwrite_a_read_only_file_on_purpose_keeps_it_read_only(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        await _type_change_and_save(pilot, meeting_file, _make_read_only, "o")
        assert not app.session.dirty
        # asked once per session: the next save writes without asking again
        await _type_change_and_save(pilot, meeting_file, lambda path: None)
        assert not app.session.dirty

    run(meeting_file, steps)
    assert meeting_file.read_text(encoding="utf-8").count("Mine") == 2  # both saves written
    assert stat.S_IMODE(meeting_file.stat().st_mode) == 0o444


def test_save_as_from_the_read_only_question(meeting_file: Path) -> None:
    async def steps(app: Any, pilot: Any) -> None:
        before = await _type_change_and_save(pilot, meeting_file, _make_read_only, "s")
        assert not app.session.dirty and app.session.path != meeting_file
        assert meeting_file.read_bytes() == before
        assert "Mine" in app.session.path.read_text(encoding="utf-8")

    run(meeting_file, steps)


def test_write_bits_decide_not_os_access(meeting_file: Path) -> None:
    from tui_referat.storage.stamp import write_protected

    assert not write_protected(meeting_file)
    meeting_file.chmod(0o444)
    assert write_protected(meeting_file)
    meeting_file.chmod(0o644)
    assert not write_protected(meeting_file)
    assert not write_protected(meeting_file.with_name("missing.toml"))
