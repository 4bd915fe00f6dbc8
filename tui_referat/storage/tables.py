"""Small helpers over tomlkit's tables: read entries fast, insert and separate tables."""

from __future__ import annotations

from typing import Any

from tomlkit import items as ti
from tomlkit.container import Container


def container_of(table: Any) -> Container | None:
    """The tomlkit container behind a document, table or inline table."""
    if isinstance(table, Container):
        return table
    if isinstance(table, ti.Table | ti.InlineTable):
        return table.value
    return None


def entries(table: Any) -> dict[str, Any]:
    """Key -> tomlkit item of a table, in file order, without building proxies for plain keys."""
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
    """Booleans unwrapped; everything else as tomlkit gives it."""
    return value.value if isinstance(value, ti.Bool) else value


def body_index(container: Container, name: str) -> int | None:
    for index, (key, _) in enumerate(container.body):
        if key is not None and key.key == name:
            return index
    return None


def deepest_last_container(table: ti.Table) -> Container:
    """The container that holds the last lines a table renders (its last nested table)."""
    container = table.value
    while True:
        last = container._previous_item()
        if isinstance(last, ti.AoT) and len(last.body):
            container = last.body[-1].value
        elif isinstance(last, ti.Table):
            container = last.value
        else:
            return container


def ends_with_blank(table: ti.Table) -> bool:
    return isinstance(deepest_last_container(table)._previous_item(), ti.Whitespace)


def set_ends_with_blank(table: ti.Table, blank: bool) -> None:
    """Add or drop the blank line a table renders last, so tables stay apart."""
    container = deepest_last_container(table)
    last = container._previous_item()
    if blank and not isinstance(last, ti.Whitespace):
        container.append(None, ti.Whitespace("\n"))
    elif not blank and isinstance(last, ti.Whitespace):
        while container.body and isinstance(container.body[-1][1], ti.Whitespace | ti.Null):
            if container.body[-1][0] is not None:
                break
            container.body.pop()


def insert_entry(container: Container, index: int, key: str, item: Any) -> None:
    """Insert ``key = item`` (a value or a table) at body position ``index``."""
    if index >= len(container.body):
        container.append(key, item)
    else:
        container._insert_at(index, key, item)


def is_tableish(value: Any) -> bool:
    return isinstance(value, ti.Table | ti.AoT)
