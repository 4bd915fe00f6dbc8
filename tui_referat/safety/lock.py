"""A lock file beside the meeting file, so two editors never silently overwrite each other.

``DIR/.NAME.lock`` holds JSON: user, host, pid, since, a process start token (boot id and start
time from /proc, so a reused pid is not mistaken for the holder) and a random id. It is created
atomically (a complete temp file hard-linked into place, or O_CREAT|O_EXCL where links are not
supported), mode 0644: it holds no secret, and others must be able to see who has the file.
``NAME`` is the real file (symlinks and ``..`` resolved), so every spelling of a path finds the
same lock. The live editor touches its lock every ``HEARTBEAT`` seconds.

Stale (taken over, the caller shows a notice) is only a lock of our own user whose editor is
gone: on this host its process no longer runs; from another host its heartbeat (the lock file's
time) is older than ``STALE_AFTER``. A lock owned by another user is never stale, readable or
not: it is reported as ``LockHeld`` with the owner's name (from the file's owner), and the
editor asks: open read-only, take over, or quit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from ..domain.record import Frozen
from ..storage.atomic import write_file
from .identity import host_name, process_alive, start_token, user_name

#: A lock file of ours that cannot be read and is older than this is stale (a crash
#: mid-create). Another user's unreadable lock is never stale.
UNREADABLE_GRACE = 10.0
#: The live editor touches its lock this often (seconds) ...
HEARTBEAT = 60.0
#: ... so another host's lock untouched for this long is stale (its editor is gone).
STALE_AFTER = 3 * HEARTBEAT
#: Lock files are readable by everyone: user, host, pid and time are no secret.
LOCK_MODE = 0o644


class LockInfo(Frozen):
    """Who holds a lock: user, host, process and since when.

    The lock's records are ``Frozen`` values, not frozen dataclasses or named tuples: the
    lock is taken before the first screen, and making those classes costs 1 ms and 0.2 ms
    at import."""

    __slots__ = ("host", "id", "pid", "since", "token", "user")
    _FIELDS = ("user", "host", "pid", "since", "token", "id")

    user: str
    host: str
    pid: int
    since: str
    token: str
    id: str

    def __init__(
        self, user: str, host: str, pid: int, since: str, token: str = "", id: str = ""
    ) -> None:
        self._set(user=user, host=host, pid=pid, since=since, token=token, id=id)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._FIELDS}

    @property
    def since_time(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.since)
        except ValueError:
            return None

    def to_text(self) -> str:
        """The lock file's text: ``json.dumps(self.as_dict(), ensure_ascii=True)`` and a new
        line. Written without the ``json`` module when every value is plain (a number, or
        printable ASCII without quotes or backslashes, as names, times and ids are): the
        lock is taken before the first screen, and ``json`` costs 0.7 ms to import."""
        values = self.as_dict()
        if all(isinstance(v, int) or _plain(v) for v in values.values()):
            items = (
                f'"{k}": {v}' if isinstance(v, int) else f'"{k}": "{v}"' for k, v in values.items()
            )
            return "{" + ", ".join(items) + "}\n"
        import json

        return json.dumps(values, ensure_ascii=True) + "\n"

    @classmethod
    def from_text(cls, text: str) -> LockInfo | None:
        import json  # only when someone's lock is found

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


def _plain(text: str) -> bool:
    """Whether JSON writes ``text`` as it is, between quotes."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


class Lock:
    """Our lock on a meeting file. ``enforced`` is False when no lock file could be made
    (a read-only folder): editing goes on, but nothing protects against a second editor."""

    def __init__(
        self,
        path: Path,
        info: LockInfo,
        enforced: bool = True,
        took_over: LockInfo | None = None,
        error: str = "",
    ) -> None:
        self.path = path
        self.info = info
        self.enforced = enforced
        #: The stale lock we replaced, for the notice; None when there was none.
        self.took_over = took_over
        self.error = error

    def __repr__(self) -> str:
        return f"Lock({self.path!r}, {self.info!r}, enforced={self.enforced!r})"


