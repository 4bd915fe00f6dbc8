"""The fields of the "Sections…" dialog: the meeting's own item sections (``[sections]``).

One field for the order (section keys or their names, comma-separated; empty: the default
order) and one per section for its own label (empty: the usual word). ``layout_from`` turns
the answer into the ``SectionLayout`` to set (None: no ``[sections]``), keeping what the user
did not change as it was written.
"""

from __future__ import annotations

from typing import Any

from ...domain.model import DEFAULT_ORDER, LAYOUT_KEYS, Meeting, SectionLayout
from ...text.words import LANGUAGES, say, say_in
from .form_dialogs import FieldSpec


def _key_of(name: str) -> str | None:
    """The layout key ``name`` means: a key (``next_steps``), or a label or a short tab name
    in either language ("Sagsfremstilling", "Sag")."""
    wanted = " ".join(name.split()).casefold()
    for key in LAYOUT_KEYS:
        names = {key, key.replace("_", " ")}
        for lang in LANGUAGES:
            names |= {say_in(lang, key), say_in(lang, f"item.tab_short.{key}")}
        if wanted in {n.casefold() for n in names}:
            return key
    return None


def _order_text(meeting: Meeting) -> str:
    layout = meeting.sections
    return ", ".join(layout.order) if layout is not None else ""


def section_fields(meeting: Meeting) -> list[FieldSpec]:
    labels = meeting.sections.labels if meeting.sections is not None else {}
    lang = meeting.lang if meeting.lang in LANGUAGES else "en"
    fields = [
        FieldSpec(
            "order",
            say("sections.order"),
            _order_text(meeting),
            placeholder=say("sections.order_hint"),
        )
    ]
    fields += [
        FieldSpec(key, say_in(lang, key), labels.get(key, ""), placeholder=say_in(lang, key))
        for key in DEFAULT_ORDER
    ]
    return fields


def validate_sections(given: dict[str, Any]) -> tuple[str, str] | None:
    for name in str(given["order"]).split(","):
        if name.strip() and _key_of(name) is None:
            return "order", say("sections.bad", name=name.strip())
    return None


def layout_from(meeting: Meeting, given: dict[str, Any]) -> SectionLayout | None:
    """The layout the dialog's answer asks for (the old one's table and unchanged parts
    kept); None when it asks for nothing."""
    old = meeting.sections
    text = str(given["order"])
    if old is not None and text == _order_text(meeting):
        order = list(old.order)  # unchanged: as written, unknown names too
    else:
        order = list(dict.fromkeys(k for n in text.split(",") if (k := _key_of(n.strip()))))
    labels = {key: value for key, value in (old.labels if old else {}).items() if key not in given}
    labels.update({key: str(given[key]).strip() for key in DEFAULT_ORDER if given[key].strip()})
    if not order and not labels:
        return None
    if old is not None and old.order == order and old.labels == labels:
        return old
    return SectionLayout(order=order, labels=labels, origin=old.origin if old else None)
