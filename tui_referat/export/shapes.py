"""Inline the agenda items of an email once per *shape* instead of once per item.

css-inline's time goes into parsing and writing the HTML, so a page of 100 items costs
about 100 times one item. But items are built from the same few parts: with their texts
and the values of their ``id``/``href`` attributes cut out (slots), most items of a meeting
have one of a handful of shapes. Each shape is inlined once, in the page's own context; each
item is then its shape with its own texts put back, written as css-inline writes text (the
HTML serialisation algorithm: ``&amp;``, ``&nbsp;``, and ``&lt;``/``&gt;`` in text or
``&quot;`` in attributes). The result is byte for byte what inlining the whole page gives
(tests/export/test_export_batching.py compares both).

This holds because the email stylesheet has no sibling or structural selectors and none that
look above an item (``td.content`` matches only that cell), so an element's style depends
on the element and its ancestors inside the item. An item with a table of its own (foster
parenting moves stray text), ``pre``/``textarea`` (a leading newline is dropped) or a comment
is left to be inlined in place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

#: A text run between tags (with something other than white space in it), or the value of an
#: attribute that differs between items (``id="item-3"``, a link's ``href``).
_SLOTS = re.compile(r'>([^<]*[^<\s][^<]*)(?=<)| (id|href)="([^"]*)"')
#: (The one-cell table round an item's heading is ours and holds no stray text.)
_IN_PLACE = re.compile(r'<(?:table(?! class="h2")|pre|textarea|!--)')
_SLOT = "\ue003"
_SEPARATOR = "\ue004"


def _shape(item: str) -> tuple[str, list[tuple[str, bool]]]:
    """``item`` with its slots cut out, and each slot's text (``True`` for an attribute)."""
    # split() gives the text between slots and, per slot, its three groups (no callbacks).
    parts = _SLOTS.split(item)
    values: list[tuple[str, bool]] = []
    shape = [parts[0]]
    for k in range(1, len(parts), 4):
        text, name, value = parts[k], parts[k + 1], parts[k + 2]
        if text is not None:
            values.append((text, False))
            shape.append(">" + _SLOT)
        else:
            values.append((value, True))
            shape.append(f' {name}="{_SLOT}"')
        shape.append(parts[k + 3])
    return "".join(shape), values


def _serialise(value: str, attribute: bool) -> str:
    """Escaped text as css-inline writes it back: parsed, then serialised."""
    if "&" not in value and "\xa0" not in value:
        return value  # nothing is decoded or escaped differently
    value = html.unescape(value).replace("&", "&amp;").replace("\xa0", "&nbsp;")
    if attribute:
        return value.replace('"', "&quot;")
    return value.replace("<", "&lt;").replace(">", "&gt;")


def inline_items(items: list[str], inline_body: Callable[[str], str]) -> list[str | None]:
    """Each of ``items`` with its styles inlined, or ``None`` for one to inline in place.

    ``inline_body(body)`` must return the inlined page holding ``body`` where the items go.
    """
    shapes: dict[str, int] = {}
    cut: list[tuple[int, list[tuple[str, bool]]] | None] = []
    for item in items:
        if _IN_PLACE.search(item) or _SLOT in item or _SEPARATOR in item:
            cut.append(None)
            continue
        shape, values = _shape(item)
        cut.append((shapes.setdefault(shape, len(shapes)), values))
    if not shapes:
        return [None] * len(items)
    page = inline_body(_SEPARATOR + _SEPARATOR.join(shapes) + _SEPARATOR)
    inlined = [shape.split(_SLOT) for shape in page.split(_SEPARATOR)[1:-1]]
    if len(inlined) != len(shapes):
        return [None] * len(items)
    out: list[str | None] = []
    for entry in cut:
        if entry is None:
            out.append(None)
            continue
        pieces = inlined[entry[0]]
        if len(pieces) != len(entry[1]) + 1:
            out.append(None)
            continue
        parts = [pieces[0]]
        for (value, attribute), piece in zip(entry[1], pieces[1:], strict=True):
            parts += [_serialise(value, attribute), piece]
        out.append("".join(parts))
    return out
