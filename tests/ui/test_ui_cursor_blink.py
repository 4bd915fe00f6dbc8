"""The text cursor blinks, but not over SSH unless the config asks (``tui/blink.py``): an idle
blink costs bytes on a slow link (docs/PERFORMANCE.md, "Typing over a slow link")."""

from __future__ import annotations

import pytest

from tui_referat.storage.config import Config, config_path, load_config
from tui_referat.tui.blink import cursor_blink_wanted
from tui_referat.tui.widgets.item_widgets import SectionArea

SSH = {"SSH_CONNECTION": "192.0.2.7 50022 192.0.2.1 22"}


def test_the_cursor_blinks_by_default_but_not_over_ssh() -> None:
    assert cursor_blink_wanted(None, {})
    assert not cursor_blink_wanted(None, SSH)
    assert not cursor_blink_wanted(None, {"SSH_TTY": "/dev/pts/3"})
    assert cursor_blink_wanted(True, SSH)  # the config wins
    assert not cursor_blink_wanted(False, {})


def test_cursor_blink_is_read_from_the_config_and_a_bad_value_reported() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("cursor_blink = false\n", "utf-8")
    assert load_config().cursor_blink is False
    path.write_text('cursor_blink = "ja"\n', "utf-8")
    config = load_config()
    assert config.cursor_blink is None
    assert any("cursor_blink: expected true or false" in p for p in config.problems)


async def test_a_config_asking_for_blinking_makes_the_minutes_blink_over_ssh(
    meeting_file, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in SSH.items():
        monkeypatch.setenv(name, value)
    app = make_app(meeting_file, config=Config(cursor_blink=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the first item's minutes
        area = app.screen.focused
        assert isinstance(area, SectionArea)
        assert area.cursor_blink
