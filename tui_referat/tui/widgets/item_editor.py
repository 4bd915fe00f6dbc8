"""The agenda item editor: fields, the sections as tabs, the attachments line.

Fields: title, kind and the standing flag; planned time, duration and presenters; for a closed
item its public title. Tabs: the text sections, the note shown after the remarks, and the
remarks, attachments and actions.

One editor is reused for every item (``show_item``); text areas and the remarks, attachments
and actions forms are created the first time their tab is shown. Typing costs what a bare
TextArea costs: the text reaches the model in a debounced flush, never per key press.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, TextArea

from ...domain.model import AgendaItem, Kind, Meeting
from ...text import i18n
from ...text.when import MAX_DURATION, parse_duration, parse_time
from ...text.words import get_lang, say, say_in
from ..typeahead import when_mounted
from .field_input import FieldInput
from .field_row import FieldRow
from .focus_ring import RING_BINDINGS, FocusRing, focus_into
from .item_edits import FLUSH_DELAY, ItemEdits
from .item_tabs import FORM_TABS, NOTE_TABS, TABS, TEXT_KEYS, first_tab, meeting_tabs, tab_name
from .item_widgets import (
    SectionArea,
    StandingToggle,
    attachments_line,
    item_text,
    late_remarks,
    time_placeholder,
)
from .kind_select import KindSelect
from .section_tabs import SectionTabs

#: Makes the form of an item's tab: (tab, meeting, item) -> widget.
MakeForm = Callable[[str, Meeting, AgendaItem], Widget]

#: The editor's parts live in item_widgets and item_edits (times and durations: text.when);
#: they are imported from here too.
__all__ = [
    "FLUSH_DELAY",
    "FORM_TABS",
    "MAX_DURATION",
    "NOTE_TABS",
    "TABS",
    "TEXT_KEYS",
    "ItemEditor",
    "SectionArea",
    "StandingToggle",
    "item_text",
    "parse_duration",
    "parse_time",
    "time_placeholder",
]


class ItemEditor(ItemEdits, FocusRing, Vertical):
    """Edits one agenda item at a time. Tab and Shift+Tab go round its fields (``FocusRing``)."""

    BINDINGS: ClassVar[list[BindingType]] = RING_BINDINGS
    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-editor--attachments"}

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text("utf-8")
    #: The stylesheet names its ancestors (the screen's width class), so it is not scoped.
    SCOPED_CSS = False

    def __init__(
        self,
        meeting: Meeting,
        *,
        read_only: bool = False,
        id: str | None = None,
        classes: str = "",
        width: int | None = None,
        make_form: MakeForm | None = None,
    ):
        """``width``: the width the editor will get, if known; the tab titles are chosen for
        it now (choosing them after the first layout styles every widget once more).
        ``make_form(tab, meeting, item)``: the form of a tab in ``FORM_TABS`` (the screen
        knows the forms; without it those tabs stay empty)."""
        super().__init__(id=id, classes=classes)
        self.make_form = make_form
        self.meeting = meeting
        self.read_only = read_only
        self.item: AgendaItem | None = None
        self.index = -1
        self._pending: set[str] = set()
        #: Tabs the user opened that the meeting would not show (``open_section``).
        self._wanted: set[str] = set()
        #: The tabs shown, in order (``item_tabs.meeting_tabs``).
        self.tab_keys = meeting_tabs(meeting)
        #: Short tab titles ("Ref.", "Bem. 9") when the long ones do not fit the width.
        self._short_tabs = False
        if width is not None and meeting.items:
            self._short_tabs = self._wants_short_tabs(width, meeting.items[0])
            # Not mounted yet: no styles to update (they are made at the mount).
            self.set_class(self._short_tabs, "-short-tabs", update=False)
        self._last_change = 0.0
        self._timer_armed = False
        #: The attachments line shown (``attachments_line``).
        self._attachments = ""

    def compose(self) -> ComposeResult:
        # The labels are drawn by their rows (field_row.py): a widget each would cost
        # start-up time (docs/PERFORMANCE.md).
        lang = get_lang()
        options = [(f"{kind.value} {i18n.kind_label(kind, lang)}", kind.value) for kind in Kind]
        yield FieldRow(
            say("item.title"),
            FieldInput(id="item-title", disabled=self.read_only),
            KindSelect(options, id="item-kind", prompt="–", disabled=self.read_only),
            classes="item-row",
        )
        # The public title's row comes with the first closed item (``public_title_field``).
        standing = StandingToggle("", id="item-standing", disabled=self.read_only)
        standing.tooltip = say("item.standing.tip")
        yield FieldRow(
            say("item.time"),
            FieldInput(id="item-time", disabled=self.read_only, placeholder=time_placeholder(lang)),
            FieldInput(
                id="item-duration",
                disabled=self.read_only,
                placeholder="–",
                restrict=r"\d{0,4}",
                tooltip=say("item.duration.tip"),
            ),
            say("item.duration_unit"),
            say_in(lang, "presenter_prefix").strip(),
            FieldInput(id="item-presenters", disabled=self.read_only),
            standing,
            classes="item-row",
        )
        # The preview's box (F2) comes with the first preview (``preview_box``).
        first = first_tab(self.tab_keys)
        yield SectionTabs(
            {key: self._tab_title(key) for key in self.tab_keys},
            first,
            # With the text of the item shown first (a second document build saved).
            SectionArea(first, self.read_only, self._first_text(first)),
            compact=self._short_tabs,
            id="item-tabs",
            on_activated=self._tab_activated,
        )
        # The attachments line is drawn by the editor itself on its last row (``render``).

    # -- showing an item ----------------------------------------------------------------

    def _first_text(self, key: str) -> str:
        """The text ``key`` of the item shown first (the first item), for the first area."""
        return item_text(self.meeting.items[0], key) if self.meeting.items else ""

    def _tab_title(self, key: str, item: AgendaItem | None = None) -> str:
        """The title of tab ``key`` for ``item`` (default: the item shown)."""
        item = item or self.item
        title = tab_name(self.meeting, key, get_lang(), short=self._short_tabs)
        if key == "remarks" and item is not None and item.remarks:
            title += f" {len(item.remarks)}"
            late = self.late_remarks(item)
            if late:
                title += f" !{late}"  # written remarks received after the deadline
        if key == "actions" and item is not None and item.actions:
            title += f" {len(item.actions)}"
        return title

    def _wants_short_tabs(self, width: int, item: AgendaItem | None = None) -> bool:
        """Whether the long tab titles of ``item`` would not all show at ``width``."""
        saved, self._short_tabs = self._short_tabs, False
        needed = sum(len(self._tab_title(key, item)) + 2 for key in self.tab_keys)  # pads
        self._short_tabs = saved
        return needed > width

    def late_remarks(self, item: AgendaItem | None = None) -> int:
        """How many written remarks on the item came after the deadline (``late_remarks``)."""
        item = item or self.item
        return 0 if item is None else late_remarks(self.meeting, item)

    def header(self) -> str:
        """ "Pkt. 5 · Title (D)"."""
        if self.item is None:
            return ""
        kind = f" ({self.item.kind.value})" if self.item.kind else ""
        prefix = say_in(get_lang(), "item_short")
        return f"{prefix} {self.index + 1} · {self.item.title}{kind}"

    def show_item(self, index: int, reload: bool = False) -> None:
        """Show the item at ``index`` (flush pending text first: ``take_pending``).

        Another item, or ``reload`` (after undo, redo or an agenda change): every field and
        text is read again, the focused one too. The forms of the same item stay (the main
        screen reloads them), so the focus stays where it was.
        """
        item = self.meeting.items[index]
        same = item is self.item
        first = self.item is None
        self.item, self.index = item, index
        self.refresh_fields(reload=reload or not same)
        if same and not reload:
            return
        for area in self.query(SectionArea):
            text = item_text(item, area.key)
            if (not same and not (first and area.text == text)) or area.text != text:
                with self.prevent(TextArea.Changed):
                    area.show_text(text)
        if same:
            return
        tabs = self.tabs
        for key in FORM_TABS:
            pane = tabs.find_pane(key)
            if pane is not None and pane.children:
                pane.remove_children()
        if tabs.active in FORM_TABS:
            self._ensure_tab(tabs.active)

    def public_title_field(self, *, create: bool = False) -> Input | None:
        """The closed item's public title (what exports call it instead); its row is made
        with the first closed item shown (``create``), and shown for closed items only (the
        class -closed). Not made at start-up: 3 widgets less to style (docs/PERFORMANCE.md)."""
        found = self.query("#item-public-title")
        if found or not create:
            return found.first(Input) if found else None
        field = FieldInput(
            id="item-public-title", disabled=self.read_only, tooltip=say("item.public_title.tip")
        )
        row = FieldRow(say("item.public_title"), field, classes="item-row", id="item-public-row")
        self.mount(row, after=self.query_one(".item-row"))
        return field

    def preview_box(self) -> Widget:
        """The box the preview (F2) is shown in, made with the first preview."""
        found = self.query("#item-preview-box")
        if found:
            return found.first()
        box = Vertical(id="item-preview-box")
        self.mount(box, before=self.tabs)
        return box

    def refresh_fields(self, reload: bool = False) -> None:
        """Re-read the fields, tab counts and attachments line (after an edit or undo).

        A focused field keeps what the user is typing, and a field marked invalid the text to
        mend, unless ``reload``: after an undo, redo or a change of item every field shows the
        model again (never a stale value that the next key press would write into another
        object).
        """
        item = self.item
        if item is None:
            return
        lang = get_lang()  # times as the rest of the editor shows them
        with self.prevent(Input.Changed):
            self._set_input("#item-title", item.title, reload)
            self.set_class(item.closed, "-closed")
            public = self.public_title_field(create=item.closed)
            if public is not None:
                self._set_field(public, item.public_title, reload)
                public.placeholder = say_in(self.meeting.lang, "closed_item")
            planned = item.time
            time_text = i18n.format_time(planned, lang) if planned else ""
            self._set_input("#item-time", time_text, reload)
            computed = self.meeting.planned_times()[self.index] if not planned else None
            self.query_one("#item-time", Input).placeholder = (
                i18n.format_time(computed, lang) if computed else time_placeholder(lang)
            )
            self._set_input("#item-presenters", ", ".join(item.presenters), reload)
            duration = "" if item.duration is None else str(item.duration)
            self._set_input("#item-duration", duration, reload)
            self.query_one(StandingToggle).set_value(item.standing)
            self.query_one("#item-kind", KindSelect).value = item.kind.value if item.kind else ""
        self.sync_tabs()  # and the counts in the remarks and actions titles
        line = self.attachments_line()
        if line != self._attachments:
            self._attachments = line
            width, height = self.size
            self.refresh(Region(0, max(height - 1, 0), width, 1))

    @property
    def tabs(self) -> SectionTabs:
        return self.query_one(SectionTabs)

    def tab_title(self, key: str) -> str:
        """The title tab ``key`` shows now ("Bem 2 !1")."""
        return self.tabs.title(key)

    def _update_tab_titles(self) -> None:
        titles = {key: self._tab_title(key) for key in self.tab_keys}
        self.tabs.set_titles(titles, compact=self._short_tabs)

    def sync_tabs(self) -> None:
        """Show the tabs the meeting needs now, with their titles (an item became a decision
        item, the meeting's sections changed, the user opened a hidden tab)."""
        keys = meeting_tabs(self.meeting, self._wanted)
        changed, self.tab_keys = keys != self.tab_keys, keys
        if changed and self.size.width:
            self._short_tabs = self._wants_short_tabs(self.size.width)
            self.set_class(self._short_tabs, "-short-tabs")
        self._update_tab_titles()
        if self.tabs.active not in keys:
            self.tabs.active = first_tab(keys)

    @property
    def first_tab(self) -> str:
        """The tab an item opens at: the minutes, else the first of the meeting's sections."""
        return first_tab(self.tab_keys)

    def on_resize(self) -> None:
        """Short tab titles when the long ones would not all show at this width."""
        saved, self._short_tabs = self._short_tabs, self._wants_short_tabs(self.size.width)
        if self._short_tabs != saved:
            self.set_class(self._short_tabs, "-short-tabs")
            self._update_tab_titles()  # short titles, one space between them

    def _set_input(self, selector: str, value: str, reload: bool = False) -> None:
        self._set_field(self.query_one(selector, Input), value, reload)

    def _set_field(self, widget: Input, value: str, reload: bool = False) -> None:
        keep = widget.has_focus or widget.has_class("-invalid")  # typing, or text to mend
        if widget.value != value and (reload or not keep):
            widget.value = value
            widget.remove_class("-invalid")
            if not widget.has_focus:
                widget.cursor_position = 0  # an unfocused field shows the start of its text

    def render(self) -> Text:
        """The attachments line on the editor's last row, which the tabs leave free
        (item_editor.tcss): as a widget of its own it would cost start-up time."""
        width, height = self.size
        line = self._attachments
        if cell_len(line) > width:
            line = set_cell_size(line, max(width - 1, 0)) + "…"
        text = Text("\n" * max(height - 1, 0), no_wrap=True, overflow="crop", end="")
        text.append(line, self.get_component_rich_style("item-editor--attachments"))
        return text

    def attachments_line(self) -> str:
        """ "Bilag 5.1 Title · 5.2 Title" (empty when the item has none)."""
        if self.item is None:
            return ""
        return attachments_line(self.meeting, self.index, get_lang())

    def refresh_forms(self) -> None:
        for widget in self.query(".item-form"):
            refresh = getattr(widget, "refresh_from_model", None)
            if refresh is not None:
                refresh()

    # -- tabs ---------------------------------------------------------------------------

    def _ensure_tab(self, key: str) -> Widget | None:
        """Create the tab's content the first time it is shown for this item."""
        if self.item is None:
            return None
        pane = self.tabs.pane(key)
        if pane.children:
            return pane.children[0]
        if key in FORM_TABS:
            if self.make_form is None:
                return None
            widget = self.make_form(key, self.meeting, self.item)
            widget.add_class("item-form")
        else:
            widget = SectionArea(key, self.read_only, item_text(self.item, key))
        pane.mount(widget)
        return widget

    def _tab_activated(self, key: str, enter: bool) -> None:
        widget = self._ensure_tab(key)
        if enter and widget is not None:
            self._focus_content(widget)

    def open_section(self, key: str | None = None) -> None:
        """Show the tab ``key`` (default: the first, ``first_tab``) and put the cursor in it.
        A tab the meeting does not show yet is added to the tabs."""
        if key is None:
            key = self.first_tab
        elif key not in self.tab_keys and key in TABS:
            self._wanted.add(key)
            self.sync_tabs()
        self.tabs.active = key
        widget = self._ensure_tab(key)
        if widget is not None:
            self._focus_content(widget)

    def _focus_content(self, widget: Widget) -> None:
        if isinstance(widget, TextArea):
            # In this turn, not after a round trip: keys typed meanwhile reach the text; a
            # text area made just now is laid out first (End goes to the end of a shown line).
            self.screen.set_focus(widget)
            when_mounted(widget, lambda: None, laid_out=True)
        else:
            # A form made just now: the keys typed meanwhile wait until it has the focus.
            when_mounted(widget, lambda: focus_into(widget))

    def cycle_section(self, delta: int) -> None:
        keys = self.tab_keys
        key = self.tabs.active
        index = keys.index(key) if key in keys else 0
        self.open_section(keys[(index + delta) % len(keys)])

    @property
    def active_area(self) -> SectionArea | None:
        key = self.tabs.active
        if key in TEXT_KEYS:
            areas = [a for a in self.query(SectionArea) if a.key == key]
            return areas[0] if areas else None
        return None
