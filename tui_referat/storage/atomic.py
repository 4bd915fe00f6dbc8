"""The one way the project writes a file: atomic where that means something, and never
changing what the target is.

- A regular file (or a new one) is written atomically: a temp file in the same folder, fsync,
  ``os.replace``, fsync the folder. Either the file has the complete new content, or it is
  untouched and no temp file is left. An existing file keeps its mode (and its owner and group
  where the OS allows); a new file gets the mode a plain create gives (0666 less the umask).
- A symlink is written through: the file it points to is replaced, in that file's own folder,
  and the link stays a link.
- A device or FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is opened and written as it
  is: a rename would turn it into a regular file (as root, ``/dev/null`` for the machine).

``write_file`` is the project's one writer: saves, exports, recovery copies and lock
take-overs call it (text as UTF-8 bytes); ``disk.save_file`` is it with errors worded for the
user. A new lock is the one file made another way (``safety.lock``: created only if absent).

A temp file being written is registered (``writing``) so that an emergency exit on SIGHUP or
SIGTERM, which skips every ``finally``, can remove it first (``remove_partial``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Temp files being written right now, by any atomic writer of the process.
_PARTIAL: set[str] = set()


@contextlib.contextmanager
def writing(temp: str) -> Iterator[None]:
    """Register ``temp`` as a temp file being written while the block runs."""
    _PARTIAL.add(temp)
    try:
        yield
    finally:
        _PARTIAL.discard(temp)


def remove_partial() -> None:
    """Remove every temp file still being written (the emergency exit calls this before
    ``os._exit``). Never raises."""
    for temp in list(_PARTIAL):
        with contextlib.suppress(BaseException):
            os.unlink(temp)
        _PARTIAL.discard(temp)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (best effort: not every filesystem allows it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def default_mode() -> int:
    """The permission bits a plain ``open(..., "w")`` would give a new file now: 0666 & ~umask."""
    with (
        contextlib.suppress(OSError, ValueError),
        open("/proc/self/status", encoding="ascii", errors="replace") as status,
    ):
        for line in status:
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    umask = os.umask(0o022)  # no /proc: read it the only other way, and put it straight back
    os.umask(umask)
    return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_in_place(target: Path, data: bytes) -> None:
    """Write a device or FIFO as it is (no temp file, no rename, no fsync)."""
    fd = os.open(target, os.O_WRONLY | os.O_NOCTTY)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as we may (best effort)."""
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    for uid in (info.st_uid, -1):
        try:
            os.fchown(fd, uid, info.st_gid)
            return
        except OSError:
            continue


def write_file(path: str | Path, data: bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` by the rules above; returns the file actually written.

    ``mode`` forces the permission bits of a regular file (e.g. 0600 for a private copy);
    without it an existing file keeps its mode and a new one follows the umask.
    Raises ``OSError`` (ENOSPC, EACCES, ENOENT, EISDIR, ...) with the target left as it was.
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_in_place(target, data)
        return target
    if mode is None:
        mode = stat.S_IMODE(info.st_mode) if info is not None else default_mode()
    folder = target.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with writing(tmp):  # an emergency exit (SIGHUP) removes it: see safety.signals
            try:
                _write_all(fd, data)
                if info is not None:
                    _keep_owner(fd, info)
                os.fchmod(fd, mode)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)
    return target


def file_mode(path: Path) -> int | None:
    """The permission bits of ``path``, or None when it does not exist."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return None
