"""The meeting file: load, check and save TOML with tomlkit, keeping the user's bytes.

This package is the only code that knows TOML. ``__init__`` is its façade: it re-exports
the functions of ``meeting_file`` and defines nothing; the modules inside import one another,
never the façade. From the bottom up:

- ``disk``: a file's text read safely, bytes written through ``atomic.write_file`` (the one
  writer of the project), OS errors in plain words; the size limits.
- ``values``, ``table_entries``, ``tables``, ``locate``, ``parse_limits``, ``table_order``:
  fields and their TOML values, tables, FILE:LINE:COL of a field, limits of the parsers.
- ``document``: text -> tomlkit document; ``reader``: document (or ``tomllib`` data) -> model.
- ``fast_read``: a clean file read with ``tomllib``; ``writer``: the model merged back.
- ``meeting_file``: load, check and save; ``fast_check``: ``referat check`` for one file;
  ``unknown``: the keys the reader never asked for (``unknown_keys``).
- ``session``, ``stamp``, ``config``: the open document, file stamps, the user's settings.
"""

from __future__ import annotations

from ..domain.errors import MeetingFileError
from .meeting_file import (
    dumps_meeting,
    layout_problems,
    load_meeting,
    loads_meeting,
    locator_for,
    save_meeting,
    validate_file,
    validate_text,
)
from .unknown import unknown_key_problems as unknown_keys
from .values import FORMAT_VERSION

__all__ = [
    "FORMAT_VERSION",
    "MeetingFileError",
    "dumps_meeting",
    "layout_problems",
    "load_meeting",
    "loads_meeting",
    "locator_for",
    "save_meeting",
    "unknown_keys",
    "validate_file",
    "validate_text",
]
