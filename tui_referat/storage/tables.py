"""Small helpers over tomlkit's tables: insert and separate tables (reading: ``plain``)."""

from __future__ import annotations

import itertools
from typing import Any

from tomlkit import items as ti
from tomlkit.container import Container

from .table_entries import container_of, entries, scalar

__all__ = ["container_of", "entries", "scalar"]


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


def mirror_key(table: Any, key: str, item: Any) -> None:
    """Tell a table about a key inserted straight into its container.

    A tomlkit table keeps its own copy of its keys, which ``del table[key]`` needs; a key
    added through the container alone could not be deleted after the next save.
    """
    if isinstance(table, ti.AbstractTable):
        dict.__setitem__(table, key, item)


def remove_key(table: Any, key: str) -> None:
    """Delete ``key`` from a document or table, even when the table's own copy lacks it."""
    if isinstance(table, ti.AbstractTable):
        table.value.remove(key)
        dict.pop(table, key, None)
    else:
        del table[key]


def is_tableish(value: Any) -> bool:
    return isinstance(value, ti.Table | ti.AoT)


def detach_trailing_comments(table: ti.Table) -> list[tuple[Any, Any]]:
    """Remove and return the comment lines (and what follows them) a table renders last."""
    body = deepest_last_container(table).body
    start = len(body)
    while start > 0 and body[start - 1][0] is None:
        if not isinstance(body[start - 1][1], ti.Comment | ti.Whitespace | ti.Null):
            break
        start -= 1
    first = next((i for i in range(start, len(body)) if isinstance(body[i][1], ti.Comment)), None)
    if first is None:
        return []
    tail = body[first:]
    del body[first:]
    return tail


def attach_trailing(table: ti.Table, tail: list[tuple[Any, Any]]) -> None:
    deepest_last_container(table).body.extend(tail)


def lift_leading_comments(tables: list[ti.Table]) -> None:
    """Move the comment lines just above each table's header into that table.

    TOML tools see a comment above ``[[items]]`` as the end of the table before it; before
    tables are reordered it is moved into the header's own indent so it travels with the
    table it describes. The rendered text is unchanged while the order is.
    """
    for before, table in itertools.pairwise(tables):
        tail = detach_trailing_comments(before)
        if tail:
            lifted = "".join(item.as_string() for _, item in tail)
            table.trivia.indent = lifted + table.trivia.indent
