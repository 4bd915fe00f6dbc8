"""Reading a meeting file's text and saving bytes safely; OS errors in plain words.

Files are written by ``atomic.write_file`` only; ``save_file`` is that writer with its
failures as a ``MeetingFileError`` for the user.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from ..domain.errors import MeetingFileError

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


#: The largest meeting file any command reads (docs/FORMAT.md, "Limits"). A real meeting is
#: well under 1 MB; a 50 MB file took minutes and gigabytes to show.
MAX_BYTES = 20 * 1024 * 1024


def too_large(size: int) -> str:
    """The message for a file of ``size`` bytes over ``MAX_BYTES``."""
    size_mb = f"{size / 1024 / 1024:.1f}".removesuffix(".0")
    return f"too large ({size_mb} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)"


#: The most entries (agenda items, participants, remarks, attachments, actions and header
#: fields, counted together) a meeting file may hold. Real minutes have a few hundred at most;
#: at 5,000 the first recovery copy after a change takes under a second (100,000 took 30 s).
MAX_ENTRIES = 5000


def too_many_entries(meeting: Any) -> str | None:
    """The message when ``meeting`` holds more than ``MAX_ENTRIES`` entries, else None."""
    count = len(meeting.items) + len(meeting.participants) + len(meeting.header)
    count += sum(len(i.remarks) + len(i.attachments) + len(i.actions) for i in meeting.items)
    # a participant's presence events count with the participants
    count += sum(len(p.presence) for p in meeting.participants)
    if count <= MAX_ENTRIES:
        return None
    return (
        f"too many entries ({count:,} agenda items, participants, remarks, attachments, "
        f"actions and header fields; the limit is {MAX_ENTRIES:,})"
    )


def exists(path: str | Path) -> bool:
    """True when ``path`` exists, False when it does not; a path that cannot be looked at
    (a folder the user cannot enter) is a one-line ``MeetingFileError``, not an ``OSError``."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise MeetingFileError(f"cannot open: {reason(error)}", path) from None
    except ValueError:  # a NUL in the name
        raise MeetingFileError("cannot open: the name is not a valid file name", path) from None
    return True


def read_limited(path: str | Path) -> bytes:
    """The bytes of the file at ``path``; a file over ``MAX_BYTES`` is refused before it is
    read, and any failure is a one-line ``MeetingFileError``."""
    try:
        with Path(path).open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise MeetingFileError(too_large(size), path)
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise MeetingFileError(reason(error), path) from None
    except ValueError:  # a NUL in the name
        raise MeetingFileError("the name is not a valid file name", path) from None
    if len(data) > MAX_BYTES:  # a pipe, or a file that grew while it was read
        raise MeetingFileError(too_large(len(data)), path)
    return data


def read_text(path: str | Path) -> str:
    """The text of a meeting file, or a one-line ``MeetingFileError``."""
    data = read_limited(path)
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


def save_file(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with ``atomic.write_file``; errors in plain words.

    A regular file is replaced atomically and keeps its mode (a new one follows the umask),
    a symlink is written through, a device or FIFO is written as it is. On failure the file
    is left as it was, no temp file stays and ``MeetingFileError`` says why.
    """
    from .atomic import write_file  # here: reading a file needs none of tempfile's imports

    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise MeetingFileError("is a folder, not a meeting file", path)
    if not target.parent.is_dir():
        raise MeetingFileError(f"cannot save: the folder {target.parent} does not exist", path)
    try:
        write_file(target, data)
    except OSError as error:
        raise MeetingFileError(f"cannot save: {reason(error)}", path) from None
