"""Which tabs the item editor shows for a meeting, and in which order.

With ``[sections].order`` the section tabs are exactly those of the order, in that order
(``remarks`` where the order puts it, else after them), then any section the order leaves
out that an item has text in (nothing hidden that the minutes show); without it the default
tabs, where the case presentation shows only when an item has one and the decision only when
an item has one or is a decision item (B). A tab the user asked for (``wanted``) shows too.
The note after the remarks follows the remarks; attachments and actions come last.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...domain.model import SECTIONS, AgendaItem, Kind, Meeting
from ...text.words import say_in

#: Every tab, in the default order: text sections and the three item forms.
TABS: tuple[str, ...] = (
    "minutes",
    "case",
    "recommendation",
    "decision",
    "remarks",
    "remarks_note",
    "problem",
    "solution",
    "next_steps",
    "attachments",
    "actions",
)
#: Tabs that hold a form (made by the ``make_form`` the editor is given).
FORM_TABS = ("remarks", "attachments", "actions")
#: Text tabs that are not sections (``AgendaItem.section`` does not know them).
NOTE_TABS = ("remarks_note",)
TEXT_KEYS = (*SECTIONS, *NOTE_TABS)
#: Default tabs shown only when the meeting needs them.
OPTIONAL_TABS = ("case", "decision")


def _needed(items: list[AgendaItem], key: str) -> bool:
    if key == "decision":
        return any(item.has(key) or item.kind is Kind.DECISION for item in items)
    return any(item.has(key) for item in items)


def meeting_tabs(meeting: Meeting, wanted: Iterable[str] = ()) -> tuple[str, ...]:
    """The keys of the tabs the editor shows for ``meeting``."""
    wanted = set(wanted)
    layout = meeting.sections
    if layout is None or not layout.order:
        return tuple(
            key
            for key in TABS
            if key not in OPTIONAL_TABS or key in wanted or _needed(meeting.items, key)
        )
    order = meeting.section_order()
    keys = list(order)
    keys += [
        key
        for key in SECTIONS
        if key not in order and (key in wanted or _needed(meeting.items, key))
    ]
    if not any(key in SECTIONS for key in keys):  # e.g. order = ["remarks"]: one text tab
        keys.insert(0, "minutes")
    if "remarks" not in keys:
        keys.append("remarks")
    keys.insert(keys.index("remarks") + 1, "remarks_note")
    return (*keys, "attachments", "actions")


def first_tab(keys: tuple[str, ...]) -> str:
    """The tab an item opens at: the minutes, else the first section."""
    if "minutes" in keys:
        return "minutes"
    return next(key for key in keys if key in SECTIONS)


def tab_name(meeting: Meeting, key: str, lang: str, *, short: bool = False) -> str:
    """The name on tab ``key`` (without counts): the meeting's own label (its first five
    letters when ``short``), else the usual word or its short form ("Indstilling", "Ind")."""
    own = meeting.sections.labels.get(key, "").strip() if meeting.sections else ""
    if own:
        return own[:5] if short else own
    if short:
        return say_in(lang, f"item.tab_short.{key}")
    return say_in(lang, "item.remarks_note" if key == "remarks_note" else key)
