"""The recovery copy: the unsaved meeting, kept on disk while the editor has changes.

Where it lives
    Next to the meeting file, hidden: ``DIR/.NAME.toml.recovery``, or in the user state folder
    when that folder cannot be written (``recovery_place.py``). ``find_recovery`` looks in both
    places. This module is imported when there is a copy to look at or to write: a start with
    no copy only asks ``recovery_place.present`` (``SafetyGuard.scan_recovery``).

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
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..storage.atomic import file_mode, write_file
from ..storage.stamp import FileStamp, sha256_bytes
from .identity import host_name, process_alive, start_token, user_name
from .recovery_aside import keep_aside, save_readable_text

# Where a copy lives is ``recovery_place`` (all that a start with no copy needs); the names
# are here too, so that this module stays the one place to look for recovery copies.
from .recovery_place import SUFFIX as SUFFIX
from .recovery_place import candidates, real_path
from .recovery_place import discard_recovery as discard_recovery
from .recovery_place import sibling_path as sibling_path
from .recovery_place import state_path as state_path
from .recovery_place import suggest_target as suggest_target

if TYPE_CHECKING:
    from ..domain.model import Meeting

HEADER_PREFIX = "# referat-recovery: "
_BOM = "\ufeff"


class RecoveryError(OSError):
    """No recovery copy could be written anywhere (both places failed)."""


@dataclass(frozen=True)
class RecoveryMeta:
    """The header of a recovery copy: whose, when, and the file it was made from."""

    original: str
    written_at: dt.datetime
    pid: int = 0
    host: str = ""
    user: str = ""
    #: The meeting file as the editor loaded or last saved it (None: new or unknown).
    base: FileStamp | None = None
    #: The writing process's start token (see ``identity.start_token``), to tell it is alive.
    token: str = ""
    #: Whether the copy had a readable header line (a copy without one proves nothing).
    has_header: bool = True

    def header(self) -> str:
        data = {
            "original": self.original,
            "written_at": self.written_at.isoformat(timespec="seconds"),
            "pid": self.pid,
            "host": self.host,
            "user": self.user,
            "base": self.base.to_json() if self.base else None,
            "token": self.token,
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
    path = real_path(path)
    meta = RecoveryMeta(
        original=str(path),
        written_at=(now or dt.datetime.now().astimezone()),
        pid=os.getpid(),
        host=host_name(),
        user=user_name(),
        base=base,
        token=_my_token(),
    )
    bom = _BOM if text.startswith(_BOM) else ""
    content = bom + meta.header() + text[len(bom) :]  # the BOM stays first: the copy loads
    # A draft is the writer's own until saved: never readable by the others who may read
    # the meeting file on a shared server (they see who has it open in the lock instead).
    mode = (file_mode(path) or 0o600) & 0o700
    errors: list[OSError] = []
    places = candidates(path)
    for index, place in enumerate(places):
        try:
            if index > 0:
                place.parent.mkdir(parents=True, exist_ok=True)
            write_file(place, content.encode("utf-8"), mode=0o600 if index > 0 else mode)
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
                token=str(data.get("token", "")),
            )
            return meta, rest
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    # No or a damaged header: still someone's text. Date it by the file's mtime.
    written = dt.datetime.fromtimestamp(place.stat().st_mtime).astimezone()
    return RecoveryMeta(original=str(original), written_at=written, has_header=False), raw


#: A copy dated more than this far in the future is not believed (clock skew allowed).
FUTURE_SKEW = dt.timedelta(minutes=10)

#: Why a copy is not offered: the label in the name it is kept under, per reason.
ASIDE_LABELS = {
    "damaged": "damaged",
    "other_file": "foreign",
    "other_user": "foreign",
    "forged": "foreign",
    "live_editor": "foreign",
}


@dataclass(frozen=True)
class SetAside:
    """A copy that is not offered, kept under another name so nothing ever overwrites it."""

    #: Where the copy is now (its old place when it could not be moved: ``error`` says why).
    path: Path
    #: "damaged", "other_file", "other_user", "forged" (no header, dated in the future) or
    #: "live_editor" (the copy of an editor that is still running, or whose lock was taken).
    reason: str
    meta: RecoveryMeta
    #: The readable text of a damaged copy of ours, as a visible ``.txt`` beside the file.
    text_path: Path | None = None
    detail: str = ""
    error: str = ""


class RecoveryScan(NamedTuple):
    """What a look for recovery copies found: one to offer, and copies set aside."""

    #: The copy to offer for restoring; None when there is none (or none that belongs).
    offer: RecoveryInfo | None
    set_aside: list[SetAside]


_TOKEN: list[str] = []


def _my_token() -> str:
    if not _TOKEN:
        _TOKEN.append(start_token(os.getpid()))
    return _TOKEN[0]


def _owner_uid(place: Path) -> int | None:
    try:
        return place.stat().st_uid
    except OSError:
        return None


def _why_not_ours(
    place: Path,
    meta: RecoveryMeta,
    original: Path,
    now: dt.datetime,
    holder: tuple[str, int] | None,
) -> str:
    """Why the copy at ``place`` is not this user's copy of ``original``; "" when it is."""
    if not meta.has_header:
        return "forged"
    if real_path(Path(meta.original)) != original:
        return "other_file"
    if hasattr(os, "getuid") and _owner_uid(place) != os.getuid():
        return "other_user"
    if meta.user != user_name():
        return "other_user"
    written = meta.written_at
    if written.tzinfo is None:
        written = written.astimezone()
    if written > now + FUTURE_SKEW:
        return "forged"
    if holder is not None and (meta.host, meta.pid) == holder:
        return "live_editor"
    if meta.host == host_name() and meta.pid != os.getpid() and process_alive(meta.pid, meta.token):
        return "live_editor"
    return ""


