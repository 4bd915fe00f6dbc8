"""F1: every key for where the focus is (the widget, its panels, the screen, the app)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from .status import describe
from .strings import t


def help_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, description, tooltip) for each active binding of ``screen``, in chain order."""
    app = screen.app
    rows: dict[str, tuple[list[str], str, str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not active.enabled or binding.action.startswith("scroll_"):
            continue  # scrolling keys of containers are noise here
        name = binding.id or f"{type(active.node).__name__}.{binding.action}"
        description = describe(binding.description) if binding.description else binding.action
        tooltip = describe(binding.tooltip) if binding.tooltip else ""
        entry = rows.setdefault(name, ([], description, tooltip))
        entry[0].append(app.get_key_display(binding))
    return [(" ".join(keys), description, tip) for keys, description, tip in rows.values()]


class HelpScreen(ModalScreen[None]):
    """A table of keys for the screen and focus it was opened from. F1 or Escape closes it."""

    CSS_PATH = "help_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "close", id="help.close")
    ]

    def __init__(self, origin: Screen) -> None:
        super().__init__()
        self.rows = help_rows(origin)

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column(t("help.key"), no_wrap=True, style="bold")
        table.add_column(t("help.action"))
        for keys, description, tooltip in self.rows:
            text = f"{description} — {tooltip}" if tooltip else description
            table.add_row(Text(keys), Text(text))
        with Vertical(id="help-box"):
            yield Label(t("help.title"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(table, id="help-table")
            yield Label(t("help.close_hint"), id="help-hint")
