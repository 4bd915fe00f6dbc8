"""Where a meeting's recovery copy would be, and whether one is there.

Next to the meeting file, hidden: ``DIR/.NAME.toml.recovery``. When that folder cannot be
written (read-only share, permissions), in the user state folder instead:
``platformdirs.user_state_dir("tui-referat")/recovery/<sha256 of the real path>.toml``.

This is all that opening a meeting needs when it has no copy (the usual start): ``present``
looks in both places with a stat each, and hashes the path only when the state folder has a
``recovery/`` at all. Reading, trusting, offering and writing a copy is ``recovery.py``,
imported when there is a copy to look at or to write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

SUFFIX = ".recovery"


def real_path(path: Path) -> Path:
    """The real file behind ``path`` (symlinks, ``..`` resolved): one copy per file."""
    return Path(os.path.realpath(Path(path).expanduser()))


def sibling_path(path: Path) -> Path:
    """``DIR/.NAME.recovery`` for ``DIR/NAME``."""
    path = real_path(path)
    return path.with_name(f".{path.name}{SUFFIX}")


def _state_folder() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("tui-referat")) / "recovery"


def state_path(path: Path) -> Path:
    """The fallback place in the user state folder, named by a hash of the absolute path."""
    import hashlib  # here: a start with no recovery folder needs no hash (module doc)

    digest = hashlib.sha256(str(real_path(path)).encode("utf-8", "surrogateescape")).hexdigest()
    return _state_folder() / f"{digest[:32]}.toml"


def candidates(path: Path) -> list[Path]:
    return [sibling_path(path), state_path(path)]


def present(path: Path) -> bool:
    """Whether anything is at one of the places of ``path``'s recovery copy.

    A look by name only (a copy that cannot be read counts): when False, ``scan_recovery``
    would find nothing to offer and nothing to set aside."""
    if os.path.exists(sibling_path(path)):
        return True
    return os.path.isdir(_state_folder()) and os.path.exists(state_path(path))


def discard_recovery(path: Path) -> bool:
    """Remove every recovery copy of ``path``. True when one was removed."""
    removed = False
    for place in candidates(path):
        with contextlib.suppress(OSError):  # FileNotFoundError: there was none
            place.unlink()
            removed = True
    return removed


def suggest_target(path: Path, when: dt.datetime | None = None, label: str = "recovered") -> Path:
    """``NAME.LABEL-YYYYMMDD-HHMM.toml`` next to ``path``, not yet existing."""
    path = real_path(path)
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M")
    stem = path.stem
    target = path.with_name(f"{stem}.{label}-{stamp}{path.suffix or '.toml'}")
    number = 2
    while target.exists():
        target = path.with_name(f"{stem}.{label}-{stamp}-{number}{path.suffix or '.toml'}")
        number += 1
    return target
