"""An export's bytes written a part at a time: no string of the whole output, no second copy.

A 19 MB export held as one string, and encoded from it, costs two to four times its size
(a string with one character above U+00FF takes two bytes a character); its parts, encoded
one after another into one growing buffer, cost the output's bytes once.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterable, Iterator

#: Small parts are joined up to this many characters before they are encoded; a bigger part
#: is encoded in slices of this size.
BLOCK = 1 << 16


def utf8_blocks(parts: Iterable[str]) -> Iterator[bytes]:
    """``"".join(parts).encode("utf-8")`` in blocks of about :data:`BLOCK` characters."""
    pending: list[str] = []
    size = 0
    for part in parts:
        if len(part) < BLOCK:
            pending.append(part)
            size += len(part)
            if size < BLOCK:
                continue
        if pending:
            yield "".join(pending).encode("utf-8")
            pending, size = [], 0
        if len(part) >= BLOCK:
            for start in range(0, len(part), BLOCK):
                yield part[start : start + BLOCK].encode("utf-8")
    if pending:
        yield "".join(pending).encode("utf-8")


def utf8(parts: Iterable[str]) -> bytes:
    """``"".join(parts).encode("utf-8")``, made without either of those two copies."""
    out = io.BytesIO()
    for block in utf8_blocks(parts):
        out.write(block)
    return out.getvalue()  # the buffer itself, not a copy


def drain(parts: list[str]) -> Iterator[str]:
    """The items of ``parts`` in order, each taken out of the list as it is given (the list
    ends empty): a part that has been encoded need not stay in memory."""
    parts.reverse()
    while parts:
        yield parts.pop()


def return_freed_memory() -> None:
    """Have big blocks (over 256 KiB) returned to the system as soon as they are freed.

    glibc's malloc raises its threshold for mapping a block on its own each time such a
    block is freed (up to 32 MiB): after a 19 MB meeting is read, blocks of up to 19 MB come
    from the heap, where, once freed, they stay in the process (a growing output buffer
    leaves a trail of them). A fixed threshold ends that. Elsewhere this does nothing.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):  # not glibc
        return
    mallopt(_M_MMAP_THRESHOLD, 256 * 1024)


_M_MMAP_THRESHOLD = -3  # from glibc's malloc.h
