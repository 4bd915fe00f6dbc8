"""Changed on disk: noticed after another writer, not after a touch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui_referat.storage.stamp import FileStamp, changed_since, stamp, stamp_bytes


def test_unchanged_file_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("a = 1\n")
    assert not changed_since(path, stamp(path))


def test_rewritten_file_is_changed_even_with_same_size_and_mtime(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("a = 1\n")
    before = stamp(path)
    assert before is not None
    path.write_text("a = 2\n")
    os.utime(path, ns=(before.mtime_ns, before.mtime_ns))  # the old mtime put back
    assert changed_since(path, before)


def test_touch_without_new_content_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("a = 1\n")
    before = stamp(path)
    os.utime(path, ns=(1, 10**18))
    assert not changed_since(path, before)


def test_deleted_and_created_files(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    assert stamp(path) is None
    assert not changed_since(path, None)
    path.write_text("new\n")
    assert changed_since(path, None)
    before = stamp(path)
    path.unlink()
    assert changed_since(path, before)


def test_stamp_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("x")
    before = stamp(path)
    assert before is not None
    assert FileStamp.from_json(before.to_json()) == before
    assert FileStamp.from_json({"size": "nope"}) is None


def test_a_stamp_hashed_later_is_the_same_stamp(tmp_path: Path) -> None:
    """The stamp taken at load hashes the loaded bytes when first compared: the same answers
    as a stamp hashed at once, also for a rewrite that puts the old size and mtime back."""
    path = tmp_path / "m.toml"
    path.write_text("a = 1\n")
    later = stamp_bytes(path, path.read_bytes(), later=True)
    assert later is not None and later == stamp(path)
    assert not changed_since(path, later)
    path.write_text("a = 2\n")
    os.utime(path, ns=(later.mtime_ns, later.mtime_ns))
    fresh = stamp_bytes(path, b"a = 1\n", later=True)  # the bytes as loaded, not as now
    assert fresh is not None and changed_since(path, fresh)
    assert "sha256=" in repr(fresh) and hash(fresh) == hash(FileStamp.from_json(fresh.to_json()))
    with pytest.raises(AttributeError):
        fresh.size = 0  # type: ignore[misc]
