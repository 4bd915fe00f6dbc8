"""The recovery copy: the unsaved meeting, kept on disk while the editor has changes.

Where it lives
    Next to the meeting file, hidden: ``DIR/.NAME.toml.recovery``. When that folder cannot be
    written (read-only share, permissions), in the user state folder instead:
    ``platformdirs.user_state_dir("tui-referat")/recovery/<sha256 of the absolute path>.toml``.
    ``find_recovery`` looks in both places.

What it holds
    One comment line ``# referat-recovery: {json}`` (original path, when written, pid, host,
    user, and the stamp of the meeting file as the editor loaded or last saved it), then the
    meeting exactly as a save would write it. The comment keeps it a valid meeting file: it can be
    opened, checked or copied by hand.

Writes are atomic (temp file, fsync, rename): a copy is whole or absent, never half-written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ._atomic import atomic_write_text, file_mode
from .identity import host_name, user_name
from .watch import FileStamp, sha256_bytes

if TYPE_CHECKING:
    from ..model import Meeting

HEADER_PREFIX = "# referat-recovery: "
_BOM = "\ufeff"
SUFFIX = ".recovery"


class RecoveryError(OSError):
    """No recovery copy could be written anywhere (both places failed)."""


@dataclass(frozen=True)
class RecoveryMeta:
    original: str
    written_at: dt.datetime
    pid: int = 0
    host: str = ""
    user: str = ""
    #: The meeting file as the editor loaded or last saved it (None: new or unknown).
    base: FileStamp | None = None

    def header(self) -> str:
        data = {
            "original": self.original,
            "written_at": self.written_at.isoformat(timespec="seconds"),
            "pid": self.pid,
            "host": self.host,
            "user": self.user,
            "base": self.base.to_json() if self.base else None,
        }
        return HEADER_PREFIX + json.dumps(data, ensure_ascii=True) + "\n"


@dataclass(frozen=True)
class DiffSummary:
    """How much the recovery copy differs from the file."""

    lines_added: int
    lines_removed: int
    #: Agenda items added, removed or changed; None when the meetings were not compared.
    changed_items: int | None = None
    #: Whether anything outside the agenda items (title, participants, ...) changed.
    other_changes: bool | None = None

    @property
    def identical(self) -> bool:
        return self.lines_added == 0 and self.lines_removed == 0


@dataclass(frozen=True)
class RecoveryInfo:
    """A recovery copy found for a meeting file."""

    path: Path
    original: Path
    meta: RecoveryMeta
    #: The meeting text of the copy (the header line removed).
    text: str
    #: The meeting file's current text; None when it does not exist (any more).
    file_text: str | None
    #: The meeting file changed since the editor that wrote the copy loaded it.
    file_changed: bool
    summary: DiffSummary


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def sibling_path(path: Path) -> Path:
    """``DIR/.NAME.recovery`` for ``DIR/NAME``."""
    path = _absolute(path)
    return path.with_name(f".{path.name}{SUFFIX}")


def state_path(path: Path) -> Path:
    """The fallback place in the user state folder, named by a hash of the absolute path."""
    from platformdirs import user_state_dir

    digest = hashlib.sha256(str(_absolute(path)).encode("utf-8", "surrogateescape")).hexdigest()
    return Path(user_state_dir("tui-referat")) / "recovery" / f"{digest[:32]}.toml"


def candidates(path: Path) -> list[Path]:
    return [sibling_path(path), state_path(path)]


def write_recovery(
    meeting: Meeting | None,
    path: Path,
    *,
    text: str | None = None,
    base: FileStamp | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Write the recovery copy of ``meeting`` (or of ``text``) for the file ``path``.

    Returns where it went. Raises ``RecoveryError`` when neither place can be written.
    """
    if text is None:
        if meeting is None:
            raise ValueError("write_recovery needs a meeting or a text")
        from ..storage import dumps_meeting

        text = dumps_meeting(meeting)
    path = _absolute(path)
    meta = RecoveryMeta(
        original=str(path),
        written_at=(now or dt.datetime.now().astimezone()),
        pid=os.getpid(),
        host=host_name(),
        user=user_name(),
        base=base,
    )
    bom = _BOM if text.startswith(_BOM) else ""
    content = bom + meta.header() + text[len(bom) :]  # the BOM stays first: the copy loads
    mode = file_mode(path)
    errors: list[OSError] = []
    places = candidates(path)
    for index, place in enumerate(places):
        try:
            if index > 0:
                place.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(place, content, mode=0o600 if index > 0 else mode)
        except OSError as error:
            errors.append(error)
            continue
        for other in places[index + 1 :]:  # an older copy elsewhere would only confuse
            with contextlib.suppress(OSError):
                other.unlink()
        return place
    raise RecoveryError(errors[0].errno, f"cannot write a recovery copy: {errors[0]}")


