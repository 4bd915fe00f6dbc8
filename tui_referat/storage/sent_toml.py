"""A ``[[sent]]`` record as TOML text, to paste by hand when the file could not take it."""

from __future__ import annotations

from ..domain.model import Sent
from .values import SENT_FIELDS
from .values_write import make_item


def sent_toml(record: Sent) -> str:
    """``[[sent]]`` and its keys, as the writer would add them to the file."""
    import tomlkit

    table = tomlkit.table()
    for field in SENT_FIELDS:
        value = getattr(record, field.attr)
        if value in (None, [], False, "") and not field.required and not field.always:
            continue
        table[field.key] = make_item(field, value, "en")
    doc = tomlkit.document()
    doc["sent"] = tomlkit.aot()
    doc["sent"].append(table)
    return doc.as_string()
