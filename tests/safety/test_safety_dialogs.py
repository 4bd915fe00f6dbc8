"""The safety dialogs at 80x24: what they say, Enter picks the safe default, keys choose."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from textual.app import App
from textual.screen import ModalScreen

from tui_referat.safety.lock import LockHeld, LockInfo
from tui_referat.safety.recovery import DiffSummary, RecoveryInfo, RecoveryMeta
from tui_referat.text import words
from tui_referat.tui.dialogs.safety import DiskChangedDialog, LockDialog, RecoveryDialog

from ..conftest import screen_lines

ORIGINAL = Path("/srv/minutes/styregruppe.toml")
TARGET = Path("/srv/minutes/styregruppe.recovered-20251007-1402.toml")


def _info(file_changed: bool = False) -> RecoveryInfo:
    meta = RecoveryMeta(
        str(ORIGINAL), dt.datetime(2025, 10, 7, 14, 2).astimezone(), 4242, "server01", "bob"
    )
    return RecoveryInfo(
        ORIGINAL, ORIGINAL, meta, "new", "old", file_changed, DiffSummary(12, 3, 2, False)
    )


HELD = LockHeld(
    Path("/srv/minutes/.styregruppe.toml.lock"),
    LockInfo("anne", "server\x1b]0;x\x07", 4242, "2025-10-07T13:55:00"),
)


class Host(App[None]):
    def __init__(self, dialog: ModalScreen[str]) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: str | None = None

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result: str | None) -> None:
        self.result = result


def _run(dialog: ModalScreen[str], key: str, lang: str = "en") -> tuple[str | None, str]:
    words.set_lang(lang)

    async def go() -> tuple[str | None, str]:
        app = Host(dialog)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            shown = " ".join(screen_lines(app))
            shown = " ".join(shown.replace("┃", " ").split())  # the text, unwrapped
            await pilot.press(key)
            await pilot.pause()
            return app.result, shown

    try:
        return asyncio.run(go())
    finally:
        words.set_lang("en")


def test_recovery_dialog_says_when_and_how_much_and_enter_restores() -> None:
    result, shown = _run(RecoveryDialog(_info(), TARGET), "enter")
    assert result == "restore"
    assert "Unsaved work found" in shown
    assert "styregruppe.toml from 14:02 (7 October 2025)" in shown
    assert "bob@server01" in shown
    assert "12 lines added and 3 removed in 2 items" in shown
    assert "Note: the file has changed" not in shown


@pytest.mark.parametrize(("key", "choice"), [("d", "discard"), ("s", "save_as"), ("q", "quit")])
def test_recovery_dialog_keys(key: str, choice: str) -> None:
    assert _run(RecoveryDialog(_info(), TARGET), key)[0] == choice


def test_recovery_dialog_warns_when_the_file_changed_since_danish() -> None:
    _result, shown = _run(RecoveryDialog(_info(file_changed=True), TARGET), "escape", "da")
    assert "Ikke-gemt arbejde fundet" in shown
    assert "filen er ændret siden" in shown
    assert "14.02 (7. oktober 2025)" in shown


@pytest.mark.parametrize(
    ("key", "choice"),
    [("enter", "read_only"), ("r", "read_only"), ("o", "take_over"), ("q", "quit")],
)
def test_lock_dialog_shows_who_and_keys_choose(key: str, choice: str) -> None:
    result, shown = _run(LockDialog("styregruppe.toml", HELD), key)
    assert result == choice
    assert "open by anne on server␛]0;x␇ (process 4242) since 13:55" in shown


@pytest.mark.parametrize(
    ("key", "choice"),
    [("enter", "cancel"), ("r", "reload"), ("o", "overwrite"), ("s", "save_as")],
)
def test_disk_changed_dialog_keys(key: str, choice: str) -> None:
    result, shown = _run(DiskChangedDialog("styregruppe.toml", TARGET), key)
    assert result == choice
    assert "changed since you opened or saved it" in shown
