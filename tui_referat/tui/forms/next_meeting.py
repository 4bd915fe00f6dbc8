"""The next meeting form: date, start, end, place, and a text shown when there is no date."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from ...domain.edits import SetField
from ...domain.model import NextMeeting
from ...text import form_values as values
from ...text.words import get_lang, say
from ..widgets.focus_ring import RING_BINDINGS, FocusRing
from ._common import Form, date_problem, load_css, time_problem


class NextMeetingForm(FocusRing, Form):
    """Date, start, end and place of the next meeting (created on the first value typed).

    Tab and Shift+Tab go round its fields (``widgets/focus_ring.py``)."""

    DEFAULT_CSS = load_css(__file__)
    BINDINGS: ClassVar[list[BindingType]] = RING_BINDINGS
    LIVE = frozenset({"location", "text"})

    def compose(self) -> ComposeResult:
        # The fields show the meeting from the start: the focus can reach the first one
        # before ``on_mount`` (keys typed ahead), and a focused field is not filled later.
        texts = self.field_texts()
        yield Static(say("next_meeting"), classes="form-heading")
        yield Horizontal(
            Label(say("date"), classes="label"),
            Input(texts["date"], id="date", compact=True, classes="date"),
            classes="row",
        )
        yield Horizontal(
            Label(say("forms.start"), classes="label"),
            Input(texts["start"], id="start", compact=True, classes="time"),
            classes="row",
        )
        yield Horizontal(
            Label(say("forms.end"), classes="label"),
            Input(texts["end"], id="end", compact=True, classes="time"),
            classes="row",
        )
        yield Horizontal(
            Label(say("location"), classes="label"),
            Input(texts["location"], id="location", compact=True),
            classes="row",
        )
        yield Horizontal(  # "maj 2027, dato følger": shown in place of a date not yet known
            Label(say("forms.next_text"), classes="label"),
            Input(texts["text"], id="text", compact=True, tooltip=say("forms.next_text.tip")),
            classes="row",
        )
        yield Static("", classes="form-error")

    def on_mount(self) -> None:
        self.refresh_from_model()

    def field_texts(self) -> dict[str, str]:
        """Each field's text for the meeting as it is."""
        lang = get_lang()
        nxt = self.meeting.next_meeting or NextMeeting()
        return {
            "date": values.field_date(nxt.date, lang),
            "start": values.format_time(nxt.start, lang),
            "end": values.format_time(nxt.end, lang),
            "location": nxt.location,
            "text": nxt.text,
        }

    def refresh_from_model(self) -> None:
        for input_id, text in self.field_texts().items():
            self.show_input(input_id, text)

    def commit(self, input_id: str, text: str) -> str | None:
        value: Any
        try:
            if input_id == "date":
                value = values.typed_date(text)
            elif input_id in ("start", "end"):
                value = values.parse_time(text)
            else:
                value = text.strip()
        except ValueError:
            return date_problem(text) if input_id == "date" else time_problem(text)
        nxt = self.meeting.next_meeting
        if nxt is None:
            if value in (None, ""):
                return None
            self.post_edit(SetField(self.meeting, "next_meeting", NextMeeting(**{input_id: value})))
        else:
            self.set_field(nxt, input_id, value)
        return None
