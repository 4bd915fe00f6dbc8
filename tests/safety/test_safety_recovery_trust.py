"""Only this file's, this user's copy is offered; a damaged or foreign copy is kept aside."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui_referat.safety import recovery
from tui_referat.safety.identity import host_name, user_name
from tui_referat.storage.stamp import stamp

FILE_TEXT = 'format = 1\ntitle = "Board"\n\n[[items]]\ntitle = "Welcome"\n'
UNSAVED = FILE_TEXT + 'minutes = """\nTyped for an hour.\n"""\n'
NOW = dt.datetime(2026, 12, 7, 13, 15, tzinfo=dt.UTC)


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    path = tmp_path / "board.toml"
    path.write_text(FILE_TEXT, encoding="utf-8")
    return path


def _forge(path: Path, text: str = UNSAVED, **fields: object) -> Path:
    meta = recovery.RecoveryMeta(
        **{
            "original": str(path),
            "written_at": NOW - dt.timedelta(minutes=5),
            "pid": 999_999_99,
            "host": host_name(),
            "user": user_name(),
            **fields,
        }  # type: ignore[arg-type]
    )
    place = recovery.sibling_path(path)
    place.write_text(meta.header() + text, encoding="utf-8")
    return place


def _aside(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if ".recovery." in p.name)


def test_own_copy_is_offered(meeting_file: Path) -> None:
    _forge(meeting_file)
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is not None and scan.offer.text == UNSAVED
    assert scan.set_aside == []


def test_truncated_copy_is_kept_aside_with_its_readable_text(meeting_file: Path) -> None:
    place = _forge(meeting_file, UNSAVED[:-8])  # cut inside the minutes string
    raw = place.read_bytes()
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is None
    [aside] = scan.set_aside
    assert aside.reason == "damaged"
    assert aside.path.name == ".board.toml.recovery.damaged-20261207T131500"
    assert aside.path.read_bytes() == raw, "kept byte for byte"
    assert not place.exists()
    assert aside.text_path is not None and aside.text_path.parent == meeting_file.parent
    assert aside.text_path.suffix == ".txt" and not aside.text_path.name.startswith(".")
    assert "Typed for an" in aside.text_path.read_text(encoding="utf-8")
    # a new copy goes to the usual place and never touches the damaged one
    recovery.write_recovery(None, meeting_file, text=UNSAVED)
    assert aside.path.read_bytes() == raw


def test_a_second_damaged_copy_the_same_second_gets_its_own_name(meeting_file: Path) -> None:
    _forge(meeting_file, UNSAVED[:-8])
    first = recovery.scan_recovery(meeting_file, now=NOW).set_aside[0].path
    _forge(meeting_file, UNSAVED[:-9])
    second = recovery.scan_recovery(meeting_file, now=NOW).set_aside[0].path
    assert first != second and first.exists() and second.exists()


def test_copy_for_another_path_is_not_offered_and_kept_aside(meeting_file: Path) -> None:
    _forge(meeting_file, original=str(meeting_file.parent / "other.toml"))
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is None
    [aside] = scan.set_aside
    assert aside.reason == "other_file"
    assert aside.path.name.startswith(".board.toml.recovery.foreign-")
    assert aside.text_path is None
    assert recovery.find_recovery(meeting_file) is None


def test_copy_owned_by_another_uid_is_not_offered(
    meeting_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forge(meeting_file)
    monkeypatch.setattr(recovery, "_owner_uid", lambda place: os.getuid() + 1)
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is None and scan.set_aside[0].reason == "other_user"


def test_copy_recording_another_user_is_not_offered(meeting_file: Path) -> None:
    _forge(meeting_file, user="mallory")
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is None and scan.set_aside[0].reason == "other_user"


def test_copy_dated_in_the_future_is_not_offered(meeting_file: Path) -> None:
    _forge(meeting_file, written_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is None and scan.set_aside[0].reason == "forged"


def test_copy_without_a_header_is_not_offered(meeting_file: Path) -> None:
    recovery.sibling_path(meeting_file).write_text(UNSAVED, encoding="utf-8")
    scan = recovery.scan_recovery(meeting_file, now=NOW)
    assert scan.offer is None and scan.set_aside[0].reason == "forged"


def test_copy_of_a_live_editor_is_not_offered(meeting_file: Path) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _forge(meeting_file, pid=other.pid)
        scan = recovery.scan_recovery(meeting_file, now=NOW)
        assert scan.offer is None and scan.set_aside[0].reason == "live_editor"
    finally:
        other.kill()
        other.wait(timeout=10)


def test_copy_of_the_lock_holder_taken_over_is_not_offered(meeting_file: Path) -> None:
    _forge(meeting_file, pid=4242, host="elsewhere")
    scan = recovery.scan_recovery(meeting_file, now=NOW, holder=("elsewhere", 4242))
    assert scan.offer is None and scan.set_aside[0].reason == "live_editor"


def test_scan_without_setting_aside_moves_nothing(meeting_file: Path) -> None:
    place = _forge(meeting_file, user="mallory")
    scan = recovery.scan_recovery(meeting_file, now=NOW, set_aside=False)
    assert scan.offer is None and place.exists() and _aside(meeting_file) == []


def test_real_copy_is_offered(meeting_file: Path) -> None:
    recovery.write_recovery(None, meeting_file, text=UNSAVED, base=stamp(meeting_file))
    scan = recovery.scan_recovery(meeting_file)
    assert scan.offer is not None and scan.set_aside == []
