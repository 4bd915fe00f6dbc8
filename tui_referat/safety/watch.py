"""Notice when a meeting file changed on disk since the editor loaded or saved it.

Take a ``stamp`` right after load and after every save; before saving, ``changed_since`` tells
whether someone else (git pull, another editor, a script) wrote the file meanwhile, so the
editor can ask (reload / overwrite / save as) instead of silently overwriting.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like: modification time (ns), size and the SHA-256 of its bytes."""

    mtime_ns: int
    size: int
    sha256: str

    def to_json(self) -> dict[str, int | str]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_json(cls, data: object) -> FileStamp | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(int(data["mtime_ns"]), int(data["size"]), str(data["sha256"]))
        except (KeyError, TypeError, ValueError):
            return None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_bytes(path: Path, data: bytes) -> FileStamp | None:
    """The stamp of ``path`` whose content the caller has just read or written as ``data``."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, len(data), sha256_bytes(data))


def stamp(path: Path) -> FileStamp | None:
    """The current stamp of ``path``; None when it does not exist or cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return stamp_bytes(path, data)


def changed_since(path: Path, before: FileStamp | None) -> bool:
    """Whether ``path`` now differs from ``before`` (None: the file did not exist then).

    Cheap when nothing happened: an unchanged mtime and size skip reading the file. A file
    that was touched or rewritten with the same bytes does not count as changed.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return before is not None
    except OSError:
        return True
    if before is None:
        return True
    if st.st_mtime_ns == before.mtime_ns and st.st_size == before.size:
        return False
    if st.st_size != before.size:
        return True
    try:
        return sha256_bytes(Path(path).read_bytes()) != before.sha256
    except OSError:
        return True
