"""The screen that shows one meeting: the agenda on the left, the selected node's editor on the
right, a header line and a status line. ``MainScreen`` (main_screen.py) adds the keys.

The one place that applies edits to the meeting (``apply_edit``), keeps undo, marks the
meeting unsaved and refreshes what shows the changed objects; ``load`` shows another session.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from ...domain.cycle import plan_overrun
from ...domain.model import AgendaItem, Meeting
from ...storage.session import Session
from ...text import i18n
from ...text.words import say
from ..messages import EditRequested, TextPending
from ..textual_private import FirstLayout
from ..typeahead import when_mounted
from ..widgets.item_editor import ItemEditor
from ..widgets.nav import NavPanel, Node
from ..widgets.status import HeaderLine, StatusLine, status_keys
from .editor_panels import PANEL, EditorPanels

if TYPE_CHECKING:
    from ...domain.edits import Edit

#: Seconds the navigation cursor rests before the editor shows the node under it.
FOLLOW_DELAY = 0.06
#: Seconds after the first frame in which a layout at the first frame's size is skipped.
FIRST_FRAME_QUIET = 1.0


def make_form(kind: str, meeting: Meeting, item: AgendaItem | None = None) -> Widget:
    """The form of a node ("details", "participants", "next") or of an item's tab
    ("remarks", "attachments", "actions"), made when it is first shown."""
    # Imported when a form is first shown: the forms (Textual's DataTable, Select …) would add
    # 13 ms to start-up (docs/PERFORMANCE.md).
    from ..forms import (
        ActionsEditor,
        AttachmentsEditor,
        MeetingDetailsForm,
        NextMeetingForm,
        ParticipantsTable,
        RemarksEditor,
    )

    if item is not None:
        tab_form = {"remarks": RemarksEditor, "attachments": AttachmentsEditor}
        return tab_form.get(kind, ActionsEditor)(meeting, item)
    node_form = {"details": MeetingDetailsForm, "participants": ParticipantsTable}
    return node_form.get(kind, NextMeetingForm)(meeting)


class MeetingScreen(FirstLayout):
    """The meeting screen's view: a mixin for the one screen class, ``MainScreen(MeetingScreen,
    Screen[None])`` (a class of Textual's costs 0.3 ms to make at start-up)."""

    # Stylesheets: main_screen.tcss and widgets/nav.tcss, read by the app (ReferatApp.CSS_PATH).
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = "#nav"

    def __init__(self, session: Session, *, first: bool = False) -> None:
        """``first``: the app's first screen (its first resume follows its first frame)."""
        super().__init__()
        self._first = first
        self._resumed = False
        # The width class (-narrow / -wide) the first resize would add, added now: adding it
        # after the first layout restyles every widget on the screen once more.
        with contextlib.suppress(Exception):  # no app yet (a screen made outside one)
            width = self.app.size.width
            breakpoints = sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True)
            name = next((name for low, name in breakpoints if width >= low), None)
            if name is not None:
                self.add_class(name, update=False)
        self._use(session)

    def _use(self, session: Session) -> None:
        """Show ``session`` from now on (the widgets are made for it in ``compose``)."""
        self.session = session
        self.meeting = session.meeting
        self._preview_on = False
        self._preview_scheduled = False
        self._shown: Node | None = None
        self._follow_at = 0.0
        self._follow_armed = False
        self._overrun: int | None = plan_overrun(self.meeting)
        #: The widget whose edit is being applied (see ``refresh_forms``).
        self._edit_origin: object | None = None

    def load(self, session: Session) -> None:
        """Show ``session``'s meeting instead of this one: every panel is made again for it
        (in this screen's turn, as Textual recomposes), the agenda has the focus. The caller
        has saved or let go of the meeting shown."""
        self._use(session)
        self.call_next(self._recompose_for_session)

    async def _recompose_for_session(self) -> None:
        await self.recompose()
        self._start()

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield HeaderLine(id="header")
        yield NavPanel(self.meeting, self.open_node, id="nav")
        # The panels are cells of the screen's grid of their own (editor_panels.py).
        yield ItemEditor(
            self.meeting,
            read_only=self.session.read_only,
            id="node-item",
            classes=PANEL,
            width=self._editor_width(),
            make_form=make_form,
        )
        yield StatusLine(id="status")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # As the app's first screen, its first resume comes right after its first frame,
        # drawn with the styles every widget got when it was mounted a moment earlier:
        # styling all of them again (Textual's default) costs a pass over the whole screen.
        # (Textual calls Screen's own handler after this one.)
        if self._first and not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            self.skip_same_size_layouts(self.app.size, FIRST_FRAME_QUIET)

    def _editor_width(self) -> int | None:
        """The item editor's width at the app's size: the screen less the agenda's grid
        column (main_screen.tcss) and the editor's border. ``None`` before the app has a size."""
        width = self.app.size.width
        if not width:
            return None
        return width - (38 if self.has_class("-wide") else 27) - 2

    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        nav = self.nav
        nav.border_title = say("nav.title")
        self.show_node(nav.node)
        self.set_focus(nav)  # now: the first keys typed belong to the agenda
        self.refresh_state()

    @property
    def nav(self) -> NavPanel:
        return self.query_one(NavPanel)

    @property
    def item_editor(self) -> ItemEditor:
        return self.query_one(ItemEditor)

    @property
    def switcher(self) -> EditorPanels:
        """The editor panel: which of the item editor and the node forms is shown."""
        return EditorPanels(self)

    def refresh_state(self) -> None:
        """Header and status line from the session (dirty marker, file, last save)."""
        self.query_one(HeaderLine).show(self.session)
        self.query_one(StatusLine).show_file(self.session)
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """The keys of the screen and the focused widget in the status line."""
        nav_focused = self.focused is self.nav
        keys = status_keys(self, nav_focused=nav_focused, read_only=self.session.read_only)
        self.query_one(StatusLine).show_keys(keys)

    def on_descendant_focus(self) -> None:
        self.refresh_keys()

    # -- nodes --------------------------------------------------------------------------

    def show_node(self, node: Node, *, reload: bool = False) -> None:
        """Show ``node`` in the editor panel (what was typed so far is applied first);
        ``reload``: the model changed (undo, an agenda change): the item's fields and texts
        are read again even if it is shown already, and nothing is taken from them."""
        if not reload:
            self.flush_pending()
        self._shown = node
        editor = self.switcher
        if node.kind == "item":
            editor.current = "node-item"
            self.item_editor.show_item(node.index, reload=reload)
            editor.border_title = self.item_editor.header()
            self.schedule_preview()
            return
        container = self.node_container(node.kind)
        if not container.children:
            container.mount(make_form(node.kind, self.meeting))
        editor.current = f"node-{node.kind}"
        editor.border_title = say(f"node.{node.kind}")

    def node_container(self, kind: str) -> Widget:
        """The panel of the meeting details, participants or next meeting ("details" …),
        made the first time it is shown (fewer widgets on the first screen)."""
        panels = self.switcher
        found = panels.find(f"node-{kind}")
        if found is not None:
            return found
        container = Vertical(id=f"node-{kind}", classes="node-form")
        # The participants table has its own border (counts and roles in it): no second one.
        container.set_class(kind == "participants", "-bare")
        return panels.add(container, before=self.query_one(StatusLine))

    async def on_nav_panel_highlighted(self, message: NavPanel.Highlighted) -> None:
        """The editor follows the cursor: at once after a rest, else once it rests again
        (holding Down stays fast: one editor update when the key is let go)."""
        now = time.monotonic()
        rested = now >= self._follow_at
        self._follow_at = now + FOLLOW_DELAY
        if rested and not self._follow_armed:
            if self.nav.node != self._shown:
                self.show_node(self.nav.node)
                # Let the editor's widgets ask for their repaint before this screen draws
                # the agenda's: one frame for the whole move instead of two.
                await asyncio.sleep(0.002)
            return
        if not self._follow_armed:
            self._follow_armed = True
            self.set_timer(FOLLOW_DELAY, self._follow)

    def _follow(self) -> None:
        wait = self._follow_at - time.monotonic()
        if wait > 0.005:
            self.set_timer(wait, self._follow)
            return
        self._follow_armed = False
        if self.nav.node != self._shown:
            self.show_node(self.nav.node)

    def catch_up(self, then: Callable[[], None]) -> None:
        """Show the node under the agenda's cursor now if the editor has not followed yet,
        then call ``then`` (once a form made for it is mounted: keys typed meanwhile wait)."""
        node = self.nav.node
        if node != self._shown:
            self.show_node(node)
        if node.kind == "item":
            then()
            return
        container = self.node_container(node.kind)
        when_mounted(container.children[0] if container.children else container, then)

    def open_node(self, node: Node) -> None:
        """Show ``node`` and put the focus in it (Enter in the agenda)."""
        self.show_node(node)
        if node.kind == "item":
            self.item_editor.open_section()
        else:
            container = self.node_container(node.kind)
            form = container.children[0] if container.children else container
            # Now, or (a form made just now) once it is mounted: keys typed after Enter wait.
            when_mounted(form, lambda: self._focus_first(container))

    def _focus_first(self, container: Widget) -> None:
        for widget in container.query("*"):
            if widget.focusable:
                self.set_focus(widget)
                return

    # -- applying edits -----------------------------------------------------------------

    def flush_pending(self) -> None:
        """Apply everything the screen shows that the meeting does not have yet: text typed
        in any section (the debounce has not applied it yet) and in any field of the item or
        of a form. A save, an export, a recovery copy and the quit check call this first:
        what is on the screen is the truth."""
        editor = self.item_editor
        for edit in editor.take_pending():
            self.apply_edit(edit, record=False)
        if self.session.read_only:
            return
        if self.switcher.current == "node-item":
            editor.flush_fields()
        for form in self._mounted_forms():
            flush = getattr(form, "flush", None)
            if flush is not None:
                flush()

    def emergency_flush(self) -> bool:
        """Copy the text of the item's section areas into the meeting, touching no widget (a
        signal may come before the editor has noted a change). True if any text differed."""
        return self.item_editor.copy_texts_to_item()

    def apply_edit(self, edit: Edit, *, record: bool = True) -> bool:
        if self.session.read_only:
            self.notify(say("read_only.refused"), severity="warning")
            return False
        self.session.apply(edit, record=record)
        self.after_edit(edit, text_only=not record)
        return True

    def after_edit(
        self, edit: Edit | None, *, text_only: bool = False, reload: bool = False
    ) -> None:
        self.query_one(HeaderLine).show(self.session)
        if not text_only:
            self.nav.refresh()
            if self.switcher.current == "node-item":
                self.item_editor.refresh_fields(reload=reload)
                self.switcher.border_title = self.item_editor.header()
            self.refresh_forms(edit, reload=reload)
            self._notice_overrun()
        self.schedule_preview()

    def _notice_overrun(self) -> None:
        """Say once when an edit makes the agenda run past the meeting's end."""
        over = plan_overrun(self.meeting)
        if over and not self._overrun and self.meeting.end is not None:
            end = i18n.format_time(self.meeting.end, self.meeting.lang)
            self.notify(say("overrun.notice", minutes=over, end=end), severity="warning")
        self._overrun = over

    def refresh_forms(self, edit: Edit | None = None, *, reload: bool = False) -> None:
        """Let every mounted form re-read the model. A form keeps what the user is typing in
        it when the edit came from that form; after undo / redo (``reload``) or an edit from
        elsewhere (a dialog, a key of the screen) every field shows the model again."""
        origin = self._edit_origin
        for form in self._mounted_forms():
            own = isinstance(origin, Widget) and (origin is form or form in origin.ancestors)
            again = reload or not own
            refresh = getattr(form, "reload_from_model" if again else "refresh_from_model", None)
            if refresh is None:
                refresh = getattr(form, "refresh_from_model", None)
            if refresh is not None:
                refresh()

    def _mounted_forms(self) -> list[Widget]:
        """The forms shown or made so far; one still being mounted reads the model (and has
        nothing typed) when it is."""
        forms = [c.children[0] for c in self.query(".node-form") if c.children]
        shown = self.item_editor.item
        # An item's forms on their way out (another item shown, or the item undone away)
        # have nothing to show: only the shown item's.
        forms += [f for f in self.item_editor.query(".item-form") if f.item is shown]
        return [form for form in forms if form.is_mounted]

    def after_structure(self, select: object | None = None, *, reload: bool = False) -> None:
        """Re-read the agenda after items were added, removed, moved or undone.

        ``select``: the item to show (else the one shown stays, if it is still there);
        ``reload``: every field, the focused one too, shows the model again (undo / redo)."""
        from ...domain import agenda  # with the edit classes, not at start-up (PERFORMANCE.md)

        nav = self.nav
        nav.rebuild(post=False)
        target = select if select is not None else self.item_editor.item
        index = agenda.index_of(self.meeting.items, target) if target is not None else -1
        if index >= 0 and (nav.node.kind == "item" or select is not None):
            nav.select(Node("item", index))
        self.show_node(nav.node, reload=True)  # numbers, texts and fields read again
        self.after_edit(None, reload=reload)

    def request_edit(self, edit: Edit, origin: object | None = None) -> None:
        """Apply ``edit`` now (recorded for undo); ``origin``, the widget that asked, keeps
        what the user is typing in it. Every widget's edits come here (``request_edit``)."""
        from ...domain.edits import Insert, Move, Remove  # loaded already: ``edit`` is one

        self._edit_origin = origin
        try:
            self.apply_edit(edit)
        finally:
            self._edit_origin = None
        structural = isinstance(edit, Insert | Remove | Move)
        if structural and edit.owner is self.meeting and edit.attr == "items":
            self.after_structure()

    def on_edit_requested(self, message: EditRequested) -> None:
        message.stop()
        self.request_edit(message.edit)

    def on_text_pending(self, message: TextPending) -> None:
        if not self.session.dirty and not self.session.read_only:
            self.session.mark_dirty()
            self.query_one(HeaderLine).show(self.session)

    # -- preview ------------------------------------------------------------------------

    def schedule_preview(self, delay: float = 0.3) -> None:
        if self._preview_on and not self._preview_scheduled:
            self._preview_scheduled = True
            if delay > 0:
                self.set_timer(delay, self._update_preview)
            else:
                self.call_after_refresh(self._update_preview)

    def _update_preview(self) -> None:
        from ..widgets.preview import ItemPreview  # start-up: 32 ms (docs/PERFORMANCE.md)

        self._preview_scheduled = False
        editor = self.item_editor
        if not self._preview_on or editor.item is None:
            return
        self.flush_pending()
        for preview in editor.query(ItemPreview):
            preview.show(self.meeting, editor.index)
