"""The decision (Beslutning) has its own tab after the recommendation, edited and saved like
the other sections, and the preview shows it with its vote."""

from __future__ import annotations

from tui_referat.domain.model import Vote
from tui_referat.storage import load_meeting
from tui_referat.tui.widgets.item_editor import SectionArea


def _with_a_decision_item(path):
    """The sample with its first item a decision item (B): the editor then shows the tab."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kind = "O"', 'kind = "B"', 1), encoding="utf-8")
    return path


async def test_typing_in_the_decision_tab_and_saving_writes_the_decision(meeting_file, make_app):
    app = make_app(_with_a_decision_item(meeting_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f6", "f6")  # Indstilling, Beslutning
        await pilot.pause()
        assert app.screen.query_one("#item-tabs").active == "decision"
        area = app.screen.focused
        assert isinstance(area, SectionArea) and area.key == "decision"
        await pilot.press(*"Vedtaget.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.meeting.items[0].decision == "Vedtaget."
        assert not app.session.dirty
    assert load_meeting(meeting_file).items[0].decision == "Vedtaget."
    assert 'decision = "Vedtaget."' in meeting_file.read_text(encoding="utf-8")


async def test_the_decision_tab_is_labelled_after_the_recommendation(meeting_file, make_app):
    from tui_referat.tui.widgets.item_editor import TABS

    assert TABS.index("decision") == TABS.index("recommendation") + 1
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen.item_editor
        assert editor._tab_title("decision") in ("Beslutning", "Besl")


def test_the_preview_shows_the_decision_and_its_vote() -> None:
    from tui_referat.domain.model import AgendaItem, Meeting
    from tui_referat.tui.widgets import preview

    meeting = Meeting(
        title="M",
        lang="da",
        items=[AgendaItem("Budget", decision="Vedtaget.", vote=Vote(9, 2, 1, ["A"]))],
    )
    text = preview.item_markdown(meeting, 0)
    assert "**Beslutning**\n\nVedtaget.\n\nFor stemte 9 (A), imod 2, 1 undlod at stemme" in text


async def test_the_vote_dialog_from_the_palette_sets_the_vote_and_undo_removes_it(
    meeting_file, make_app
):
    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog

    from .conftest import run_from_palette

    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down")  # item 2 selected in the agenda
        await pilot.pause()
        await run_from_palette(pilot, "afstemning")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press(*"9", "tab", *"x", "enter")  # not a number: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press("end", "backspace", *"2", "tab", *"1", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        item = app.session.meeting.items[1]
        assert item.vote == Vote(9, 2, 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = meeting_file.read_text(encoding="utf-8")
    assert "[items.vote]\nfor = 9\nagainst = 2\nabstain = 1\n" in text
    assert load_meeting(meeting_file).items[1].vote == Vote(9, 2, 1)


async def test_undo_takes_the_vote_away_again(meeting_file, make_app):
    from .conftest import run_from_palette

    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down")
        await run_from_palette(pilot, "vote")
        await pilot.pause()
        await pilot.press(*"3", "enter")
        await pilot.pause()
        assert app.session.meeting.items[1].vote == Vote(3, 0, 0)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.meeting.items[1].vote is None


async def test_the_vote_dialog_takes_who_voted_and_counts_the_names(meeting_file, make_app):
    """Names typed for a side are saved as its name list; a count left empty is the number of
    names; more names than the count is refused in place."""
    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog

    from .conftest import run_from_palette

    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down")
        await pilot.pause()
        await run_from_palette(pilot, "vote")
        await pilot.pause()
        # for: 2, against: (empty), abstain: (empty), names for: one too many
        await pilot.press(*"2", "tab", "tab", "tab", *"Anne, Bo, Carl", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)  # three names, two votes
        await pilot.press("ctrl+u", *"Anne, Bo", "tab", *"Dorte", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        assert app.session.meeting.items[1].vote == Vote(2, 1, 0, ["Anne", "Bo"], ["Dorte"])
        await pilot.press("ctrl+s")
        await pilot.pause()
    vote = load_meeting(meeting_file).items[1].vote
    assert vote == Vote(2, 1, 0, ["Anne", "Bo"], ["Dorte"])


async def test_the_item_remarks_dialog_sets_the_intro_and_the_deadline(meeting_file, make_app):
    import datetime as dt

    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog

    from .conftest import run_from_palette

    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down")  # item 2 selected in the agenda
        await pilot.pause()
        await run_from_palette(pilot, "indledning og frist")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press(*"Bemærkninger fra mødet:", "tab", *"2.3.2026", "tab", *"12", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        item = app.session.meeting.items[1]
        assert item.remarks_intro == "Bemærkninger fra mødet:"
        assert item.remarks_deadline == dt.datetime(2026, 3, 2, 12, 0)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert item.remarks_deadline is None
        assert item.remarks_intro == "Bemærkninger fra mødet:"
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = meeting_file.read_text(encoding="utf-8")
    assert 'remarks_intro = "Bemærkninger fra mødet:"' in text
    assert load_meeting(meeting_file).items[1].remarks_intro == "Bemærkninger fra mødet:"


def test_the_preview_shows_protocol_remarks_under_the_decision_and_late_attachments() -> None:
    from tui_referat.domain.model import AgendaItem, Attachment, Meeting, Remark, RemarkSource
    from tui_referat.tui.widgets import preview

    protocol = Remark("Til protokol.", RemarkSource.PROTOCOL, author="Ida Holm")
    item = AgendaItem(
        "Budget",
        decision="Vedtaget.",
        minutes="Drøftet.",
        remarks=[protocol],
        attachments=[Attachment("Forslag", late=True)],
    )
    text = preview.item_markdown(Meeting(title="M", lang="da", items=[item]), 0)
    assert "Vedtaget.\n\n*Protokolbemærkning fra Ida Holm:* Til protokol." in text
    assert "**Bemærkninger**" not in text  # a protocol remark is not among the remarks
    assert "Forslag (eftersendt)" in text
