"""The command palette (ctrl+p): every action of the editor with its key, and the places it
has no key for (participants, remarks, attachments, actions, meeting details, next meeting).

Texts are Danish or English like the rest of the editor (also the palette's own search field
and its "no matches" line); one "change theme" entry cycles the editor's own themes. Every
entry is found by its Danish and its English name whatever the UI language ("gem" finds Save,
"export" finds Eksport): it is shown in the UI language, with the other name after it when
only that one matched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode

from ..domain.edits import SetField
from ..domain.model import Vote
from ..text import form_values as values
from ..text.words import WORDS, get_lang, say, say_in
from .dialogs.form_dialogs import FieldsDialog, FieldSpec
from .dialogs.sections_dialog import layout_from, section_fields, validate_sections
from .forms._common import date_problem, focus_first, time_problem
from .forms.meeting_details import END_OF_DAY, HeaderList
from .keys import bindings_by_id, declared_bindings, describe, keymap_of
from .screens.main_screen import MainScreen
from .textual_private import no_matches_text_palette
from .widgets.item_editor import FORM_TABS, TABS
from .widgets.nav import DETAILS, NEXT, PARTICIPANTS, NavPanel, Node

Command = tuple[str, str, Callable[[], object]]

#: The languages every entry is found in, in the order of ``PaletteEntry.names``.
LANGS = ("da", "en")


@dataclass(frozen=True)
class PaletteEntry:
    """One command: its name in Danish and English, its key ("" when it has none)."""

    names: tuple[str, ...]
    key: str
    help: str
    callback: Callable[[], object]

    def label(self, name: str) -> str:
        """ "Gem  (^S)": a name with the key."""
        return f"{name}  ({self.key})" if self.key else name

    @property
    def name(self) -> str:
        """The name in the UI language."""
        return self.names[LANGS.index(get_lang())] if get_lang() in LANGS else self.names[-1]

    @property
    def title(self) -> str:
        """What the palette shows: the name in the UI language, with the key."""
        return self.label(self.name)


def entry(
    name: Callable[[str], str],
    help_text: str,
    callback: Callable[[], object],
    key: str = "",
) -> PaletteEntry:
    """The entry named ``name(lang)`` in each language."""
    return PaletteEntry(tuple(name(lang) for lang in LANGS), key, help_text, callback)


class ReferatPalette(no_matches_text_palette()):  # type: ignore[misc]
    """Textual's command palette with the search field and "no matches" in the UI language."""

    def __init__(self) -> None:
        super().__init__(placeholder=say("palette.placeholder"), id="--command-palette")

    def no_matches_text(self) -> str:
        return say("palette.no_matches")


def _flat(node: DOMNode) -> list[Binding]:
    """A node's bindings (keymap applied), one per id, keys joined as in the keymap."""
    bindings = declared_bindings(type(node), keymap_of(node))
    return [
        Binding(",".join(keys), b.action, b.description, tooltip=b.tooltip, id=b.id)
        for b, keys in bindings_by_id(bindings)
    ]


