"""Meaning checks on a meeting, and the ``Problem`` they (and ``referat check``) report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One finding, printed as ``FILE:LINE:COL: level: message``."""

    path: str
    line: int | None
    col: int | None
    level: str  # "error" | "warning"
    message: str
    #: The field path the message is about, e.g. ``items[3].kind``; part of ``str()``.
    field: str = ""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        about = f"{self.field}: " if self.field else ""
        return f"{where}: {self.level}: {about}{self.message}"
