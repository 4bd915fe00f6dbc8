"""The participants table: one row per participant, one-key actions while it has focus."""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Paste, Resize
from textual.widgets import DataTable

from ...domain.edits import Batch, Edit, Insert, Move, Remove, SetField
from ...domain.model import Attendance, Meeting, Participant, Presence
from ...text import i18n
from ...text.presence import format_event
from ...text.words import get_lang, say, say_count, say_in
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.form_dialogs import FieldsDialog, FieldSpec
from ..messages import request_edit
from ..textual_private import translate_bindings
from ..widgets.focus_ring import STAY_BINDINGS, FocusRing
from ._common import list_bindings, load_css
from .presence import now_to_the_minute, parse_presence_text, presence_text

#: The order Space / f steps through.
ATTENDANCE_CYCLE: tuple[Attendance, ...] = (
    Attendance.PRESENT,
    Attendance.ONLINE,
    Attendance.APOLOGIES,
    Attendance.ABSENT,
    Attendance.PARTIAL,
)

CHAIR_MARK = "★"
SECRETARY_MARK = "✎"


def short_attendance(attendance: Attendance, lang: str) -> str:
    """The attendance as the table shows it: "til stede", "on-line", "afbud" …"""
    return say(f"forms.attendance.{attendance.value}")


def attendance_summary(meeting: Meeting) -> str:
    """ "16 deltagere · 10 til stede · 5 on-line · 1 afbud" (parts that are 0 left out, but
    the number present and the apologies)."""
    counts = meeting.attendance_counts()
    present = counts[Attendance.PRESENT] + counts[Attendance.PARTIAL]
    parts = [say_count("forms.count.total", len(meeting.participants))]
    parts.append(say("forms.count.present", n=present))
    if counts[Attendance.ONLINE]:
        parts.append(say("forms.count.online", n=counts[Attendance.ONLINE]))
    parts.append(say("forms.count.apologies", n=counts[Attendance.APOLOGIES]))
    if counts[Attendance.ABSENT]:
        parts.append(say("forms.count.absent", n=counts[Attendance.ABSENT]))
    return " · ".join(parts)


