"""Keeping a recovery copy that is not offered: renamed aside, never overwritten.

``keep_aside`` renames a copy to ``NAME.LABEL-YYYYMMDDTHHMMSS`` (``-2``, ... if taken), so no new
copy ever replaces it; ``save_readable_text`` puts the text of a damaged copy beside the meeting
file as a visible ``.txt``. ``recovery.scan_recovery`` decides which copies these are.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from ..storage.atomic import write_file


def _free(candidate: Callable[[int], Path]) -> Path:
    number = 1
    target = candidate(number)
    while target.exists() or target.is_symlink():
        number += 1
        target = candidate(number)
    return target


def keep_aside(place: Path, label: str, now: dt.datetime | None = None) -> Path:
    """Rename ``place`` to ``place.LABEL-YYYYMMDDTHHMMSS`` (``-2``, ... if taken); the path.

    Never replaces an existing file. Raises ``OSError`` when it cannot be renamed."""
    stamp_text = (now or dt.datetime.now().astimezone()).strftime("%Y%m%dT%H%M%S")
    base = f"{place.name}.{label}-{stamp_text}"
    target = _free(lambda n: place.with_name(base if n == 1 else f"{base}-{n}"))
    try:
        os.link(place, target)  # fails if target appeared meanwhile: nothing is replaced
    except FileExistsError:
        raise
    except OSError:
        os.rename(place, target)
        return target
    place.unlink()
    return target


def save_readable_text(original: Path, text: str, now: dt.datetime, aside: Path) -> Path | None:
    """The readable text of a damaged copy as ``NAME.recovered-text-YYYYMMDD-HHMM.txt`` beside
    the meeting file (beside the kept copy when that folder cannot be written)."""
    stamp_text = now.strftime("%Y%m%d-%H%M")
    for folder in (original.parent, aside.parent):
        base = f"{original.stem}.recovered-text-{stamp_text}"
        target = _free(lambda n, f=folder, b=base: f / (f"{b}.txt" if n == 1 else f"{b}-{n}.txt"))
        try:
            write_file(target, text.encode("utf-8"), mode=0o600)
        except OSError:
            continue
        return target
    return None
