"""Screenshots of the main screen: 80x24 and 120x40, default and 16-colour theme.

Regenerate with ``pytest tests/ui/test_ui_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let the text areas re-wrap to their final width before the screenshot."""
    await pilot.pause()
    await pilot.pause(0.1)


@pytest.mark.parametrize(
    ("size", "theme"),
    [
        ((80, 24), "referat"),
        ((120, 40), "referat"),
        ((80, 24), "referat-16"),
        ((120, 40), "referat-16"),
    ],
)
def test_main_screen(snap_compare, meeting_file, make_app, size, theme):
    assert snap_compare(make_app(meeting_file, theme=theme), terminal_size=size, run_before=settle)


def test_item_open_with_preview_wide(snap_compare, meeting_file, make_app):
    app = make_app(meeting_file)
    assert snap_compare(
        app, terminal_size=(120, 40), press=["down", "down", "enter", "f2"], run_before=settle
    )


def test_item_open_english_narrow(snap_compare, meeting_file, make_app):
    app = make_app(meeting_file, lang="en", theme="referat-16")
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "enter"], run_before=settle)