def _parse(raw: str, place: Path, original: Path) -> tuple[RecoveryMeta, str]:
    bom = _BOM if raw.startswith(_BOM + HEADER_PREFIX) else ""
    first, _sep, rest = raw[len(bom) :].partition("\n")
    rest = bom + rest
    if first.startswith(HEADER_PREFIX):
        try:
            data = json.loads(first[len(HEADER_PREFIX) :])
            written = dt.datetime.fromisoformat(str(data["written_at"]))
            meta = RecoveryMeta(
                original=str(data.get("original", original)),
                written_at=written,
                pid=int(data.get("pid", 0)),
                host=str(data.get("host", "")),
                user=str(data.get("user", "")),
                base=FileStamp.from_json(data.get("base")),
            )
            return meta, rest
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    # No or a damaged header: still someone's text. Date it by the file's mtime.
    written = dt.datetime.fromtimestamp(place.stat().st_mtime).astimezone()
    return RecoveryMeta(original=str(original), written_at=written), raw


def read_recovery(place: Path, original: Path) -> tuple[RecoveryMeta, str] | None:
    """The metadata and meeting text of the copy at ``place``; None when there is none."""
    try:
        raw = place.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    return _parse(raw, place, _absolute(original))


def find_recovery(path: Path) -> RecoveryInfo | None:
    """The newest recovery copy for ``path`` that differs from the file, or None.

    A copy identical to the file (the work was saved after all) is not reported.
    """
    original = _absolute(path)
    found: list[tuple[Path, RecoveryMeta, str]] = []
    for index, place in enumerate(candidates(original)):
        parsed = read_recovery(place, original)
        if parsed is None:
            continue
        meta, text = parsed
        if index > 0 and _absolute(Path(meta.original)) != original:
            continue  # a hash collision or a copy for another file
        found.append((place, meta, text))
    if not found:
        return None
    place, meta, text = max(found, key=lambda entry: entry[1].written_at.timestamp())
    try:
        file_bytes: bytes | None = original.read_bytes()
    except OSError:
        file_bytes = None
    file_text = file_bytes.decode("utf-8", "replace") if file_bytes is not None else None
    if file_text == text:
        return None
    file_changed = meta.base is not None and (
        file_bytes is None or sha256_bytes(file_bytes) != meta.base.sha256
    )
    return RecoveryInfo(
        path=place,
        original=original,
        meta=meta,
        text=text,
        file_text=file_text,
        file_changed=file_changed,
        summary=diff_summary(file_text or "", text),
    )


def _items_changed(old: Meeting, new: Meeting) -> tuple[int, bool]:
    common = min(len(old.items), len(new.items))
    count = abs(len(old.items) - len(new.items))
    count += sum(1 for index in range(common) if old.items[index] != new.items[index])
    rest_old = dataclasses.replace(old, items=[])
    rest_new = dataclasses.replace(new, items=[])
    return count, rest_old != rest_new


def diff_summary(
    old_text: str,
    new_text: str,
    old: Meeting | None = None,
    new: Meeting | None = None,
) -> DiffSummary:
    """Lines added and removed from ``old_text`` to ``new_text``; with both meetings given,
    also how many agenda items differ and whether anything else does."""
    import difflib  # here: only needed when a recovery copy is shown

    added = removed = 0
    for line in difflib.unified_diff(old_text.splitlines(), new_text.splitlines(), n=0):
        if line.startswith("+") and not line.startswith("+++"):
            added += 1
        elif line.startswith("-") and not line.startswith("---"):
            removed += 1
    changed_items = other = None
    if old is not None and new is not None:
        changed_items, other = _items_changed(old, new)
    return DiffSummary(added, removed, changed_items, other)


def discard_recovery(path: Path) -> bool:
    """Remove every recovery copy of ``path``. True when one was removed."""
    removed = False
    for place in candidates(path):
        try:
            place.unlink()
            removed = True
        except FileNotFoundError:
            pass
        except OSError:
            pass
    return removed


def suggest_target(path: Path, when: dt.datetime | None = None, label: str = "recovered") -> Path:
    """``NAME.LABEL-YYYYMMDD-HHMM.toml`` next to ``path``, not yet existing."""
    path = _absolute(path)
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M")
    stem = path.stem
    target = path.with_name(f"{stem}.{label}-{stamp}{path.suffix or '.toml'}")
    number = 2
    while target.exists():
        target = path.with_name(f"{stem}.{label}-{stamp}-{number}{path.suffix or '.toml'}")
        number += 1
    return target


def save_recovery_as(path: Path, target: Path, *, overwrite: bool = False) -> Path:
    """Write the recovery copy of ``path`` as the meeting file ``target`` (header removed).

    The recovery copy itself stays. Raises ``FileNotFoundError`` when there is no copy and
    ``FileExistsError`` when ``target`` exists and ``overwrite`` is false.
    """
    info = find_recovery(path)
    if info is None:
        raise FileNotFoundError(f"no recovery copy for {path}")
    target = _absolute(target)
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists")
    atomic_write_text(target, info.text)
    return target
