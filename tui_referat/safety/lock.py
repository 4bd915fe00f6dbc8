"""A lock file beside the meeting file, so two editors never silently overwrite each other.

``DIR/.NAME.lock`` holds JSON: user, host, pid, since, a process start token (boot id and start
time from /proc, so a reused pid is not mistaken for the holder) and a random id. It is created
atomically (a complete temp file hard-linked into place, or O_CREAT|O_EXCL where links are not
supported). A lock whose process is gone on this host is stale and is taken over; the caller
shows a notice. A lock held by a live process, or by another host, is reported as
``LockHeld`` for the editor to ask: open read-only, take over, or quit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ._atomic import atomic_write_text
from .identity import host_name, process_alive, start_token, user_name

#: A lock file that cannot be read and is older than this is stale (a crash mid-create).
UNREADABLE_GRACE = 10.0


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str
    token: str = ""
    id: str = ""

    @property
    def since_time(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.since)
        except ValueError:
            return None

    def to_text(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=True) + "\n"

    @classmethod
    def from_text(cls, text: str) -> LockInfo | None:
        try:
            data = json.loads(text)
            return cls(
                user=str(data["user"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=str(data["since"]),
                token=str(data.get("token", "")),
                id=str(data.get("id", "")),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


@dataclass
class Lock:
    """Our lock on a meeting file. ``enforced`` is False when no lock file could be made
    (a read-only folder): editing goes on, but nothing protects against a second editor."""

    path: Path
    info: LockInfo
    enforced: bool = True
    #: The stale lock we replaced, for the notice; None when there was none.
    took_over: LockInfo | None = None
    error: str = ""


@dataclass(frozen=True)
class LockHeld:
    """Someone else's live lock (or one on another host, whose liveness we cannot see)."""

    path: Path
    info: LockInfo
    readable: bool = True


def lock_path(path: Path) -> Path:
    path = Path(os.path.abspath(Path(path).expanduser()))
    return path.with_name(f".{path.name}.lock")


def my_info() -> LockInfo:
    pid = os.getpid()
    return LockInfo(
        user=user_name(),
        host=host_name(),
        pid=pid,
        since=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        token=start_token(pid),
        id=os.urandom(16).hex(),  # not uuid4: its module costs ~5 ms at start-up
    )


def _read(target: Path) -> LockInfo | None:
    try:
        return LockInfo.from_text(target.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def read_lock(path: Path) -> LockInfo | None:
    """The lock on meeting file ``path``; None when there is none or it cannot be parsed."""
    return _read(lock_path(path))


def is_stale(info: LockInfo) -> bool:
    """A lock is stale when it is from this host and its process is gone."""
    return info.host == host_name() and not process_alive(info.pid, info.token)


def _create_exclusive(target: Path, text: str) -> None:
    """Create ``target`` with ``text``, failing with FileExistsError if it exists."""
    fd, tmp = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)
            return
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
        fd2 = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd2, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _still_ours(target: Path, info: LockInfo) -> bool:
    current = _read(target)
    return current is not None and current.id == info.id and current.pid == info.pid


def acquire(path: Path) -> Lock | LockHeld:
    """Lock meeting file ``path`` for this process.

    Returns our ``Lock`` (``took_over`` set when a stale lock was replaced) or ``LockHeld``.
    """
    target = lock_path(path)
    mine = my_info()
    for _attempt in range(3):
        try:
            _create_exclusive(target, mine.to_text())
            return Lock(target, mine)
        except FileExistsError:
            pass
        except OSError as error:
            return Lock(target, mine, enforced=False, error=str(error))
        held = read_lock(path)
        if held is None:
            try:
                age = time.time() - target.stat().st_mtime
            except FileNotFoundError:
                continue  # released meanwhile: try again
            except OSError:
                age = 0.0
            unknown = LockInfo(user="?", host="?", pid=0, since="")
            if age < UNREADABLE_GRACE:
                return LockHeld(target, unknown, readable=False)
            held = unknown
        elif not is_stale(held):
            return LockHeld(target, held)
        lock = take_over(path, held)
        if isinstance(lock, Lock):
            lock.took_over = held
        return lock
    return LockHeld(target, read_lock(path) or LockInfo("?", "?", 0, ""), readable=False)


def take_over(path: Path, previous: LockInfo | None = None) -> Lock | LockHeld:
    """Replace whatever lock is on ``path`` with ours (the user chose to, or it was stale).

    Returns ``LockHeld`` if another process won a race to take it at the same moment.
    """
    target = lock_path(path)
    mine = my_info()
    try:
        atomic_write_text(target, mine.to_text(), mode=0o644)
    except OSError as error:
        return Lock(target, mine, enforced=False, error=str(error))
    if not _still_ours(target, mine):
        current = _read(target)
        return LockHeld(target, current or LockInfo("?", "?", 0, ""), readable=current is not None)
    return Lock(target, mine, took_over=previous)


def still_held(lock: Lock) -> bool:
    """Whether the lock file still names us (someone may have taken it over)."""
    return lock.enforced and _still_ours(lock.path, lock.info)


def release(lock: Lock) -> bool:
    """Remove our lock file, only if it is still ours. True when removed."""
    if not lock.enforced:
        return False
    if not _still_ours(lock.path, lock.info):
        return False
    try:
        lock.path.unlink()
    except OSError:
        return False
    return True
