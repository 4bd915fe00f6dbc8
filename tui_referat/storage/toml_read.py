"""The TOML reader of meeting files, the config and the themes: ``tomli`` when installed.

``tomli`` 2.3 is the standard library's ``tomllib`` (same API, same error messages, same
``(at line N, column M)`` in them) compiled with mypyc: it imports in about half the time and
reads a meeting file about twice as fast, which the editor's start-up feels. Without it,
``tomllib`` reads the same files the same way.
"""

from __future__ import annotations

try:
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - tomli is a pinned dependency
    from tomllib import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "loads"]
