"""A screenshot of the Send dialog at 80x24 (a fixed SMTP host: nothing is sent).

Regenerate with ``pytest tests/ui/test_ui_send_snapshot.py --snapshot-update`` and look at it.
"""

from __future__ import annotations

import pytest

from .send_helpers import user_config


@pytest.fixture
def fixed_message_id(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Message-ID (random) is part of the message's size the dialog shows."""
    monkeypatch.setattr(
        "tui_referat.outbox.plan.make_msgid", lambda domain=None: "<fixed.1@example.dk>"
    )


def test_send_dialog(snap_compare, meeting_file, make_app, fixed_message_id):
    config = user_config(
        '[send]\nfrom = "Sanne Holm <sanne@example.dk>"\nhost = "smtp.example.dk"\nuser = "sanne"\n'
    )

    async def open_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)

    app = make_app(meeting_file, config=config)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_dialog)
