"""The one exception type for a meeting file that cannot be read or written."""

from __future__ import annotations

from pathlib import Path


class MeetingFileError(Exception):
    """A meeting file problem, located as ``FILE:LINE:COL: field: message``.

    ``line`` and ``col`` are 1-based; ``field`` is a field path such as ``items[3].kind``
    (list indexes 0-based, as in the file's array order). Any of them may be unknown.
    """

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        col: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.col = col
        self.field = field

    @property
    def location(self) -> str:
        parts = [self.path or "<meeting>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.location}: {where}{self.message}"
