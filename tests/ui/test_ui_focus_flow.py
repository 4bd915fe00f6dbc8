"""Where the cursor goes: a new item opens on its minutes, undo never leaves the focus in a
field that now shows another entry, Esc steps back one level."""

from __future__ import annotations

from textual.widgets import TextArea

from tui_referat.tui.forms.entries import EntryList


async def test_a_new_item_opens_on_its_minutes_whatever_tab_the_last_one_showed(
    meeting_file, make_app
):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "enter", "f6")  # item 4, Indstilling
        await pilot.pause()
        assert app.screen.item_editor.tabs.active == "recommendation"
        await pilot.press("escape", "a", *"Nyt emne", "enter", *"Referatet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = app.session.meeting.items
        new = next(item for item in items if item.title == "Nyt emne")
        assert new.minutes.startswith("Referatet")
        assert new.recommendation == ""
        assert app.screen.item_editor.tabs.active == "minutes"


async def test_enter_on_an_item_puts_the_cursor_in_its_minutes(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter", "f6", "escape", "down", "enter")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, TextArea) and focused.id == "section-minutes"


async def test_undo_of_an_added_remark_leaves_the_focus_on_the_remark_list(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["down"] * 4, "enter", "f6", "f6")  # item 5 has 13 remarks
        remarks = app.session.meeting.items[4].remarks
        count = len(remarks)
        await pilot.press("a", *"Nyt emne", "tab", "s")  # the cursor on the source
        await pilot.pause()
        for _ in range(10):  # the remark's fields (the cursor stays), then the remark itself
            if len(remarks) == count:
                break
            assert app.screen.focused.id == "source"
            await pilot.press("ctrl+z")
            await pilot.pause()
        assert len(remarks) == count
        assert isinstance(app.screen.focused, EntryList)  # visible, and no field of another
        before = [(r.topic, r.text) for r in remarks]
        await pilot.press(*"ghi")  # letters that are no command edit nothing on the list
        await pilot.pause()
        assert [(r.topic, r.text) for r in remarks] == before


async def test_escape_steps_back_one_level_from_a_remark(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["down"] * 4, "enter", "f6", "f6", "enter")
        await pilot.pause()
        assert app.screen.focused.id == "text"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen.focused, EntryList)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused.id == "tab-strip"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused.id == "nav"


async def test_a_participant_typed_as_name_title_organisation_fills_three_columns(
    meeting_file, make_app
):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "enter", "a", *"Ea Ravn, jurist, Kommune D", "enter")
        await pilot.pause()
        person = app.session.meeting.participants[-1]
        assert (person.name, person.title, person.organisation) == (
            "Ea Ravn",
            "jurist",
            "Kommune D",
        )


async def test_a_list_pasted_on_the_participants_becomes_participants(meeting_file, make_app):
    from textual import events

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("up", "enter")
        await pilot.pause()
        before = len(app.session.meeting.participants)
        app.screen.focused.post_message(
            events.Paste("Ea Ravn, jurist, Kommune D\nOle Sand\tøkonom\tRegion Øst\n\n")
        )
        await pilot.pause()
        people = app.session.meeting.participants[before:]
        assert [(p.name, p.title, p.organisation) for p in people] == [
            ("Ea Ravn", "jurist", "Kommune D"),
            ("Ole Sand", "økonom", "Region Øst"),
        ]


async def test_remarks_pasted_on_the_list_become_one_per_paragraph(meeting_file, make_app):
    from textual import events

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f6", "f6")  # item 1 has no remarks
        await pilot.pause()
        assert isinstance(app.screen.focused, EntryList)
        app.screen.focused.post_message(
            events.Paste("Første bemærkning\nover to linjer.\n\nAnden bemærkning.\n")
        )
        await pilot.pause()
        remarks = app.session.meeting.items[0].remarks
        assert [r.text for r in remarks] == [
            "Første bemærkning\nover to linjer.",
            "Anden bemærkning.",
        ]


async def test_an_item_title_typed_as_the_agenda_reads_fills_kind_time_and_presenter(
    meeting_file, make_app
):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Budget for 2026 (D) kl. 13.15 v/ Bo Berg", "enter", *"Ref")
        await pilot.press("ctrl+s")
        await pilot.pause()
        item = next(i for i in app.session.meeting.items if i.title == "Budget for 2026")
        assert item.kind is not None and item.kind.value == "D"
        assert str(item.time) == "13:15:00"
        assert item.presenters == ["Bo Berg"]
        assert item.minutes.startswith("Ref")
        await pilot.press("escape", "ctrl+z")  # one step undoes the parts
        await pilot.pause()
        assert item.title == "Budget for 2026 (D) kl. 13.15 v/ Bo Berg"
