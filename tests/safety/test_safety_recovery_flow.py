"""In the editor: a damaged or foreign recovery copy is kept aside, shown, never offered,
and new typing does not overwrite it (issue 12, items 2 and 3)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from tui_referat.safety import lock as locking
from tui_referat.safety import recovery
from tui_referat.safety.identity import host_name, user_name
from tui_referat.storage import load_meeting
from tui_referat.storage.stamp import stamp
from tui_referat.tui.dialogs.safety import LockDialog, RecoveryDialog

from ..conftest import notifications
from .test_safety_editor_app import meeting_file, run  # noqa: F401  (fixture)


def _copy_text(path: Path, words: str) -> str:
    meeting = load_meeting(path)
    meeting.items[0].minutes = words
    recovery.write_recovery(meeting, path, base=stamp(path))
    place = recovery.sibling_path(path)
    return place.read_text(encoding="utf-8")


def _messages(app: Any) -> str:
    return " ".join(" ".join(notifications(app)).split())


def _aside(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if ".recovery." in p.name)


def test_truncated_copy_is_kept_aside_shown_and_not_overwritten(meeting_file: Path) -> None:  # noqa: F811
    full = _copy_text(meeting_file, "An hour of careful minutes\n")
    cut = full[: full.index("An hour of careful") + 12]  # "unexpected end of file"
    recovery.sibling_path(meeting_file).write_text(cut, encoding="utf-8")
    seen: dict[str, Any] = {}

    async def steps(app: Any, pilot: Any) -> None:
        assert not isinstance(app.screen, RecoveryDialog)
        [kept] = _aside(meeting_file)
        assert ".damaged-" in kept.name
        seen["kept"] = kept
        assert str(kept) in _messages(app)
        texts = list(meeting_file.parent.glob("*.txt"))
        assert len(texts) == 1 and str(texts[0]) in _messages(app)
        assert "An hour of" in texts[0].read_text(encoding="utf-8")
        clock = [100.0]
        app.guard.clock = lambda: clock[0]
        await pilot.press("enter", *"New words")
        await pilot.pause(0.7)
        clock[0] += 2.5
        await pilot.pause(0.6)
        assert "New words" in recovery.sibling_path(meeting_file).read_text(encoding="utf-8")

    run(meeting_file, steps)
    assert seen["kept"].read_text(encoding="utf-8") == cut


def test_copy_for_another_path_is_not_offered(meeting_file: Path) -> None:  # noqa: F811
    text = _copy_text(meeting_file, "Someone else's meeting\n")
    elsewhere = str(meeting_file.parent / "other.toml")
    forged = text.replace(str(meeting_file), elsewhere, 1)
    recovery.sibling_path(meeting_file).write_text(forged, encoding="utf-8")

    async def steps(app: Any, pilot: Any) -> None:
        assert not isinstance(app.screen, RecoveryDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert "Someone else's" not in (app.session.meeting.items[0].minutes or "")
        [kept] = _aside(meeting_file)
        assert ".foreign-" in kept.name and str(kept) in _messages(app)
        assert kept.read_text(encoding="utf-8") == forged

    run(meeting_file, steps)


def test_copy_dated_2030_by_another_user_is_not_offered(meeting_file: Path) -> None:  # noqa: F811
    text = _copy_text(meeting_file, "Forged\n")
    header, rest = text.split("\n", 1)
    forged = header.replace(f'"user": "{user_name()}"', '"user": "mallory"')
    forged = forged.replace(
        '"written_at": "20', '"written_at": "2030-01-01T00:00:00+00:00", "x": "'
    )
    recovery.sibling_path(meeting_file).write_text(forged + "\n" + rest, encoding="utf-8")

    async def steps(app: Any, pilot: Any) -> None:
        assert not isinstance(app.screen, RecoveryDialog)
        assert "mallory" in _messages(app)
        assert len(_aside(meeting_file)) == 1

    run(meeting_file, steps)


def test_taking_over_a_live_editor_does_not_offer_its_copy(meeting_file: Path) -> None:  # noqa: F811
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        text = _copy_text(meeting_file, "Still being typed elsewhere\n")
        header, rest = text.split("\n", 1)
        import json

        data = json.loads(header[len(recovery.HEADER_PREFIX) :])
        data.update(pid=other.pid, token="")
        forged = recovery.HEADER_PREFIX + json.dumps(data) + "\n" + rest
        recovery.sibling_path(meeting_file).write_text(forged, encoding="utf-8")
        held = locking.LockInfo(user_name(), host_name(), other.pid, "2026-12-07T13:00:00")
        locking.lock_path(meeting_file).write_text(held.to_text())

        async def steps(app: Any, pilot: Any) -> None:
            assert isinstance(app.screen, LockDialog)
            await pilot.press("o")
            await pilot.pause()
            assert not isinstance(app.screen, RecoveryDialog)
            assert not app.session.read_only
            [kept] = _aside(meeting_file)
            assert kept.read_text(encoding="utf-8") == forged

        run(meeting_file, steps)
    finally:
        other.kill()
        other.wait(timeout=10)
