"""Atomic file writes: a temp file in the same folder, fsync, ``os.replace``, fsync the folder.

Either the target has the complete new content, or it is untouched and no temp file is left.
A temp file being written is registered (``writing``) so that an emergency exit on SIGHUP or
SIGTERM, which skips every ``finally``, can remove it first (``remove_partial``).
"""

from __future__ import annotations

import contextlib
import os
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


def atomic_write_bytes(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` atomically; ``mode`` sets the permission bits.

    Raises ``OSError`` (ENOSPC, EACCES, ENOENT, ...) with the target left as it was.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with writing(tmp):
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """``atomic_write_bytes`` for UTF-8 text (newlines written as given)."""
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def file_mode(path: Path) -> int | None:
    """The permission bits of ``path``, or None when it does not exist."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return None
