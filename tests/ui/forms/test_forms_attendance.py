"""The participant dialog edits role, substitute and presence events (one event per ";",
wrong ones refused in place), as one undoable edit."""

from __future__ import annotations

import asyncio
import datetime as dt

from tui_referat.domain.model import Presence
from tui_referat.tui.dialogs.form_dialogs import FieldsDialog
from tui_referat.tui.forms import ParticipantsTable


def test_the_participant_dialog_edits_role_substitute_and_presence(meeting, host) -> None:
    app = host(ParticipantsTable(meeting))

    async def flow() -> None:
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.press("down", "e")
            assert isinstance(app.screen, FieldsDialog)
            await pilot.press(*["tab"] * 6, *"næstformand", "tab", *"Anne Holm", "tab")
            await pilot.press(*"gik 20.61 3", "enter")  # not a time: refused in place
            await pilot.pause()
            assert isinstance(app.screen, FieldsDialog)
            error = str(app.screen.query_one(".form-error").render())
            assert "'20.61' er ikke et klokkeslæt" in error
            await pilot.press("ctrl+a", "ctrl+k", *"gik 20.25 3; tilbage 21.16 5", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, FieldsDialog)
            person = meeting.participants[1]
            assert (person.role, person.substitute_for) == ("næstformand", "Anne Holm")
            assert person.presence == [
                Presence("left", dt.time(20, 25), 3),
                Presence("returned", dt.time(21, 16), 5),
            ]
            assert len(app.edits) == 1  # the dialog is one edit
            app.history.undo()
            assert (person.role, person.substitute_for, person.presence) == ("", "", [])

    asyncio.run(flow())


def test_the_meeting_form_sets_the_actual_times_and_the_layout(meeting, host) -> None:
    from textual.widgets import Input, Select

    from tui_referat.tui.forms import MeetingDetailsForm

    app = host(MeetingDetailsForm(meeting))

    async def flow() -> None:
        async with app.run_test(size=(80, 40)) as pilot:
            app.widget.query_one("#started", Input).focus()
            await pilot.press(*"18.35", "tab", *"2135", "tab")
            await pilot.pause()
            assert (meeting.started, meeting.ended) == (dt.time(18, 35), dt.time(21, 35))
            app.widget.query_one("#participants_layout", Select).value = "grouped"
            await pilot.pause()
            assert meeting.participants_layout == "grouped"

    asyncio.run(flow())
