"""The safety dialogs: a recovery copy found, a file locked by another editor, a file changed
on disk. Each is a ``ModalScreen[str]`` that dismisses a choice; the keys are shown in the
dialog, and the default button has the focus so Enter picks it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from ...safety.lock import LockHeld, LockInfo
from ...safety.recovery import RecoveryInfo
from ...safety.sanitize import one_line
from ...text.i18n import format_time, quick_date
from ...text.words import get_lang, say, say_count
from .confirm import BUTTON_MOVES, focus_button


def describe_time(moment: dt.datetime | None) -> str:
    """ "14.02 (7. oktober 2025)", in local time; "?" when unknown."""
    if moment is None:
        return "?"
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    lang = get_lang()
    return f"{format_time(moment.time(), lang)} ({quick_date(moment.date(), lang)})"


class _ChoiceDialog(ModalScreen[str]):
    """A title, some lines of text, a row of buttons; ``default`` has the focus."""

    CSS_PATH = "safety.tcss"
    DEFAULT_CHOICE = ""
    BINDINGS: ClassVar[list[BindingType]] = list(BUTTON_MOVES)

    def lines(self) -> list[tuple[str, str]]:
        """(text, css class) for each paragraph."""
        return []

    def buttons(self) -> list[tuple[str, str, str]]:
        """(choice id, label, variant) for each button, left to right."""
        return []

    def title_text(self) -> str:
        return ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="safety-dialog"):
            yield Label(self.title_text(), classes="safety-title", markup=False)
            for text, css in self.lines():
                yield Label(text, classes=css, markup=False)
            with Horizontal(classes="safety-buttons"):
                for choice, label, variant in self.buttons():
                    yield Button(label, id=choice, variant=variant)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        focus_button(self, self.DEFAULT_CHOICE)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or self.DEFAULT_CHOICE)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class RecoveryDialog(_ChoiceDialog):
    """Dismisses "restore" (Enter, the default), "discard", "save_as" or "quit"."""

    DEFAULT_CHOICE = "restore"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,k", "choose('discard')", "recovery.discard", id="recovery.discard"),
        Binding("s,g", "choose('save_as')", "recovery.save_as", id="recovery.save_as"),
        Binding("q,escape", "choose('quit')", "quit", id="recovery.quit"),
    ]

    def __init__(self, info: RecoveryInfo, target: Path) -> None:
        super().__init__()
        self.info = info
        self.target = target

    def title_text(self) -> str:
        return say("recovery.title")

    def lines(self) -> list[tuple[str, str]]:
        meta = self.info.meta
        who = one_line(f"{meta.user or '?'}@{meta.host or '?'}")
        summary = self.info.summary
        items = ""
        if summary.changed_items:
            items = say_count("recovery.items", summary.changed_items)
        result = [
            (
                say(
                    "recovery.what",
                    name=one_line(self.info.original.name),
                    when=describe_time(meta.written_at),
                    who=who,
                ),
                "safety-text",
            ),
            (
                say(
                    "recovery.differs",
                    added=say_count("recovery.lines", summary.lines_added),
                    removed=summary.lines_removed,
                    items=items,
                ),
                "safety-text",
            ),
        ]
        if self.info.file_text is None:
            result.append((say("recovery.file_missing"), "safety-warning"))
        elif self.info.file_changed:
            result.append((say("recovery.file_changed"), "safety-warning"))
        result.append((say("recovery.keys", target=one_line(self.target.name)), "safety-keys"))
        return result

    def buttons(self) -> list[tuple[str, str, str]]:
        return [
            ("restore", say("recovery.restore"), "primary"),
            ("save_as", say("recovery.save_as"), "default"),
            ("discard", say("recovery.discard"), "error"),
        ]


def describe_lock(name: str, held: LockHeld) -> str:
    info: LockInfo = held.info
    if not held.readable:
        return say("lock.unknown", name=one_line(name), user=one_line(held.owner or info.user))
    since = info.since_time
    return say(
        "lock.who",
        name=one_line(name),
        user=one_line(info.user),
        host=one_line(info.host),
        pid=info.pid,
        since=describe_time(since) if since else one_line(info.since),
    )


class LockDialog(_ChoiceDialog):
    """Dismisses "read_only" (the default), "take_over" or "quit"."""

    DEFAULT_CHOICE = "read_only"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,s", "choose('read_only')", "lock.read_only", id="lock.read_only"),
        Binding("o,t", "choose('take_over')", "lock.take_over", id="lock.take_over"),
        Binding("q,a,escape", "choose('quit')", "lock.quit", id="lock.quit"),
    ]

    def __init__(self, name: str, held: LockHeld) -> None:
        super().__init__()
        self.name_shown = name
        self.held = held

    def title_text(self) -> str:
        return say("lock.title")

    def lines(self) -> list[tuple[str, str]]:
        return [
            (describe_lock(self.name_shown, self.held), "safety-text"),
            (say("lock.keys"), "safety-keys"),
        ]

    def buttons(self) -> list[tuple[str, str, str]]:
        return [
            ("read_only", say("lock.read_only"), "primary"),
            ("take_over", say("lock.take_over"), "warning"),
            ("quit", say("lock.quit"), "default"),
        ]


class DiskChangedDialog(_ChoiceDialog):
    """Dismisses "reload", "overwrite", "save_as" or "cancel" (the default)."""

    DEFAULT_CHOICE = "cancel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r,g", "choose('reload')", "disk.reload", id="disk.reload"),
        Binding("o", "choose('overwrite')", "disk.overwrite", id="disk.overwrite"),
        Binding("s", "choose('save_as')", "disk.save_as", id="disk.save_as"),
        Binding("escape,c,a", "choose('cancel')", "disk.cancel", id="disk.cancel"),
    ]

    def __init__(self, name: str, target: Path) -> None:
        super().__init__()
        self.name_shown = name
        self.target = target

    def title_text(self) -> str:
        return say("disk.title")

    def lines(self) -> list[tuple[str, str]]:
        return [
            (say("disk.what", name=one_line(self.name_shown)), "safety-text"),
            (say("disk.keys", target=one_line(self.target.name)), "safety-keys"),
        ]

    def buttons(self) -> list[tuple[str, str, str]]:
        return [
            ("save_as", say("disk.save_as"), "primary"),
            ("overwrite", say("disk.overwrite"), "warning"),
            ("reload", say("disk.reload"), "error"),
            ("cancel", say("disk.cancel"), "default"),
        ]


class ReadOnlyFileDialog(_ChoiceDialog):
    """The file is marked read-only (no write bits): dismisses "overwrite", "save_as" or
    "cancel" (the default)."""

    DEFAULT_CHOICE = "cancel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('overwrite')", "disk.overwrite", id="read_only_file.overwrite"),
        Binding("s", "choose('save_as')", "disk.save_as", id="read_only_file.save_as"),
        Binding("escape,c,a", "choose('cancel')", "disk.cancel", id="read_only_file.cancel"),
    ]

    def __init__(self, name: str, target: Path) -> None:
        super().__init__()
        self.name_shown = name
        self.target = target

    def title_text(self) -> str:
        return say("read_only_file.title")

    def lines(self) -> list[tuple[str, str]]:
        return [
            (say("read_only_file.what", name=one_line(self.name_shown)), "safety-text"),
            (say("read_only_file.keys", target=one_line(self.target.name)), "safety-keys"),
        ]

    def buttons(self) -> list[tuple[str, str, str]]:
        return [
            ("save_as", say("disk.save_as"), "primary"),
            ("overwrite", say("disk.overwrite"), "warning"),
            ("cancel", say("disk.cancel"), "default"),
        ]