#: Plain cursor moves: not worth a palette entry.
_NAV_MOVES = {
    "nav.undo",
    "nav.up",
    "nav.down",
    "nav.first",
    "nav.last",
    "nav.page_up",
    "nav.page_down",
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def palette_commands(screen: DOMNode) -> Iterator[Command]:
    """(title, help, callback) for every action reachable from ``screen``."""
    for found in palette_entries(screen):
        yield found.title, found.help, found.callback


def _binding_name(binding: Binding, in_nav: bool, lang: str) -> str:
    if f"palette.{binding.id}" in WORDS:
        return say_in(lang, f"palette.{binding.id}")
    title = describe(binding.description, lang)
    return f"{say_in(lang, 'nav.title')}: {_lower_first(title)}" if in_nav else title


def palette_entries(screen: DOMNode) -> Iterator[PaletteEntry]:
    """Every action reachable from ``screen``, with its names in both languages."""
    app = screen.app
    nodes: list[DOMNode] = [app, screen]
    if isinstance(screen, MainScreen):
        nodes.append(screen.query_one(NavPanel))
    seen: set[str] = set()
    for node in nodes:
        for binding in _flat(node):
            if binding.id in seen or binding.id == "palette" or binding.id in _NAV_MOVES:
                continue
            seen.add(binding.id)
            key = app.get_key_display(binding)
            help_text = describe(binding.tooltip) if binding.tooltip else ""
            name = partial(_binding_name, binding, isinstance(node, NavPanel))
            yield entry(name, help_text, partial(node.run_action, binding.action), key)
    if isinstance(screen, MainScreen):
        yield from place_commands(screen)
    themes = list(getattr(app, "own_themes", []))
    if len(themes) > 1:
        name = partial(_string, "palette.theme_cycle", name=app.theme)
        yield entry(name, "", partial(cycle_theme, app))


def _string(key: str, lang: str, **fields: object) -> str:
    return say_in(lang, key, **fields)


def cycle_theme(app: object) -> None:
    """The next of the editor's own themes (``themes/tui`` and the user's theme folder)."""
    themes = list(getattr(app, "own_themes", []))
    current = getattr(app, "theme", "")
    index = themes.index(current) + 1 if current in themes else 0
    app.theme = themes[index % len(themes)]  # type: ignore[attr-defined]
    app.notify(say("palette.theme", name=app.theme), timeout=3)  # type: ignore[attr-defined]


# -- places without a key of their own -------------------------------------------------------


def _tab_title(key: str, lang: str) -> str:
    title = say_in(lang, "item.remarks_note") if key == "remarks_note" else say_in(lang, key)
    return say_in(lang, "palette.tab", tab=title)


def place_commands(screen: MainScreen) -> Iterator[PaletteEntry]:
    """Go to (and act in) the meeting details, participants, an item's tabs, next meeting."""
    for string, kind, then in (
        ("palette.details", "details", None),
        ("palette.header_add", "details", "header_add"),
        ("palette.participants", "participants", None),
        ("palette.participant_add", "participants", "add"),
        ("palette.presence_now", "participants", "presence_now"),
        ("palette.next", "next", None),
    ):
        yield entry(partial(_string, string), "", partial(open_form, screen, kind, then))
    for key in TABS:
        yield entry(partial(_tab_title, key), "", partial(open_tab, screen, key))
    for key, string in (
        ("remarks", "palette.remark_add"),
        ("attachments", "palette.attachment_add"),
        ("actions", "palette.action_add"),
    ):
        yield entry(partial(_string, string), "", partial(open_tab, screen, key, add=True))
    yield entry(partial(_string, "palette.vote"), "", partial(edit_vote, screen))
    yield entry(partial(_string, "palette.sections"), "", partial(edit_sections, screen))
    yield entry(partial(_string, "palette.item_remarks"), "", partial(edit_item_remarks, screen))


def edit_sections(screen: MainScreen) -> None:
    """The meeting's own item sections ([sections]): order and labels in a dialog, set as
    one undoable edit; the item editor's tabs follow."""
    meeting = screen.meeting

    def chosen(given: dict[str, str] | None) -> None:
        if given is None:
            return
        layout = layout_from(meeting, given)
        if layout is meeting.sections:
            return
        screen.request_edit(SetField(meeting, "sections", layout, say("sections.label")))
        screen.item_editor.sync_tabs()

    dialog = FieldsDialog(say("sections.title"), section_fields(meeting), validate_sections)
    screen.app.push_screen(dialog, chosen)


def open_form(screen: MainScreen, kind: str, then: str | None = None) -> None:
    """Show the meeting details, participants or next meeting, with the focus in it."""
    node = {"details": DETAILS, "participants": PARTICIPANTS, "next": NEXT}[kind]
    screen.nav.select(node)
    screen.show_node(node)
    container = screen.node_container(kind)

    def focus_and_act() -> None:
        if not container.children:
            return
        form = container.children[0]
        if then == "header_add":
            header = form.query_one(HeaderList)
            header.focus()
            header.action_add()
            return
        if not focus_first(form) and form.focusable:
            form.focus()
        if then == "add":
            form.action_add()  # type: ignore[attr-defined]
        elif then == "presence_now":
            form.action_presence_now()  # type: ignore[attr-defined]

    screen.call_after_refresh(focus_and_act)


def open_tab(screen: MainScreen, key: str, add: bool = False) -> None:
    """Show a tab of the selected item (or the item shown); ``add``: a new entry in it."""
    node = screen.nav.node
    if node.kind != "item":
        shown = screen.item_editor.index if screen.item_editor.item is not None else -1
        if not 0 <= shown < len(screen.meeting.items):
            screen.notify(say("nav.no_item"), severity="warning")
            return
        node = Node("item", shown)
        screen.nav.select(node)
    screen.show_node(node)
    editor = screen.item_editor
    editor.open_section(key)
    if add and key in FORM_TABS:

        def add_entry() -> None:
            pane = editor.query_one(f"#tab-{key}")
            if pane.children:
                pane.children[0].add_entry()  # type: ignore[attr-defined]

        screen.call_after_refresh(add_entry)


def _shown_item(screen: MainScreen) -> int | None:
    """The index of the selected item (or the item shown); None, with a warning, if none."""
    node = screen.nav.node
    if node.kind == "item":
        return node.index
    shown = screen.item_editor.index if screen.item_editor.item is not None else -1
    if not 0 <= shown < len(screen.meeting.items):
        screen.notify(say("nav.no_item"), severity="warning")
        return None
    return shown


_VOTE_KEYS = ("for", "against", "abstain")


def _name_list(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def edit_vote(screen: MainScreen) -> None:
    """The vote of the selected item: three counts and, optionally, who voted each way
    (names separated by commas), in one dialog; all empty: no vote. Set as one undoable edit.
    A count left empty beside names is the number of names."""
    index = _shown_item(screen)
    if index is None:
        return
    item = screen.meeting.items[index]
    old = item.vote
    fields = [
        FieldSpec(
            key,
            say(f"vote.{key}"),
            str(getattr(old, "for_" if key == "for" else key)) if old is not None else "",
            placeholder=say("vote.none") if key == "for" else "",
        )
        for key in _VOTE_KEYS
    ] + [
        FieldSpec(
            f"{key}_names",
            say(f"vote.{key}_names"),
            ", ".join(getattr(old, f"{key}_names")) if old is not None else "",
            placeholder=say("vote.names_hint"),
        )
        for key in _VOTE_KEYS
    ]

    def validate(given: dict[str, str]) -> tuple[str, str] | None:
        for key in _VOTE_KEYS:
            count = given[key].strip()
            if count and not (count.isascii() and count.isdigit()):
                return key, say("vote.bad")
            names = _name_list(given[f"{key}_names"])
            if any(mark in name for name in names for mark in "()"):
                return f"{key}_names", say("vote.bad_name")
            if count and len(names) > int(count):
                return f"{key}_names", say("vote.too_many", count=int(count))
        return None

    def chosen(given: dict[str, str] | None) -> None:
        if given is None:
            return
        names = [_name_list(given[f"{key}_names"]) for key in _VOTE_KEYS]
        counts = [
            int(given[key].strip()) if given[key].strip() else len(names[n])
            for n, key in enumerate(_VOTE_KEYS)
        ]
        vote = None
        if any(given[key].strip() for key in _VOTE_KEYS) or any(names):
            vote = Vote(*counts, *names)
            if old is not None:
                vote.origin = old.origin
        if vote == old:
            return
        screen.request_edit(SetField(item, "vote", vote, say("vote.label")))

    number = screen.meeting.item_number(index)
    screen.app.push_screen(FieldsDialog(say("vote.title", number=number), fields, validate), chosen)


def edit_item_remarks(screen: MainScreen) -> None:
    """The selected item's remarks intro and its own deadline for written remarks (date and
    time), in a dialog; each changed value is one undoable edit."""
    index = _shown_item(screen)
    if index is None:
        return
    item = screen.meeting.items[index]
    lang = get_lang()
    old = item.remarks_deadline
    fields = [
        FieldSpec("intro", say("item.remarks_intro"), item.remarks_intro),
        FieldSpec("date", say("forms.deadline"), values.field_date(old and old.date(), lang)),
        FieldSpec("time", say("forms.deadline_time"), values.format_time(old and old.time(), lang)),
    ]

    def deadline_of(given: dict[str, str]) -> dt.datetime | None:
        day, moment = values.typed_date(given["date"]), values.parse_time(given["time"])
        return None if day is None else dt.datetime.combine(day, moment or END_OF_DAY)

    def validate(given: dict[str, str]) -> tuple[str, str] | None:
        try:
            values.typed_date(given["date"])
        except ValueError:
            return "date", date_problem(given["date"])
        try:
            moment = values.parse_time(given["time"])
        except ValueError:
            return "time", time_problem(given["time"])
        if moment is not None and not given["date"].strip():
            return "date", say("forms.deadline_needs_date")
        return None

    def chosen(given: dict[str, str] | None) -> None:
        if given is None:
            return
        if given["intro"] != item.remarks_intro:
            label = say("item.remarks_intro")
            screen.request_edit(SetField(item, "remarks_intro", given["intro"], label))
        deadline = deadline_of(given)
        if deadline != item.remarks_deadline:
            label = say("forms.deadline")
            screen.request_edit(SetField(item, "remarks_deadline", deadline, label))

    number = screen.meeting.item_number(index)
    title = say("item_remarks.title", number=number)
    screen.app.push_screen(FieldsDialog(title, fields, validate), chosen)


class ReferatCommands(Provider):
    """Lists every bound action with its key; runs it on the screen it belongs to."""

    async def discover(self) -> Hits:
        for found in palette_entries(self.screen):
            yield DiscoveryHit(found.title, found.callback, help=found.help)

    async def search(self, query: str) -> Hits:
        """Hits on the name in either language (with the key); shown in the UI language."""
        matcher = self.matcher(query)
        for found in palette_entries(self.screen):
            title = found.title
            own = matcher.match(title)
            other, name = max((matcher.match(found.label(name)), name) for name in found.names)
            if max(own, other) <= 0:
                continue
            if own >= other:
                shown = matcher.highlight(title)
            else:  # found by its name in the other language: show that name too
                shown = Content(f"{title}  · ") + matcher.highlight(name)
            score = max(own, other)
            yield Hit(score, shown, found.callback, text=title, help=found.help)
