"""Tab and Shift+Tab go round the fields of the meeting details, next meeting and
participants panels and never run off into the agenda; Esc goes to the agenda."""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Input

from tui_referat.tui.forms import MeetingDetailsForm, NextMeetingForm, ParticipantsTable
from tui_referat.tui.forms.meeting_details import HeaderList
from tui_referat.tui.widgets.nav import NavPanel

#: (keys from the first agenda item to the panel, the panel's class)
PANELS = [
    (("up", "up", "enter"), MeetingDetailsForm),
    (("end", "enter"), NextMeetingForm),
    (("up", "enter"), ParticipantsTable),
]


def fields_of(panel: Widget) -> list[Widget]:
    """The panel's focusable widgets in Tab order."""
    return [w for w in panel.screen.focus_chain if w is panel or panel in w.ancestors]


@pytest.mark.parametrize(("keys", "panel_class"), PANELS)
async def test_tab_goes_round_the_panel_and_esc_leaves(meeting_file, make_app, keys, panel_class):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        screen = app.screen
        panel = screen.query_one(panel_class)
        fields = fields_of(panel)
        assert fields and screen.focused is fields[0]
        for expected in [*fields[1:], fields[0]]:  # all the way round, back to the first
            await pilot.press("tab")
            await pilot.pause()
            assert screen.focused is expected
        await pilot.press("shift+tab")  # and backwards: from the first to the last
        await pilot.pause()
        assert screen.focused is fields[-1]
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused is fields[0]
        await pilot.press("escape")
        await pilot.pause()
        assert screen.focused is screen.query_one(NavPanel)


async def test_meeting_details_tab_order_runs_from_title_to_case_header(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "up", "enter")
        await pilot.pause()
        form = app.screen.query_one(MeetingDetailsForm)
        fields = fields_of(form)
        assert fields[0] is form.query_one("#title", Input)
        assert fields[-1] is form.query_one(HeaderList)
        assert len(fields) > 10
        await pilot.press("shift+tab")  # from the title: the case header, not the agenda
        await pilot.pause()
        assert app.screen.focused is form.query_one(HeaderList)
        await pilot.press("tab", *"Møde 9")  # round again: typing reaches the title
        await pilot.pause()
        assert app.session.meeting.title.endswith("Møde 9")
