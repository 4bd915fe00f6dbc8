"""Reading a meeting file's text and writing it safely; OS errors in plain words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import MeetingFileError

_REASONS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a folder, not a meeting file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "the file name is too long",
}


def reason(error: OSError) -> str:
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def read_text(path: str | Path) -> str:
    """The text of a meeting file, or a one-line ``MeetingFileError``."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise MeetingFileError(reason(error), path) from None
    if not data.strip():
        raise MeetingFileError("the file is empty", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise MeetingFileError(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} cannot be read; "
            "save the file as UTF-8",
            path,
            line,
            col,
        ) from None


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with ``safety._atomic.write_file``; errors in plain words.

    A regular file is replaced atomically and keeps its mode (a new one follows the umask),
    a symlink is written through, a device or FIFO is written as it is. On failure the file
    is left as it was, no temp file stays and ``MeetingFileError`` says why.
    """
    from ..safety._atomic import write_file

    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise MeetingFileError("is a folder, not a meeting file", path)
    if not target.parent.is_dir():
        raise MeetingFileError(f"cannot save: the folder {target.parent} does not exist", path)
    try:
        write_file(target, data)
    except OSError as error:
        raise MeetingFileError(f"cannot save: {reason(error)}", path) from None
