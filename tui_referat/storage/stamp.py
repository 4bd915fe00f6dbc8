"""Notice when a meeting file changed on disk since the editor loaded or saved it.

Take a ``stamp`` of the bytes read at load and written at every save; before saving,
``changed_since`` (decided by a hash of the content) tells whether someone else (git pull,
another editor, a script) wrote the file meanwhile, so the editor can ask (reload / overwrite /
save as) instead of silently overwriting.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.record import Frozen


class FileStamp(Frozen):
    """What a file looked like: modification time (ns), size and the SHA-256 of its bytes.

    A value: compared, hashed and printed by those three. Made with the bytes instead of their
    hash (``stamp_bytes(..., later=True)``), it hashes them when the hash is first asked for:
    loading a file at start-up needs no ``hashlib`` (2 ms). Not a dataclass: a frozen one
    costs about 1 ms to make at import."""

    __slots__ = ("_hash", "mtime_ns", "size")
    _FIELDS = ("mtime_ns", "size", "sha256")

    mtime_ns: int
    size: int

    def __init__(self, mtime_ns: int, size: int, sha256: str | bytes) -> None:
        """``sha256``: the hex digest, or the bytes to take it of when first asked for."""
        self._set(mtime_ns=mtime_ns, size=size)
        #: The hex digest, or the bytes it is still to be taken of (one slot, read once,
        #: so a signal handler asking for it meanwhile cannot see a half-made state).
        object.__setattr__(self, "_hash", sha256)

    @property
    def sha256(self) -> str:
        value = self._hash
        if isinstance(value, bytes):
            value = sha256_bytes(value)
            object.__setattr__(self, "_hash", value)
        return value

    def hash_now(self) -> None:
        """Take the hash now if it is still to be taken (and let go of the bytes)."""
        _ = self.sha256

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
    import hashlib  # here: loading a file hashes its bytes later (FileStamp)

    return hashlib.sha256(data).hexdigest()


def stamp_bytes(path: Path, data: bytes, *, later: bool = False) -> FileStamp | None:
    """The stamp of ``path`` whose content the caller has just read or written as ``data``.

    ``later``: keep ``data`` and hash it when the hash is first asked for (the caller must
    not change ``data``; ``bytes`` cannot be)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, len(data), data if later else sha256_bytes(data))


def stamp(path: Path) -> FileStamp | None:
    """The current stamp of ``path``; None when it does not exist or cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return stamp_bytes(path, data)


def write_protected(path: Path) -> bool:
    """Whether ``path`` has all its write bits off (``chmod 444``): someone marked it read-only.

    The bits, not ``os.access``: as root, or through the atomic save's rename in a writable
    folder, the file would be replaced anyway. A missing file is not protected."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return mode & 0o222 == 0


def changed_since(path: Path, before: FileStamp | None, *, quick: bool = False) -> bool:
    """Whether ``path`` now differs from ``before`` (None: the file did not exist then).

    Decided by the content: the file's bytes are hashed and compared, so a same-length change
    with the old mtime put back (``cp -p``, ``rsync -a``, ``tar x``, sync clients) is noticed,
    and a file touched or rewritten with the same bytes does not count as changed. ``quick``
    (for an idle look, not before a save) trusts an unchanged mtime and size and reads nothing.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return before is not None
    except OSError:
        return True
    if before is None:
        return True
    if st.st_size != before.size:
        return True
    if quick and st.st_mtime_ns == before.mtime_ns:
        return False
    try:
        return sha256_bytes(Path(path).read_bytes()) != before.sha256
    except OSError:
        return True
