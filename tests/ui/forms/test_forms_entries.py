"""Remarks, attachments and actions editors: add, edit, delete, reorder, done toggle."""

from __future__ import annotations

import asyncio
import datetime as dt

from textual.widgets import Input, OptionList, Static, TextArea

from tui_referat.domain.model import AgendaItem, Remark, RemarkSource
from tui_referat.tui.dialogs.confirm import ConfirmDialog
from tui_referat.tui.forms import ActionsEditor, AttachmentsEditor, RemarksEditor

SIZE = (80, 24)


def lines(app) -> list[str]:
    listing = app.widget.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def test_remarks_are_grouped_by_topic_with_source_tags_and_late_flag(meeting, host) -> None:
    app = host(RemarksEditor(meeting, meeting.items[1]))

    async def flow() -> None:
        async with app.run_test(size=SIZE):
            shown = lines(app)
            assert shown[0] == "Lokaler › Booking"
            assert shown[1].startswith("  [møde] Carl Dahl:")
            assert shown[2].startswith("  [skriftlig 12.10]")
            assert "efter fristen" not in shown[2]
            assert shown[3] == "Udstyr"
            assert "efter fristen" in shown[5]
            assert app.widget.query_one("#text", TextArea).text.startswith("Booking skal")

    asyncio.run(flow())


