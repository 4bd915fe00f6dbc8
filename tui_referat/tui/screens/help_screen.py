"""F1: the editor's own keys, grouped (where the focus is first), in the UI language.

Groups: everywhere, the agenda, the item editor, the preview (F2), the participants table,
the lists (remarks, attachments, actions, case header), and a short note on the keys every
text field knows.
Textual's generic widget keys (cursor moves, select, copy …) are not listed one by one.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from ...text.words import say
from ..forms.actions import ActionList
from ..forms.attachments import AttachmentList
from ..forms.entries import EntryList
from ..forms.meeting_details import HeaderList
from ..forms.participants import ParticipantsTable
from ..forms.remarks import RemarkList
from ..keys import bindings_by_id, declared_bindings, describe, key_label, keymap_of
from ..widgets.item_editor import ItemEditor
from ..widgets.kind_select import KindSelect
from ..widgets.nav import NavPanel
from ..widgets.preview import ItemPreview
from ..widgets.section_tabs import TabStrip
from .main_screen import MainScreen

#: (keys, description, tooltip)
Row = tuple[str, str, str]

#: Ids of the main screen's keys that belong to the item editor's group.
ITEM_IDS = ("section.next", "section.prev", "standing")
#: Cursor moves of the agenda: one row says them all.
NAV_MOVES = ("nav.up", "nav.down", "nav.first", "nav.last", "nav.page_up", "nav.page_down")
#: What every text field knows (not one row per Textual binding).
TEXT_ROWS = (
    ("Tab / Shift+Tab", "help.text.fields"),
    ("^Z / ^Y", "help.text.undo"),
    ("^C / ^X / ^V", "help.text.clipboard"),
    ("^← / ^→", "help.text.words"),
    ("Enter", "help.text.enter"),
)


def _key_text(keys: list[str]) -> str:
    shown: list[str] = []
    for key in keys:
        label = key_label(key)
        if label not in shown:
            shown.append(label)
    return "/".join(shown)


def binding_rows(bindings: BindingsMap, skip: tuple[str, ...] = ()) -> list[Row]:
    """One row per binding id (every key of it), in the order they were declared."""
    rows: list[Row] = []
    for binding, keys in bindings_by_id(bindings, skip):
        tooltip = describe(binding.tooltip) if binding.tooltip else ""
        rows.append((_key_text(keys), describe(binding.description), tooltip))
    return rows


def _rows(node: DOMNode | type[DOMNode], origin: DOMNode, skip: tuple[str, ...] = ()) -> list[Row]:
    """The rows of a node's (or a widget class's) keys, with the app's keymap applied."""
    cls = node if isinstance(node, type) else type(node)
    return binding_rows(declared_bindings(cls, keymap_of(origin)), skip)


def _unique(rows: list[Row]) -> list[Row]:
    seen: set[tuple[str, str]] = set()
    result = []
    for row in rows:
        if row[:2] not in seen:
            seen.add(row[:2])
            result.append(row)
    return result


def _current_group(screen: Screen) -> str:
    focused = screen.focused
    if focused is None:
        return "everywhere"
    chain = [focused, *focused.ancestors]
    if any(isinstance(node, NavPanel) for node in chain):
        return "agenda"
    if isinstance(focused, ParticipantsTable):
        return "participants"
    if isinstance(focused, EntryList | HeaderList):
        return "lists"
    if isinstance(focused, ItemPreview):
        return "preview"
    if any(isinstance(node, ItemEditor) for node in chain):
        return "item"
    return "everywhere"


def help_sections(screen: Screen) -> list[tuple[str, list[Row]]]:
    """(heading, rows) per group of keys; the group where the focus is comes first."""
    everywhere = _rows(screen.app, screen, skip=("help_quit",))
    if not isinstance(screen, MainScreen):
        here = _rows(screen, screen)
        focused = screen.focused
        for node in [focused, *focused.ancestors] if focused is not None else []:
            if node is screen:
                break
            here += _rows(node, screen)
        sections = [("here", _unique(here)), ("everywhere", everywhere)]
    else:
        main = _rows(screen, screen, skip=ITEM_IDS)
        item = [row for row in _rows(screen, screen) if row not in main]
        item += _rows(TabStrip, screen)
        item += _rows(KindSelect, screen)
        nav = [(" ".join(("↑", "↓", "Home", "End", "PgUp", "PgDn")), say("help.nav_moves"), "")]
        nav += _rows(NavPanel, screen, skip=NAV_MOVES)
        lists: list[Row] = []
        for cls in (RemarkList, AttachmentList, ActionList, HeaderList):
            lists += _rows(cls, screen)
        sections = [
            ("everywhere", _unique(main + everywhere)),
            ("agenda", nav),
            ("item", _unique(item)),
            ("preview", _rows(ItemPreview, screen)),
            ("participants", _rows(ParticipantsTable, screen)),
            ("lists", _unique(lists)),
        ]
        current = _current_group(screen)
        sections.sort(key=lambda section: section[0] != current)
    sections.append(("text", [(keys, say(key), "") for keys, key in TEXT_ROWS]))
    return [(say(f"help.group.{name}"), rows) for name, rows in sections if rows]


def help_rows(screen: Screen) -> list[Row]:
    """Every row of ``help_sections``, in order (for tests and the palette)."""
    return [row for _, rows in help_sections(screen) for row in rows]


class HelpScreen(ModalScreen[None]):
    """The keys for the screen and focus it was opened from. F1 or Escape closes it."""

    CSS_PATH = "help_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "close", id="help.close")
    ]

    def __init__(self, origin: Screen) -> None:
        super().__init__()
        self.sections = help_sections(origin)

    def compose(self) -> ComposeResult:
        parts: list[RenderableType] = []
        key_width = max((len(keys) for _, rows in self.sections for keys, _, _ in rows), default=4)
        for number, (heading, rows) in enumerate(self.sections):
            if number:
                parts.append(Text(""))
            parts.append(Text(f" {heading} ", style="bold reverse"))
            table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
            table.add_column(no_wrap=True, style="bold", width=min(key_width, 24))
            table.add_column(ratio=1)
            for keys, description, tooltip in rows:
                text = f"{description} — {tooltip}" if tooltip else description
                table.add_row(Text(keys), Text(text))
            parts.append(table)
        with Vertical(id="help-box"):
            yield Label(say("help.title"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(Group(*parts), id="help-table")
            yield Label(say("help.close_hint"), id="help-hint")
