"""Merge the model back into its tomlkit document, key by key.

Only values whose model value differs from what the file's value reads as are written, so an
untouched file saves byte for byte and one edited field changes only its own lines. Lists of
tables are rebuilt only when their order or membership changed, reusing the original table
objects so that their comments and unknown keys travel with them.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import tomlkit
from tomlkit import items as ti
from tomlkit.container import Container

from ..domain.model import Meeting, NextMeeting
from .fast_read import adopt
from .reader import MEETING_LISTS, SECTIONS_TABLE, SUB_TABLES, ListSpec, TableSpec, default_of
from .tables import (
    attach_trailing,
    body_index,
    container_of,
    detach_trailing_comments,
    ends_with_blank,
    entries,
    insert_entry,
    is_tableish,
    lift_leading_comments,
    mirror_key,
    remove_key,
    set_ends_with_blank,
)
from .values import (
    END_OF_DAY,
    FORMAT_VERSION,
    MEETING_FIELDS,
    NEXT_MEETING_FIELDS,
    Field,
    FieldError,
    parse_value,
)
from .values_write import make_item

#: The order of the top-level tables; new ones are placed accordingly.
TOP_TABLES = ("sections", "header", "participants", "items", "next_meeting", "sent")


class Writer:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in ("da", "en") else "da"
        self.claimed: set[int] = set()
        #: Whether anything was written; an untouched document keeps its original text.
        self.changed = False

    # -- fields -----------------------------------------------------------------------

    def merge_fields(
        self,
        obj: Any,
        fields: tuple[Field, ...],
        table: Any,
        new: bool,
        found: dict[str, Any] | None = None,
    ) -> None:
        if found is None:
            found = entries(table)
        container = container_of(table)
        cls = type(obj)
        for position, field in enumerate(fields):
            value = getattr(obj, field.attr)
            raw = found.get(field.key)
            if raw is not None:
                try:
                    if parse_value(field, raw) == value:
                        continue
                except FieldError:
                    pass
                self.changed = True
                if value is None:
                    remove_key(table, field.key)
                elif _date_alone(field, raw, value):  # a date stays a date
                    table[field.key] = make_item(field, value.date(), self.lang)
                else:
                    table[field.key] = make_item(field, value, self.lang)
                continue
            if value is None:
                continue
            optional = not field.required and not (new and field.always)
            if optional and value == default_of(cls, field.attr):
                continue
            item = make_item(field, value, self.lang)
            self.changed = True
            self.insert_key(table, container, found, fields, position, field.key, item)
            found[field.key] = item

    @staticmethod
    def insert_key(
        table: Any,
        container: Container | None,
        found: dict[str, Any],
        fields: tuple[Field, ...],
        position: int,
        key: str,
        item: Any,
    ) -> None:
        if isinstance(container, Container) and not isinstance(table, ti.InlineTable):
            for before in reversed(fields[:position]):
                if before.key in found and not is_tableish(found[before.key]):
                    index = body_index(container, before.key)
                    if index is not None:
                        container._insert_after(before.key, key, item)
                        mirror_key(table, key, item)
                        return
            for after in fields[position + 1 :]:
                if after.key in found and not is_tableish(found[after.key]):
                    index = body_index(container, after.key)
                    if index is not None:
                        container._insert_at(index, key, item)
                        mirror_key(table, key, item)
                        return
        table[key] = item

    # -- objects and lists -----------------------------------------------------------

    def table_for(self, obj: Any) -> tuple[ti.Table, bool]:
        """The table to merge ``obj`` into, and whether it is new."""
        origin = obj.origin
        if isinstance(origin, ti.Table) and id(origin) not in self.claimed:
            self.claimed.add(id(origin))
            return origin, False
        table = tomlkit.table()
        if isinstance(origin, ti.Table):
            table = copy.deepcopy(origin)
        elif isinstance(origin, dict):
            for key, value in entries(origin).items():
                value = copy.deepcopy(value)
                if hasattr(value, "trivia"):
                    value.trivia.indent = ""
                    value.trivia.trail = "\n"
                table.append(key, value)
        self.claimed.add(id(table))
        obj.origin = table
        return table, not isinstance(origin, dict)

    def merge_object(self, spec: ListSpec, obj: Any, table: Any, new: bool) -> None:
        found = entries(table)
        self.merge_fields(obj, spec[3], table, new, found)
        for sub in spec[4]:
            self.merge_list(table, sub, getattr(obj, sub[0]), spec[4], found.get(sub[1]))
        for sub_table in SUB_TABLES.get(type(obj), ()):
            # a new one goes before the object's lists of tables ([[items.remarks]] ...)
            order = [sub_table[1], *(sub[1] for sub in spec[4])]
            self.merge_sub_table(
                table, sub_table, getattr(obj, sub_table[0]), found.get(sub_table[1]), order
            )

    def merge_sub_table(
        self, parent: Any, spec: TableSpec, obj: Any, existing: Any, order: list[str]
    ) -> None:
        """An optional single table inside an object (``[items.vote]``, ``[sections]``), like
        ``merge_next``; a new one is placed among ``order`` (``add_table``)."""
        key, fields = spec[1], spec[3]
        if obj is None:
            if existing is not None:
                self.changed = True
                remove_key(parent, key)
            return
        if (
            obj.origin is existing
            and isinstance(existing, dict)
            and id(existing) not in self.claimed
        ):
            self.claimed.add(id(existing))
            self.merge_fields(obj, fields, existing, new=False)
            return
        self.changed = True
        table, new = self.table_for(obj)
        self.merge_fields(obj, fields, table, new)
        if existing is not None:
            parent[key] = table
        else:
            self.add_table(parent, key, table, order)

    def merge_list(
        self,
        parent: Any,
        spec: ListSpec,
        objs: list[Any],
        sub_order: tuple[Any, ...],
        existing: Any,
    ) -> None:
        key = spec[1]
        if not objs:
            if existing is not None:
                self.changed = True
                remove_key(parent, key)
            return
        current = list(existing.body) if isinstance(existing, ti.AoT) else existing
        if (
            isinstance(current, list)
            and len(current) == len(objs)
            and all(obj.origin is table for obj, table in zip(objs, current, strict=True))
            and not any(id(table) in self.claimed for table in current)
        ):
            for obj, table in zip(objs, current, strict=True):
                self.claimed.add(id(table))
                self.merge_object(spec, obj, table, new=False)
            return
        self.changed = True
        old = list(existing.body) if isinstance(existing, ti.AoT) else []
        lift_leading_comments(old)
        # comments after the last table introduce whatever follows the list: they stay last
        tail = detach_trailing_comments(old[-1]) if old else []
        tables = []
        for obj in objs:
            table, new = self.table_for(obj)
            self.merge_object(spec, obj, table, new)
            tables.append(table)
        if isinstance(parent, ti.InlineTable):  # no [[tables]] inside an inline table
            parent[key] = _inline_array(objs, tables)
            return
        self.arrange(old, tables)
        if tail:
            attach_trailing(tables[-1], tail)
        if isinstance(existing, ti.AoT):
            existing._body[:] = tables
            list.__setitem__(existing, slice(None), tables)
            return
        aot = ti.AoT(tables, name=key, parsed=True)
        if existing is not None:
            parent[key] = aot
            return
        order = [sub[1] for sub in sub_order] if sub_order else list(TOP_TABLES)
        self.add_table(parent, key, aot, order)

    @staticmethod
    def arrange(old: list[ti.Table], tables: list[ti.Table]) -> None:
        """Keep the blank lines between tables where they were, whatever moved."""
        separated = any(ends_with_blank(table) for table in old[:-1]) or len(old) < 2
        last_blank = ends_with_blank(old[-1]) if old else False
        for table in tables[:-1]:
            if separated and not ends_with_blank(table):
                set_ends_with_blank(table, True)
        if old and tables and tables[-1] is not old[-1]:
            set_ends_with_blank(tables[-1], last_blank)

    @staticmethod
    def add_table(parent: Any, key: str, value: Any, order: list[str]) -> None:
        """Add a new table or array of tables at its place among ``order``."""
        container = container_of(parent)
        if container is None:
            parent[key] = value
            return
        later = order[order.index(key) + 1 :] if key in order else []
        index = len(container.body)
        for name in later:
            found = body_index(container, name)
            # only before a table: a key before it (e.g. an inline `actions = [...]`) would
            # become a key of the new table
            if found is not None and is_tableish(container.body[found][1]):
                index = found
                break
        before = container._previous_item(index)
        if isinstance(before, ti.Table):
            set_ends_with_blank(before, True)
        elif isinstance(before, ti.AoT) and len(before.body):
            set_ends_with_blank(before.body[-1], True)
        elif before is not None and not isinstance(before, ti.Whitespace):
            container.body.insert(index, (None, ti.Whitespace("\n")))
            _shift_map(container, index)
            index += 1
        # before what follows; or last in a table that ended with a blank line (which now
        # comes before the new table): the blank line keeps the next table apart
        ends_blank = isinstance(parent, ti.Table) and isinstance(before, ti.Whitespace)
        if index < len(container.body) or ends_blank:
            last = value.body[-1] if isinstance(value, ti.AoT) else value
            set_ends_with_blank(last, True)
        insert_entry(container, index, key, value)
        mirror_key(parent, key, value)

    # -- the meeting ------------------------------------------------------------------

    def merge_meeting(self, meeting: Meeting, doc: Any, new: bool) -> None:
        if new:
            self.changed = True
            doc.append("format", FORMAT_VERSION)
        found = entries(doc)
        self.merge_fields(meeting, MEETING_FIELDS, doc, new, found)
        for spec in MEETING_LISTS:
            self.merge_list(doc, spec, getattr(meeting, spec[0]), (), found.get(spec[1]))
        self.merge_sub_table(
            doc, SECTIONS_TABLE, meeting.sections, found.get("sections"), list(TOP_TABLES)
        )
        self.merge_next(meeting.next_meeting, doc, found.get("next_meeting"))

    def merge_next(self, nxt: NextMeeting | None, doc: Any, existing: Any) -> None:
        if nxt is None:
            if existing is not None:
                self.changed = True
                remove_key(doc, "next_meeting")
            return
        if (
            nxt.origin is existing
            and isinstance(existing, dict)
            and id(existing) not in self.claimed
        ):
            self.claimed.add(id(existing))
            self.merge_fields(nxt, NEXT_MEETING_FIELDS, existing, new=False)
            return
        self.changed = True
        table, new = self.table_for(nxt)
        self.merge_fields(nxt, NEXT_MEETING_FIELDS, table, new)
        if existing is not None:
            doc["next_meeting"] = table
        else:
            self.add_table(doc, "next_meeting", table, list(TOP_TABLES))


def _date_alone(field: Field, raw: Any, value: Any) -> bool:
    """Whether a date-and-time field written as a date alone keeps being one: the new value
    is the end of a day, which is what a date alone means (``END_OF_DAY``)."""
    return (
        field.kind == "datetime"
        and isinstance(raw, dt.date)
        and not isinstance(raw, dt.datetime)
        and isinstance(value, dt.datetime)
        and value.time() == END_OF_DAY
        and value.tzinfo is None
    )


def _inline_array(objs: list[Any], tables: list[ti.Table]) -> ti.Array:
    """``tables`` as an inline array of inline tables, each the new origin of its object."""
    array = tomlkit.array()
    for obj, table in zip(objs, tables, strict=True):
        inline = tomlkit.inline_table()
        for key, value in entries(table).items():
            inline[key] = value
        array.append(inline)
        obj.origin = array[-1]
    return array


def _shift_map(container: Container, index: int) -> None:
    for key, where in list(container._map.items()):
        if isinstance(where, tuple):
            container._map[key] = tuple(i + 1 if i >= index else i for i in where)
        elif where >= index:
            container._map[key] = where + 1


def merge(meeting: Meeting) -> tuple[Any, bool]:
    """Merge ``meeting`` into its document (a new one when it has none).

    Returns the document and whether anything in it changed.
    """
    doc = adopt(meeting)
    new = not isinstance(doc, tomlkit.TOMLDocument)
    if new:
        doc = tomlkit.document()
    writer = Writer(meeting.lang)
    writer.merge_meeting(meeting, doc, new)
    meeting.origin = doc
    return doc, writer.changed