def next_attendance(attendance: Attendance) -> Attendance:
    return ATTENDANCE_CYCLE[(ATTENDANCE_CYCLE.index(attendance) + 1) % len(ATTENDANCE_CYCLE)]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class ParticipantsTable(FocusRing, DataTable, inherit_bindings=True):
    """Navn · Titel · Organisation · Fremmøde, with add/edit/delete/attendance/roles/move.

    The panel is this one widget: Tab stays in it (``widgets/focus_ring.py``), Esc goes to the
    agenda."""

    DEFAULT_CSS = load_css(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        *list_bindings("participants")[:5],
        Binding(
            "space,f",
            "cycle_attendance",
            "forms.cycle_attendance",
            key_display="␣",
            id="participants.attendance",
        ),
        Binding("c", "make_chair", "forms.make_chair", id="participants.chair"),
        Binding("s", "make_secretary", "forms.make_secretary", id="participants.secretary"),
        Binding(
            "t",
            "presence_now",
            "forms.presence_now",
            tooltip="forms.presence_now_tip",
            id="participants.presence_now",
        ),
        *list_bindings("participants")[5:],
        # A DataTable's Home / End scroll sideways; in this list of rows they go to the
        # first / last participant, as in every other list (PgUp / PgDn move it already).
        Binding("home", "scroll_top", "nav.first", show=False),
        Binding("end", "scroll_bottom", "nav.last", show=False),
        *STAY_BINDINGS,
    ]

    def __init__(self, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        translate_bindings(self)
        self.meeting = meeting
        self._widths: tuple[int, ...] = ()
        self._cursor_target: Participant | None = None

    # -- model -> table -----------------------------------------------------------------

    def on_mount(self) -> None:
        self.refresh_from_model()

    def on_resize(self, event: Resize) -> None:
        if self._column_widths() != self._widths:
            self.refresh_from_model()

    def _column_widths(self) -> tuple[int, int, int, int]:
        """Name takes the free width; title and organisation what they need, up to a
        quarter each; attendance its short label."""
        # Three cells with one space of padding either side, and room for a scrollbar.
        room = max(28, (self.size.width or 80) - 6 - 1)
        people = self.meeting.participants
        lang = get_lang()
        labels = (say("forms.p_title"), say("forms.organisation"), say("forms.attendance_short"))

        def need(values: list[str], label: str, cap: int) -> int:
            return min(max([len(label), *(len(v) for v in values)]), cap)

        shown = [short_attendance(p.attendance, lang) + (" *" if p.note else "") for p in people]
        attendance = need(shown, labels[2], 12)
        organisation = need([p.organisation for p in people], labels[1], room // 4)
        # Narrow: no title column (it is in the edit dialog); names get the room.
        title = need([p.title for p in people], labels[0], room // 4) if room >= 56 else 0
        if title:
            room -= 3  # the title column's own padding
        name = max(10, room - title - organisation - attendance)
        return name, title, organisation, attendance

    def refresh_from_model(self) -> None:
        """Rebuild the rows from the meeting; the cursor stays on the same participant."""
        people = self.meeting.participants
        keep = self._cursor_target
        if keep is None and self.row_count and 0 <= self.cursor_row < len(people):
            keep = people[self.cursor_row]
        old_row = self.cursor_row
        widths = self._column_widths()
        if widths != self._widths or not self.columns:
            self.clear(columns=True)
            labels = (say("forms.name"), say("forms.p_title"), say("forms.organisation"))
            for label, width in zip((*labels, say("forms.attendance_short")), widths, strict=True):
                if width:
                    self.add_column(label, width=width)
            self._widths = widths
        else:
            self.clear()
        lang = get_lang()
        for person in people:
            name = person.name
            if person.name and person.name == self.meeting.chair:
                name = f"{CHAIR_MARK} {name}"
            if person.name and person.name == self.meeting.secretary:
                name = f"{SECRETARY_MARK} {name}"
            attendance = short_attendance(person.attendance, lang)
            if person.note:
                attendance += " *"
            cells = (name, person.title, person.organisation, attendance)
            self.add_row(*(Text(_cut(c, w)) for c, w in zip(cells, widths, strict=True) if w))
        self._cursor_target = None
        if people:
            row = old_row
            for index, person in enumerate(people):
                if person is keep:
                    row = index
            self.move_cursor(row=min(max(row, 0), len(people) - 1), animate=False)
        self._update_titles()

    def _update_titles(self) -> None:
        self.border_title = attendance_summary(self.meeting)
        none = say("forms.none")
        self.border_subtitle = say(
            "forms.roles",
            chair=f"{CHAIR_MARK} {self.meeting.chair}" if self.meeting.chair else none,
            secretary=f"{SECRETARY_MARK} {self.meeting.secretary}"
            if self.meeting.secretary
            else none,
        )

    # -- helpers ------------------------------------------------------------------------

    def _post(self, edit: Edit) -> None:
        request_edit(self, edit)

    def _current(self) -> Participant | None:
        people = self.meeting.participants
        if not people or not 0 <= self.cursor_row < len(people):
            return None
        return people[self.cursor_row]

    def _dialog(self, person: Participant | None) -> FieldsDialog:
        lang = get_lang()
        current = person or Participant(name="")
        others = {p.name for p in self.meeting.participants if p is not person}

        def validate(values: dict[str, Any]) -> tuple[str, str] | None:
            if not values["name"]:
                return "name", say("forms.required", field=say("forms.name"))
            if values["name"] in others:
                return "name", say("forms.duplicate_name", name=values["name"])
            try:
                parse_presence_text(values["presence"], [])
            except ValueError as problem:
                return "presence", say("forms.presence_problem", problem=str(problem))
            return None

        options = [(i18n.attendance_label(a, lang), a) for a in ATTENDANCE_CYCLE]
        return FieldsDialog(
            say("forms.participant"),
            [
                FieldSpec("name", say("forms.name"), current.name),
                FieldSpec("title", say("forms.p_title"), current.title),
                FieldSpec("organisation", say("forms.organisation"), current.organisation),
                FieldSpec("email", say("forms.email"), current.email),
                FieldSpec("attendance", say("forms.attendance"), current.attendance, options),
                FieldSpec("note", say("forms.note"), current.note),
                FieldSpec("role", say("forms.role"), current.role),
                FieldSpec("substitute_for", say("forms.substitute_for"), current.substitute_for),
                FieldSpec(
                    "presence",
                    say("forms.presence"),
                    presence_text(current.presence),
                    placeholder=say("forms.presence_hint"),
                ),
            ],
            validate,
        )

    # -- actions ------------------------------------------------------------------------

    def action_add(self) -> None:
        def added(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            values = {**values, "presence": parse_presence_text(values["presence"], [])}
            if not values["title"] and not values["organisation"]:
                # "Name, title, organisation" typed in the name, as a list of names reads.
                values = {**values, **split_person(values["name"])}
            self._add(Participant(**values))

        self.app.push_screen(self._dialog(None), added)

    def _add(self, person: Participant) -> None:
        self._cursor_target = person
        index = len(self.meeting.participants)
        self._post(Insert(self.meeting, "participants", index, person, say("forms.add")))

    def on_paste(self, event: Paste) -> None:
        """A list pasted on the table (from an email or a spreadsheet): one participant a
        line, "Name, title, organisation" or tab-separated columns."""
        event.stop()
        people = [split_person(line) for line in event.text.splitlines() if line.strip()]
        for fields in people:
            self._add(Participant(**fields))
        if people:
            self.notify(say_count("forms.participants_pasted", len(people)), timeout=3)

    def action_edit(self) -> None:
        person = self._current()
        if person is None:
            return

        def edited(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            old_name = person.name
            values = {
                **values,
                "presence": parse_presence_text(values["presence"], person.presence),
            }
            edits: list[Edit] = [
                SetField(person, name, value)
                for name, value in values.items()
                if getattr(person, name) != value
            ]
            if values["name"] != old_name:
                for role in ("chair", "secretary"):
                    if getattr(self.meeting, role) == old_name:
                        edits.append(SetField(self.meeting, role, values["name"]))
            if edits:  # the whole dialog is one edit: one undo
                self._post(Batch(tuple(edits), say("forms.edit")))

        self.app.push_screen(self._dialog(person), edited)

    def action_open(self) -> None:
        self.action_edit()

    def action_duplicate(self) -> None:
        """A copy of the participant after them (same title, organisation, attendance),
        then the edit dialog for the copy's name."""
        person = self._current()
        if person is None:
            return
        twin = copy.deepcopy(person)
        self._cursor_target = twin
        index = self.cursor_row + 1
        self._post(Insert(self.meeting, "participants", index, twin, say("forms.duplicate")))
        self.action_edit()  # now: the keys typed after "d" go into its dialog

    def action_delete(self) -> None:
        person = self._current()
        if person is None:
            return
        index = self.cursor_row

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            self._post(Remove(self.meeting, "participants", index, say("forms.delete")))
            for role in ("chair", "secretary"):
                if getattr(self.meeting, role) == person.name:
                    self._post(SetField(self.meeting, role, ""))

        self.app.push_screen(
            ConfirmDialog(say("forms.confirm_delete", what=person.name)), confirmed
        )

    def action_cycle_attendance(self) -> None:
        person = self._current()
        if person is not None:
            new = next_attendance(person.attendance)
            self._post(SetField(person, "attendance", new, say("forms.attendance")))

    def shown_item_number(self) -> int | None:
        """The number of the item the editor shows (the last one selected in the agenda)."""
        editor = getattr(self.screen, "item_editor", None)
        if editor is None or getattr(editor, "item", None) is None:
            return None
        index = int(editor.index)
        return index + 1 if 0 <= index < len(self.meeting.items) else None

    def action_presence_now(self) -> None:
        """Record that the selected participant arrived, left or returned now (to the minute)
        at the item last selected in the agenda: one undoable edit."""
        person = self._current()
        if person is None:
            return
        number = self.shown_item_number()
        if number is None:
            self.notify(say("nav.no_item"), severity="warning")
            return
        event = Presence(person.next_presence_event(), now_to_the_minute(), number)
        self._cursor_target = person
        where = len(person.presence)
        self._post(Insert(person, "presence", where, event, say("forms.presence_now")))
        phrase = format_event(get_lang(), (event.event, event.time, event.item))
        self.notify(f"{person.name}: {phrase}", timeout=4)

    def _toggle_role(self, role: str) -> None:
        person = self._current()
        if person is None:
            return
        value = "" if getattr(self.meeting, role) == person.name else person.name
        self._post(SetField(self.meeting, role, value, dl_role(role)))

    def action_make_chair(self) -> None:
        self._toggle_role("chair")

    def action_make_secretary(self) -> None:
        self._toggle_role("secretary")

    def action_move(self, step: int) -> None:
        person = self._current()
        index = self.cursor_row
        target = index + step
        if person is None or not 0 <= target < len(self.meeting.participants):
            return
        self._cursor_target = person
        self._post(Move(self.meeting, "participants", index, target, say("forms.move_up_tip")))


def split_person(text: str) -> dict[str, str]:
    """ "Anne Holm, kontorchef, Teknik og Miljø" (or tab-separated) -> name, title and
    organisation; what follows the second separator is all organisation."""
    separator = "\t" if "\t" in text else ","
    parts = [part.strip() for part in text.split(separator, 2)]
    parts += [""] * (3 - len(parts))
    return {"name": parts[0], "title": parts[1], "organisation": parts[2]}


def dl_role(role: str) -> str:
    return say_in(get_lang(), role)
