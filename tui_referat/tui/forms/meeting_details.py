"""The meeting details form: title, date, times, place, roles, language, status, deadline,
and the case header fields (an ordered list edited through a small dialog)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...domain.edits import Insert, Move, Remove, SetField
from ...domain.model import (
    HEADER_KEYS,
    LANGUAGES,
    PARTICIPANTS_LAYOUTS,
    CaseField,
    Meeting,
    Status,
)
from ...text import form_values as values
from ...text import i18n
from ...text.words import get_lang, say
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form_dialogs import FieldsDialog, FieldSpec
from ..messages import request_edit
from ..textual_private import translate_bindings
from ..widgets.focus_ring import RING_BINDINGS, FocusRing
from ._common import (
    Form,
    date_problem,
    list_bindings,
    load_css,
    time_problem,
)

#: A date-only deadline means the end of that day.
END_OF_DAY = dt.time(23, 59)
_CUSTOM = "__custom__"


class HeaderList(OptionList):
    """The case header fields in order; one-key add, edit, delete and move."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("details.header")

    def __init__(self, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self.meeting = meeting
        self._target: CaseField | None = None

    def refresh_from_model(self) -> None:
        header = self.meeting.header
        keep = self._target
        if keep is None and self.highlighted is not None and self.highlighted < len(header):
            keep = header[self.highlighted]
        self.clear_options()
        lang = get_lang()
        if not header:
            self.add_option(Option(say("forms.header.empty"), disabled=True))
            return
        for case_field in header:
            label = i18n.header_label(case_field.key, case_field.label, lang)
            self.add_option(Option(f"{label}: {case_field.value}"))
        row = 0
        for index, case_field in enumerate(header):
            if case_field is keep:
                row = index
        self.highlighted = row
        self._target = None

    def _current(self) -> int | None:
        index = self.highlighted
        if index is None or not self.meeting.header or index >= len(self.meeting.header):
            return None
        return index

    def _dialog(self, case_field: CaseField | None) -> FieldsDialog:
        lang = get_lang()
        known = [(i18n.header_label(key, "", lang), key) for key in HEADER_KEYS]
        key = _CUSTOM
        label = ""
        if case_field is not None:
            key = case_field.key if case_field.key in HEADER_KEYS else _CUSTOM
            label = case_field.label or ("" if key != _CUSTOM else case_field.key)
        elif HEADER_KEYS:
            used = {f.key for f in self.meeting.header}
            key = next((k for k in HEADER_KEYS if k not in used), _CUSTOM)

        def validate(given: dict[str, Any]) -> tuple[str, str] | None:
            if given["key"] == _CUSTOM and not given["label"]:
                return "label", say("forms.required", field=say("forms.header.label"))
            return None

        return FieldsDialog(
            say("forms.header.edit"),
            [
                FieldSpec(
                    "key",
                    say("forms.header.key"),
                    key,
                    [*known, (say("forms.header.custom"), _CUSTOM)],
                ),
                FieldSpec(
                    "value", say("forms.header.value"), case_field.value if case_field else ""
                ),
                FieldSpec("label", say("forms.header.label"), label),
            ],
            validate,
            # A new field is the next one the header lacks: straight to its value.
            focus="value" if case_field is None and key != _CUSTOM else None,
        )

    @staticmethod
    def _field_from(given: dict[str, Any]) -> tuple[str, str, str]:
        """(key, label, value) for the model from the dialog's values."""
        if given["key"] == _CUSTOM:
            label = given["label"]
            slug = "".join(ch if ch.isalnum() else "_" for ch in label.lower()).strip("_")
            return slug or "field", label, given["value"]
        return given["key"], given["label"], given["value"]

    def action_add(self) -> None:
        def added(given: dict[str, Any] | None) -> None:
            if given is None:
                return
            key, label, value = self._field_from(given)
            new = CaseField(key=key, value=value, label=label)
            self._target = new
            index = len(self.meeting.header)
            request_edit(self, Insert(self.meeting, "header", index, new))

        self.app.push_screen(self._dialog(None), added)

    def action_edit(self) -> None:
        index = self._current()
        if index is None:
            return
        case_field = self.meeting.header[index]

        def edited(given: dict[str, Any] | None) -> None:
            if given is None:
                return
            key, label, value = self._field_from(given)
            if given["key"] == _CUSTOM and case_field.key not in HEADER_KEYS:
                key = case_field.key  # keep a custom field's own key: only its label changed
            for name, new in (("key", key), ("label", label), ("value", value)):
                if getattr(case_field, name) != new:
                    request_edit(self, SetField(case_field, name, new))

        self.app.push_screen(self._dialog(case_field), edited)

    def action_open(self) -> None:
        self.action_edit()

    def action_duplicate(self) -> None:
        """A copy of the case field after it (a second case number, say), then its dialog."""
        index = self._current()
        if index is None:
            return
        twin = copy.deepcopy(self.meeting.header[index])
        self._target = twin
        request_edit(self, Insert(self.meeting, "header", index + 1, twin))
        self.action_edit()  # now: the keys typed after "d" go into its dialog

    def action_delete(self) -> None:
        index = self._current()
        if index is None:
            return
        case_field = self.meeting.header[index]
        what = i18n.header_label(case_field.key, case_field.label, get_lang())

        def confirmed(yes: bool | None) -> None:
            if yes:
                request_edit(self, Remove(self.meeting, "header", index))

        self.app.push_screen(ConfirmDialog(say("forms.confirm_delete", what=what)), confirmed)

    def action_move(self, step: int) -> None:
        index = self._current()
        if index is None or not 0 <= index + step < len(self.meeting.header):
            return
        self._target = self.meeting.header[index]
        request_edit(self, Move(self.meeting, "header", index, index + step))


class MeetingDetailsForm(FocusRing, Form):
    """Title, date, times, place, chair, secretary, language, status, deadline, header.

    Tab and Shift+Tab go round its fields (``widgets/focus_ring.py``)."""

    DEFAULT_CSS = load_css(__file__)
    BINDINGS: ClassVar[list[BindingType]] = RING_BINDINGS
    LIVE = frozenset({"title", "location"})

    def compose(self) -> ComposeResult:
        def row(label: str, *widgets: Any, classes: str = "row") -> Horizontal:
            return Horizontal(Label(label, classes="label"), *widgets, classes=classes)

        # The fields show the meeting from the start: the focus can reach the first one
        # before ``on_mount`` (keys typed ahead), and a focused field is not filled later.
        text = self.field_texts()

        def field(input_id: str, classes: str = "") -> Input:
            return Input(text[input_id], id=input_id, compact=True, classes=classes)

        yield Static(say("forms.details"), classes="form-heading")
        yield row(say("forms.title"), field("title"))
        yield row(say("date"), field("date", "date"))
        yield row(
            say("forms.start"),
            field("start", "time"),
            Label(say("forms.end"), classes="inline-label"),
            field("end", "time"),
        )
        yield row(say("location"), field("location"))
        # what happened, typed at the meeting: after the plan (title to place)
        yield row(
            say("forms.started"),
            field("started", "time"),
            Label(say("forms.ended"), classes="inline-label"),
            field("ended", "time"),
        )
        yield row(say("chair"), Select([], id="chair", compact=True, prompt=say("forms.none")))
        yield row(
            say("secretary"), Select([], id="secretary", compact=True, prompt=say("forms.none"))
        )
        layouts = [(say(f"forms.layout.{name}"), name) for name in PARTICIPANTS_LAYOUTS]
        yield row(
            say("forms.layout"),
            Select(layouts, id="participants_layout", compact=True, allow_blank=False),
        )
        languages = [(say(f"forms.lang.{code}"), code) for code in LANGUAGES]
        yield row(
            say("forms.language"), Select(languages, id="lang", compact=True, allow_blank=False)
        )
        statuses = [(i18n.status_label(s, get_lang()), s) for s in Status]
        yield row(
            say("forms.status"), Select(statuses, id="status", compact=True, allow_blank=False)
        )
        yield row(say("approved_on"), field("approved", "date"))
        yield row(
            say("forms.deadline"),
            field("deadline_date", "date"),
            Label(say("forms.deadline_time"), classes="inline-label"),
            field("deadline_time", "time"),
        )
        order = field("handled_order")
        order.tooltip = say("forms.handled_order.tip")
        order.placeholder = "1, 2, 3, 6, 7, 4, 5"
        yield row(say("forms.handled_order"), order)
        yield Static("", classes="form-error")
        yield Static(say("forms.header"), classes="form-subheading")
        yield HeaderList(self.meeting, id="header")

    def __init__(self, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(meeting, **kwargs)
        self._role_options: dict[str, list[str]] = {}

    def on_mount(self) -> None:
        self.refresh_from_model()

    def field_texts(self) -> dict[str, str]:
        """Each text field's text for the meeting as it is."""
        m = self.meeting
        lang = get_lang()
        deadline = m.remarks_deadline
        return {
            "title": m.title,
            "date": values.field_date(m.date, lang),
            "start": values.format_time(m.start, lang),
            "end": values.format_time(m.end, lang),
            "started": values.format_time(m.started, lang),
            "ended": values.format_time(m.ended, lang),
            "location": m.location,
            "approved": values.field_date(m.approved, lang),
            "deadline_date": values.field_date(deadline and deadline.date(), lang),
            "deadline_time": values.format_time(deadline and deadline.time(), lang),
            "handled_order": ", ".join(str(n) for n in m.handled_order),
        }

    def refresh_from_model(self) -> None:
        m = self.meeting
        for input_id, text in self.field_texts().items():
            self.show_input(input_id, text)
        names = [p.name for p in m.participants if p.name]
        for role in ("chair", "secretary"):
            select = self.query_one(f"#{role}", Select)
            current = getattr(m, role)
            options = [*names] + ([current] if current and current not in names else [])
            if options != self._role_options.get(role):
                self._role_options[role] = options
                select.set_options([(name, name) for name in options])
            wanted = current if current else Select.NULL
            if select.value != wanted:
                select.value = wanted
        self.query_one("#lang", Select).value = m.lang if m.lang in LANGUAGES else "da"
        self.query_one("#status", Select).value = m.status
        layout = m.participants_layout if m.participants_layout in PARTICIPANTS_LAYOUTS else "list"
        self.query_one("#participants_layout", Select).value = layout
        self.query_one(HeaderList).refresh_from_model()

    # -- commits ------------------------------------------------------------------------

    def commit(self, input_id: str, text: str) -> str | None:
        m = self.meeting
        if input_id in ("title", "location"):
            self.set_field(m, input_id, text.strip() if input_id == "location" else text)
        elif input_id in ("date", "approved"):
            try:
                self.set_field(m, input_id, values.typed_date(text))
            except ValueError:
                return date_problem(text)
        elif input_id in ("start", "end", "started", "ended"):
            try:
                self.set_field(m, input_id, values.parse_time(text))
            except ValueError:
                return time_problem(text)
        elif input_id in ("deadline_date", "deadline_time"):
            return self._commit_deadline()
        elif input_id == "handled_order":
            order = values.item_numbers(text)
            if order is None:
                return say("forms.bad_order")
            self.set_field(m, "handled_order", order)
        return None

    def _commit_deadline(self) -> str | None:
        date_text = self.query_one("#deadline_date", Input).value
        time_text = self.query_one("#deadline_time", Input).value
        try:
            day = values.typed_date(date_text)
        except ValueError:
            return date_problem(date_text)
        try:
            moment = values.parse_time(time_text)
        except ValueError:
            return time_problem(time_text)
        if day is None and moment is not None:
            return say("forms.deadline_needs_date")
        deadline = None if day is None else dt.datetime.combine(day, moment or END_OF_DAY)
        self.set_field(self.meeting, "remarks_deadline", deadline)
        for input_id in ("deadline_date", "deadline_time"):
            self.query_one(f"#{input_id}", Input).remove_class("error")
        return None

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        select = event.select
        value = select.value
        if select.id in ("chair", "secretary"):
            self.set_field(self.meeting, select.id, "" if value is Select.NULL else str(value))
        elif select.id == "lang" and value in LANGUAGES:
            self.set_field(self.meeting, "lang", value)
        elif select.id == "status" and isinstance(value, Status):
            self.set_field(self.meeting, "status", value)
        elif select.id == "participants_layout" and value in PARTICIPANTS_LAYOUTS:
            self.set_field(self.meeting, "participants_layout", value)