class LockHeld(Frozen):
    """Someone else's live lock (or one on another host, whose liveness we cannot see)."""

    __slots__ = ("info", "owner", "path", "readable")
    _FIELDS = ("path", "info", "readable", "owner")

    path: Path
    info: LockInfo
    readable: bool
    #: The user owning the lock file (even when it cannot be read); "" when unknown.
    owner: str

    def __init__(self, path: Path, info: LockInfo, readable: bool = True, owner: str = "") -> None:
        self._set(path=path, info=info, readable=readable, owner=owner)


def real_path(path: Path) -> Path:
    """The real file behind ``path``: symlinks, ``..`` and relative spellings resolved.

    Not the inode: every save replaces the file (a new inode), the name stays."""
    return Path(os.path.realpath(Path(path).expanduser()))


def lock_path(path: Path) -> Path:
    path = real_path(path)
    return path.with_name(f".{path.name}.lock")


def _my_uid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1


def owner_name(target: Path) -> str:
    """The name of the user owning ``target`` (its uid when unnamed); "" when it is gone."""
    try:
        uid = os.stat(target).st_uid
    except OSError:
        return ""
    return _uid_name(uid)


def _uid_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


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


def is_stale(info: LockInfo, heartbeat: float | None = None, *, now: float | None = None) -> bool:
    """A lock is stale when it is from this host and its process is gone, or from another
    host and its ``heartbeat`` (the lock file's mtime) is older than ``STALE_AFTER``.
    Whose lock it is, is the caller's question (another user's lock is never stale)."""
    if info.host == host_name():
        return not process_alive(info.pid, info.token)
    if heartbeat is None:
        return False
    return (time.time() if now is None else now) - heartbeat > STALE_AFTER


def _create_exclusive(target: Path, text: str) -> None:
    """Create ``target`` with ``text``, failing with FileExistsError if it exists."""
    fd, tmp = tempfile.mkstemp(prefix=f"{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), LOCK_MODE)  # mkstemp makes it 0600
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)
            return
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
        fd2 = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, LOCK_MODE)
        with os.fdopen(fd2, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            with contextlib.suppress(OSError):
                os.fchmod(handle.fileno(), LOCK_MODE)  # past the umask
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
        try:
            st = target.stat()
        except FileNotFoundError:
            continue  # released meanwhile: try again
        except OSError:
            st = None
        owner = _uid_name(st.st_uid) if st is not None else ""
        others = st is not None and st.st_uid != _my_uid()
        held = read_lock(path)
        if held is None:
            age = time.time() - st.st_mtime if st is not None else 0.0
            unknown = LockInfo(user=owner or "?", host="?", pid=0, since="")
            if others or age < UNREADABLE_GRACE:
                return LockHeld(target, unknown, readable=False, owner=owner)
            held = unknown
        elif others or not is_stale(held, st.st_mtime if st is not None else None):
            return LockHeld(target, held, owner=owner)
        lock = take_over(path, held)
        if isinstance(lock, Lock):
            lock.took_over = held
        return lock
    current = read_lock(path)
    owner = owner_name(target)
    return LockHeld(
        target, current or LockInfo(owner or "?", "?", 0, ""), readable=False, owner=owner
    )


def take_over(path: Path, previous: LockInfo | None = None) -> Lock | LockHeld:
    """Replace whatever lock is on ``path`` with ours (the user chose to, or it was stale).

    Returns ``LockHeld`` if another process won a race to take it at the same moment.
    """
    target = lock_path(path)
    mine = my_info()
    try:
        write_file(target, mine.to_text().encode("utf-8"), mode=LOCK_MODE)
    except OSError as error:
        return Lock(target, mine, enforced=False, error=str(error))
    if not _still_ours(target, mine):
        current = _read(target)
        owner = owner_name(target)
        unknown = LockInfo(owner or "?", "?", 0, "")
        return LockHeld(target, current or unknown, readable=current is not None, owner=owner)
    return Lock(target, mine, took_over=previous)


def heartbeat(lock: Lock) -> bool:
    """The live editor says it still runs: touch the lock file, if it is still ours.

    Another host judges our lock by this time (``STALE_AFTER``). True when touched."""
    if not still_held(lock):
        return False
    try:
        os.utime(lock.path)
    except OSError:
        return False
    return True


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
