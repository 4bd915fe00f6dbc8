"""No closed item's text reaches a public export, in any format; with closed items asked for,
all of it does.

The closed item is built by walking the model's own fields: every text field of the item and
of its remarks, attachments and actions (title, sections, remarks with author and topic, the
remarks note, attachment title and path, action text and owner, presenters) holds a marker of
its own, between random Markdown-ish text. A text field added to the model later gets a
marker too, so the test keeps covering it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import re
import typing
from email.policy import default as default_policy
from itertools import count
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.domain.model import (
    AgendaItem,
    Kind,
    Meeting,
    Participant,
    RemarkSource,
)
from tui_referat.export import FORMATS, render

from .docx_read import shown_text

#: Fields that are not the item's content: the closed flag and the public title are what the
#: public exports show in its place.
NOT_CONTENT = {"origin", "closed", "public_title"}
#: The texts of a closed item that must stay out of a public export (at least these).
EVERY_TEXT = {
    "item.title",
    *(f"item.{key}" for key in ("recommendation", "minutes", "problem", "solution")),
    "item.next_steps",
    "item.presenters",
    "item.remarks.text",
    "item.remarks.author",
    "item.remarks.topic",
    "item.remarks_note",
    "item.attachments.title",
    "item.attachments.path",
    "item.actions.text",
    "item.actions.owner",
}
#: Text around the markers: Markdown's own characters, no HTML (which removes what it holds).
AROUND = st.text(
    alphabet=st.sampled_from(list("abcæøå XYZ019.,:-*_#>`[]()\n")),
    max_size=12,
)


def _marker(serial: typing.Iterator[int], path: str, markers: dict[str, str]) -> str:
    name = f"qzx{next(serial)}q"
    markers[name] = path
    return name


def _fill(
    cls: type,
    data: st.DataObject,
    markers: dict[str, str],
    serial: typing.Iterator[int],
    path: str,
) -> Any:
    """An instance of the model class ``cls`` with a marker in every text field."""
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name in NOT_CONTENT:
            continue
        hint, where = hints[field.name], f"{path}.{field.name}"
        if hint is str:
            mark = _marker(serial, where, markers)
            if field.name == "path":  # an attachment's link, shown in every format
                values[field.name] = f"https://example.org/{mark}.pdf"
            else:
                # not "[ mark ]:x": a link reference definition, which Markdown shows nowhere
                after = data.draw(AROUND.filter(lambda text: "]:" not in text))
                values[field.name] = f"{data.draw(AROUND)} {mark} {after}".strip()
        elif typing.get_origin(hint) is list:
            (inner,) = typing.get_args(hint)
            size = data.draw(st.integers(1, 3))
            if inner is str:
                values[field.name] = [
                    f"Navn {_marker(serial, f'{where}[{k}]', markers)}" for k in range(size)
                ]
            elif dataclasses.is_dataclass(inner):
                values[field.name] = [
                    _fill(inner, data, markers, serial, f"{where}[{k}]") for k in range(size)
                ]
    return cls(**values)


def _closed_item(data: st.DataObject, markers: dict[str, str]) -> AgendaItem:
    item = _fill(AgendaItem, data, markers, count(), "item")
    item.closed = True
    item.kind = data.draw(st.none() | st.sampled_from(Kind))
    item.time = data.draw(st.none() | st.just(dt.time(13, 50)))
    for index, remark in enumerate(item.remarks):
        remark.source = data.draw(st.sampled_from(RemarkSource))
        if remark.source is RemarkSource.PROTOCOL and index == 0:
            remark.source = RemarkSource.MEETING  # keeps a topic in the export to look for
        if remark.source is RemarkSource.PROTOCOL:  # shown under the decision, without topic
            for mark in [
                m for m, path in markers.items() if path.startswith(f"item.remarks[{index}].topic")
            ]:
                del markers[mark]
            remark.topic = []
        if remark.source is RemarkSource.WRITTEN:
            remark.received = dt.date(2025, 9, 20)
    for action in item.actions:
        action.done = data.draw(st.booleans())
        action.due = data.draw(st.none() | st.just(dt.date(2025, 10, 1)))
    return item


def _meeting(data: st.DataObject, markers: dict[str, str]) -> Meeting:
    closed = _closed_item(data, markers)
    public = data.draw(st.sampled_from(["", "Personaleforhold"]))
    closed.public_title = public
    before = data.draw(st.integers(0, 2))
    after = data.draw(st.integers(0, 2))
    items = [
        AgendaItem(f"Åbent punkt {n}", minutes="Drøftet.", presenters=["Bo Berg"])
        for n in range(before + after)
    ]
    items.insert(before, closed)
    return Meeting(
        title="Styregruppen",
        lang=data.draw(st.sampled_from(["da", "en"])),
        date=dt.date(2025, 9, 16),
        start=dt.time(13, 0),
        participants=[Participant("Bo Berg", email="bo@example.org")],
        items=items,
    )


def _visible_text(data: bytes, fmt: str) -> str:
    """What a reader of the export can see: for an .eml its headers and its parts decoded
    (quoted-printable, base64), attachment names too."""
    if fmt == "docx":
        return shown_text(data)
    if fmt != "eml":
        return data.decode("utf-8")
    message = email.message_from_bytes(data, policy=default_policy)
    shown = [str(value) for value in message.values()]
    for part in message.walk():
        if part.is_multipart():
            continue
        shown.append(part.get_filename() or "")
        content = part.get_content()
        shown.append(content if isinstance(content, str) else content.decode("latin-1"))
    return "\n".join(shown)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_closed_text_in_a_public_export_and_all_of_it_in_a_confidential_one(
    data: st.DataObject,
) -> None:
    markers: dict[str, str] = {}
    meeting = _meeting(data, markers)
    assert {re.sub(r"\[\d+\]", "", path) for path in markers.values()} >= EVERY_TEXT
    for fmt in FORMATS:
        public = _visible_text(render(meeting, fmt), fmt)
        leaked = {path for name, path in markers.items() if name in public}
        assert not leaked, f"{fmt}: a public export shows {sorted(leaked)}"
        label = "Lukket punkt" if meeting.lang == "da" else "Closed item"
        closed = next(item for item in meeting.items if item.closed)
        assert (closed.public_title or label) in public
        confidential = _visible_text(render(meeting, fmt, include_closed=True), fmt)
        missing = {path for name, path in markers.items() if name not in confidential}
        assert not missing, f"{fmt}: --include-closed leaves out {sorted(missing)}"
        assert ("Fortroligt" if meeting.lang == "da" else "Confidential") in confidential