def test_add_a_written_remark_with_topic_and_received_date(meeting, host) -> None:
    item = meeting.items[1]
    app = host(RemarksEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await pilot.pause()
            assert len(item.remarks) == 5
            assert app.focused is app.widget.query_one("#topic", Input)
            await pilot.press("ctrl+a", "ctrl+k", *"Økonomi > Budget", "tab")
            await pilot.press("s", "tab")  # source: skriftlig (S, or W for written)
            await pilot.press(*"13.10.2025", "tab", *"Dorte Eskildsen", "tab")
            await pilot.press(*"Budgettet er for lavt.")
            await pilot.pause()
            new = item.remarks[1]
            assert new.topic == ["Økonomi", "Budget"]
            assert new.source is RemarkSource.WRITTEN
            assert new.received == dt.date(2025, 10, 13)
            assert new.author == "Dorte Eskildsen"
            assert new.text == "Budgettet er for lavt."
            assert "Økonomi › Budget" in lines(app)
            assert any(
                "[skriftlig 13.10] Dorte Eskildsen: Budgettet" in line for line in lines(app)
            )

    asyncio.run(flow())


def test_remark_with_a_bad_received_date_is_not_changed(meeting, host) -> None:
    item = meeting.items[1]
    app = host(RemarksEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "enter")  # the written remark, into its fields
            app.widget.query_one("#received", Input).focus()
            await pilot.press("ctrl+a", "ctrl+k", *"12/13/2025", "enter")
            await pilot.pause()
            assert item.remarks[1].received == dt.date(2025, 10, 12)
            assert "12/13/2025" in str(app.widget.query_one(".form-error", Static).render())

    asyncio.run(flow())


def test_remarks_move_within_their_topic_and_delete(meeting, host) -> None:
    item = AgendaItem(
        "Punkt",
        remarks=[
            Remark("første", topic=["A"]),
            Remark("anden", topic=["B"]),
            Remark("tredje", topic=["A"]),
        ],
    )
    meeting.items.append(item)
    app = host(RemarksEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "K")  # "tredje" is shown second under A: move it up
            await pilot.pause()
            assert [r.text for r in item.remarks] == ["tredje", "første", "anden"]
            assert app.widget.selected is item.remarks[0]
            await pilot.press("K")  # already first in its topic: nothing happens
            await pilot.pause()
            assert [r.text for r in item.remarks] == ["tredje", "første", "anden"]
            await pilot.press("x")
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("y")
            await pilot.pause()
            assert [r.text for r in item.remarks] == ["første", "anden"]

    asyncio.run(flow())


def test_attachment_numbers_follow_reorder(meeting, host) -> None:
    item = meeting.items[1]
    app = host(AttachmentsEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            assert lines(app)[0].split()[:2] == ["2.1", "Oversigt"]
            await pilot.press("J")
            await pilot.pause()
            assert [a.title for a in item.attachments][:2] == ["Prisliste", "Oversigt over lokaler"]
            shown = lines(app)
            assert shown[0].split()[:2] == ["2.1", "Prisliste"]
            assert shown[1].split()[:2] == ["2.2", "Oversigt"]
            await pilot.press("down", "K", "K")
            await pilot.pause()
            assert lines(app)[0].split()[:2] == ["2.1", "Plantegning"]

    asyncio.run(flow())


def test_attachment_add_and_edit_title_and_path(meeting, host) -> None:
    item = meeting.items[0]
    app = host(AttachmentsEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            assert "Ingen bilag" in lines(app)[0]
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("ctrl+a", "ctrl+k", *"Dagsorden", "tab", *"bilag/dagsorden.pdf")
            await pilot.pause()
            assert item.attachments[0].title == "Dagsorden"
            assert item.attachments[0].path == "bilag/dagsorden.pdf"
            assert lines(app)[0].split()[:2] == ["1.1", "Dagsorden"]

    asyncio.run(flow())


def test_action_done_toggles_with_space(meeting, host) -> None:
    item = meeting.items[1]
    app = host(ActionsEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down", "space")
            await pilot.pause()
            assert item.actions[1].done is True
            assert item.actions[0].done is False
            assert lines(app)[1].startswith("[x] Bestille")
            assert "[x]" in str(app.widget.query_one("#done", Static).render())
            await pilot.press("space")
            await pilot.pause()
            assert item.actions[1].done is False

    asyncio.run(flow())


def test_action_add_with_owner_and_due_date(meeting, host) -> None:
    item = meeting.items[1]
    app = host(ActionsEditor(meeting, item))

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("ctrl+a", "ctrl+k", *"Booke lokale", "tab")
            await pilot.press(*"car", "right", "tab")  # accept the suggested participant
            await pilot.press(*"1.11.2025", "enter")
            await pilot.pause()
            new = item.actions[1]
            assert (new.text, new.owner, new.due) == (
                "Booke lokale",
                "Carl Dahl",
                dt.date(2025, 11, 1),
            )

    asyncio.run(flow())


def test_remarks_move_across_topics_in_the_order_shown(meeting, host) -> None:
    item = AgendaItem(
        "Punkt",
        remarks=[
            Remark("a-møde", topic=["A"]),
            Remark("a-skriftlig", RemarkSource.WRITTEN, ["A"]),
            Remark("b-møde", topic=["B"]),
        ],
    )
    meeting.items.append(item)
    app = host(RemarksEditor(meeting, item))

    def shown() -> list[tuple[str, tuple[str, ...]]]:
        return [
            (r.text, tuple(t)) for t, said, written in item.remark_groups() for r in said + written
        ]

    async def flow() -> None:
        async with app.run_test(size=SIZE) as pilot:
            remark = item.remarks[2]
            app.widget.select_entry(remark)
            await pilot.press("K")  # first under B: moves up into A (after A's meeting remark)
            await pilot.pause()
            assert remark.topic == ["A"]
            assert shown() == [("a-møde", ("A",)), ("b-møde", ("A",)), ("a-skriftlig", ("A",))]
            assert app.widget.selected is remark
            await pilot.press("K")  # swaps with the other meeting remark of A
            await pilot.pause()
            assert shown()[0] == ("b-møde", ("A",))
            await pilot.press("K")  # already at the top
            await pilot.pause()
            assert shown()[0] == ("b-møde", ("A",))
            written = item.remarks[2]
            app.widget.select_entry(written)
            await pilot.press("K")  # a written remark stays after the meeting's: explained
            await pilot.pause()
            assert item.remarks[2] is written and written.topic == ["A"]

    asyncio.run(flow())
