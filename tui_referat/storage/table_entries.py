"""Reading a table's entries, whichever parser made it: tomlkit (kept for saving) or tomllib.

No tomlkit import here: a file read with ``tomllib`` never loads tomlkit, and then no tomlkit
object can exist (``_items`` is None).
"""

from __future__ import annotations

import sys
from typing import Any


def _items() -> Any:
    return sys.modules.get("tomlkit.items")


def container_of(table: Any) -> Any:
    """The tomlkit container behind a document, table or inline table (None for a dict)."""
    items = _items()
    if items is None:
        return None
    from tomlkit.container import Container

    if isinstance(table, Container):
        return table
    if isinstance(table, items.Table | items.InlineTable):
        return table.value
    return None


def entries(table: Any) -> dict[str, Any]:
    """Key -> item of a table, in file order, without building proxies for plain keys."""
    container = container_of(table)
    if container is None:
        return {str(key): table[key] for key in table}
    out: dict[str, Any] = {}
    odd: list[str] = []
    for key, value in container.body:
        if key is None:
            continue
        name = key.key
        if name in out or key.is_dotted():
            odd.append(name)
        out[name] = value
    for name in odd:
        out[name] = container[name]
    return out


def scalar(value: Any) -> Any:
    """Booleans unwrapped; everything else as the parser gives it."""
    items = _items()
    return value.value if items is not None and isinstance(value, items.Bool) else value