def _damage(raw: bytes, text: str, original: Path) -> str:
    """What is wrong with a copy's meeting text; "" when it loads."""
    from ..domain.errors import MeetingFileError
    from ..storage import loads_meeting

    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"not UTF-8: {error}"
    try:
        loads_meeting(text, original)
    except MeetingFileError as error:
        return str(error)
    except Exception as error:  # a copy must never stop the editor from opening
        return f"{type(error).__name__}: {error}"
    return ""


def scan_recovery(
    path: Path,
    *,
    now: dt.datetime | None = None,
    holder: tuple[str, int] | None = None,
    set_aside: bool = True,
) -> RecoveryScan:
    """The copy to offer for ``path`` and the copies kept aside instead.

    Offered is only the newest copy that records this path, is owned by this user (file owner
    and recorded user), is not dated in the future, is not the copy of a live editor (or of
    ``holder``, the (host, pid) of a lock just taken over) and loads as a meeting. Every other
    copy is renamed aside with ``keep_aside`` (when ``set_aside``), so no new copy overwrites
    it; a damaged copy of ours also gets its readable text saved as a ``.txt``.
    """
    original = real_path(path)
    now = now or dt.datetime.now().astimezone()
    found: list[tuple[Path, RecoveryMeta, str]] = []
    aside: list[SetAside] = []
    for place in candidates(original):
        try:
            raw = place.read_bytes()
        except OSError:
            continue
        meta, text = _parse(raw.decode("utf-8", "replace"), place, original)
        reason = _why_not_ours(place, meta, original, now, holder)
        detail = ""
        if not reason:
            detail = _damage(raw, text, original) if set_aside else ""
            reason = "damaged" if detail else ""
        if not reason:
            found.append((place, meta, text))
            continue
        if not set_aside:
            continue
        try:
            moved = keep_aside(place, ASIDE_LABELS[reason], now)
        except OSError as error:
            aside.append(SetAside(place, reason, meta, detail=detail, error=str(error)))
            continue
        text_path = None
        if reason == "damaged":
            text_path = save_readable_text(original, text, now, moved)
        aside.append(SetAside(moved, reason, meta, text_path, detail))
    return RecoveryScan(_offer(original, found), aside)


def _offer(original: Path, found: list[tuple[Path, RecoveryMeta, str]]) -> RecoveryInfo | None:
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


def find_recovery(path: Path) -> RecoveryInfo | None:
    """The newest recovery copy of ``path`` that belongs to it and this user and differs from
    the file, or None. Moves nothing (``scan_recovery`` keeps the others aside).

    A copy identical to the file (the work was saved after all) is not reported.
    """
    return scan_recovery(path, set_aside=False).offer


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


def save_recovery_as(path: Path, target: Path, *, overwrite: bool = False) -> Path:
    """Write the recovery copy of ``path`` as the meeting file ``target`` (header removed).

    The recovery copy itself stays. Raises ``FileNotFoundError`` when there is no copy and
    ``FileExistsError`` when ``target`` exists and ``overwrite`` is false.
    """
    info = find_recovery(path)
    if info is None:
        raise FileNotFoundError(f"no recovery copy for {path}")
    target = real_path(target)
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists")
    write_file(target, info.text.encode("utf-8"))
    return target
