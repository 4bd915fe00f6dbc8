"""The item editor's tabs: one line of titles over the active tab's pane.

Textual's ``TabbedContent`` builds some twenty widgets for nine tabs (a tab, a pane and an
underline each) and was the largest part of the editor's start-up. Here the titles are one
focusable line drawn as text, and a pane is created the first time its tab is shown.

Keys on the title line: ←/→ (and Home/End) change the tab, Enter or ↓ goes into it. The
active title is bold and reversed while the line has the focus, bold and underlined otherwise,
so it shows without colour (16 colours, NO_COLOR).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget


class TabStrip(Widget, can_focus=True):
    """The line of tab titles. Posts ``Chosen`` when the user picks a tab."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-strip--active", "tab-strip--more"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "tabs.prev", show=False, id="tabs.prev"),
        Binding("right", "move(1)", "tabs.next", show=False, id="tabs.next"),
        Binding("home", "move_to(0)", "tabs.first", show=False, id="tabs.first"),
        Binding("end", "move_to(-1)", "tabs.last", show=False, id="tabs.last"),
        Binding("enter,down", "enter", "tabs.enter", show=False, id="tabs.enter"),
    ]

    class Chosen(Message):
        """The user chose tab ``key`` (``enter``: and asked to go into it)."""

        def __init__(self, key: str, enter: bool = False) -> None:
            super().__init__()
            self.key = key
            self.enter = enter

    def __init__(
        self, titles: dict[str, str], active: str, *, compact: bool = False, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.titles = dict(titles)
        self.active = active
        #: One space between titles instead of two (when the long titles do not fit).
        self.compact = compact
        #: (key, start, end) cell spans of the titles drawn last, for mouse clicks.
        self._spans: list[tuple[str, int, int]] = []

    def set_titles(self, titles: dict[str, str], compact: bool | None = None) -> None:
        compact = self.compact if compact is None else compact
        if titles != self.titles or compact != self.compact:
            self.titles = dict(titles)
            self.compact = compact
            self.refresh()

    def show_active(self, key: str) -> None:
        if key != self.active:
            self.active = key
            self.refresh()

    def render(self) -> Text:
        keys = list(self.titles)
        after = "" if self.compact else " "
        labels = [f" {self.titles[key]}{after}" for key in keys]
        widths = [cell_len(label) for label in labels]
        width = self.size.width or sum(widths)
        index = keys.index(self.active) if self.active in keys else 0
        first = 0
        # Titles that do not all fit: start late enough that the active one shows whole.
        while first < index and sum(widths[first : index + 1]) + 2 > width:
            first += 1
        text = Text(no_wrap=True, overflow="crop", end="")
        active_style = self.get_component_rich_style("tab-strip--active")
        more_style = self.get_component_rich_style("tab-strip--more")
        self._spans = []
        if first:
            text.append("‹", more_style)
        for key, label, cells in zip(keys[first:], labels[first:], widths[first:], strict=True):
            start = text.cell_len
            if start + cells > width - (0 if key == keys[-1] else 1):
                text.append("›", more_style)
                break
            text.append(label, active_style if key == self.active else "")
            self._spans.append((key, start, start + cells))
        return text

    def _choose(self, key: str, enter: bool = False) -> None:
        self.show_active(key)
        if isinstance(self.parent, SectionTabs):
            # At once: the keys typed after Enter belong to the tab's content.
            self.parent.show_tab(key, enter)
        else:
            self.post_message(self.Chosen(key, enter))

    def action_move(self, delta: int) -> None:
        keys = list(self.titles)
        index = keys.index(self.active) if self.active in keys else 0
        self._choose(keys[(index + delta) % len(keys)])

    def action_move_to(self, index: int) -> None:
        self._choose(list(self.titles)[index])

    def action_enter(self) -> None:
        self._choose(self.active, enter=True)

    def on_click(self, event: events.Click) -> None:
        for key, start, end in self._spans:
            if start <= event.x < end:
                self._choose(key)
                return


class SectionTabs(Vertical):
    """The title line and the panes (``Vertical`` with id ``tab-KEY``, made when first shown)."""

    class Activated(Message):
        """Tab ``key`` is now shown (chosen by the user or set through ``active``)."""

        def __init__(self, key: str, enter: bool = False) -> None:
            super().__init__()
            self.key = key
            self.enter = enter

    def __init__(
        self,
        titles: dict[str, str],
        active: str,
        content: Widget | None = None,
        *,
        compact: bool = False,
        id: str | None = None,
        on_activated: Callable[[str, bool], None] | None = None,
    ) -> None:
        """``content``: what the active tab's pane holds from the start; ``on_activated(key,
        enter)`` is called when a tab is shown (else ``Activated`` is posted)."""
        super().__init__(id=id)
        self._on_activated = on_activated
        self._titles = titles
        self._active = active
        self._content = content
        self._compact = compact

    def compose(self) -> ComposeResult:
        yield TabStrip(self._titles, self._active, compact=self._compact, id="tab-strip")
        with Vertical(id=f"tab-{self._active}", classes="tab-pane"):
            if self._content is not None:
                yield self._content

    @property
    def strip(self) -> TabStrip:
        return self.query_one(TabStrip)

    @property
    def active(self) -> str:
        """The key of the tab shown ("minutes", "remarks" …)."""
        return self._active

    @active.setter
    def active(self, key: str) -> None:
        self._show(key)

    def title(self, key: str) -> str:
        return self.strip.titles[key]

    def set_titles(self, titles: dict[str, str], compact: bool | None = None) -> None:
        self.strip.set_titles(titles, compact)

    def find_pane(self, key: str) -> Widget | None:
        """The pane of tab ``key`` if it has been made."""
        for child in self.children:
            if child.id == f"tab-{key}":
                return child
        return None

    def pane(self, key: str) -> Widget:
        """The pane of tab ``key``, made (hidden unless active) the first time it is asked for."""
        pane = self.find_pane(key)
        if pane is not None:
            return pane
        pane = Vertical(id=f"tab-{key}", classes="tab-pane")
        pane.display = key == self._active
        self.mount(pane)
        return pane

    def show_tab(self, key: str, enter: bool = False) -> None:
        """Show tab ``key`` (``enter``: and go into it)."""
        self._show(key, enter)

    def _show(self, key: str, enter: bool = False) -> None:
        changed = key != self._active
        self._active = key
        self.strip.show_active(key)
        shown = self.pane(key)
        for child in self.children:
            if child.has_class("tab-pane"):
                child.display = child is shown
        if changed or enter:
            if self._on_activated is not None:
                self._on_activated(key, enter)
            else:
                self.post_message(self.Activated(key, enter))

    def on_tab_strip_chosen(self, message: TabStrip.Chosen) -> None:
        message.stop()
        self._show(message.key, message.enter)
