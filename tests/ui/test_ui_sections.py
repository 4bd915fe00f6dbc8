"""The item editor's tabs follow the meeting's sections: [sections].order gives exactly those
tabs, in that order, with the meeting's labels; without it the case presentation and the
decision show only when the meeting has them; the palette's "Sektioner…" sets the layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat.storage import load_meeting
from tui_referat.tui.widgets.item_editor import SectionArea

from .conftest import run_from_palette

OWN = """\
format = 1
lang = "da"
title = "Byrådet"

[sections]
order = ["case", "recommendation", "decision"]
labels = {case = "Sagen"}

[[items]]
title = "Budget"
case = "Forvaltningen har et forslag."

[[items]]
title = "Eventuelt"
"""


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_meeting_with_sections_shows_exactly_those_tabs(tmp_path, make_app):
    app = make_app(_file(tmp_path, OWN))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        tabs = app.screen.query_one("#item-tabs")
        titles = tabs.strip.titles
        assert list(titles) == [
            "case",
            "recommendation",
            "decision",
            "remarks",
            "remarks_note",
            "attachments",
            "actions",
        ]
        assert titles["case"] == "Sagen"
        assert titles["recommendation"] in ("Indstilling", "Ind")  # long or short titles
        # no minutes tab: the item opens at the first section, the case
        assert tabs.active == "case"
        area = app.screen.focused
        assert isinstance(area, SectionArea) and area.key == "case"
        assert area.text == "Forvaltningen har et forslag."


async def test_typing_in_the_case_tab_saves_the_case(tmp_path, make_app):
    path = _file(tmp_path, OWN)
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")  # item 2, no case yet; cursor in its case tab
        await pilot.pause()
        await pilot.press(*"Ny sag.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
    assert 'title = "Eventuelt"\ncase = "Ny sag."\n' in path.read_text(encoding="utf-8")
    assert load_meeting(path).items[1].case == "Ny sag."


async def test_without_sections_the_case_tab_shows_only_when_an_item_has_a_case(
    meeting_file, make_app
):
    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        keys = list(app.screen.query_one("#item-tabs").strip.titles)
        assert "case" not in keys and "decision" not in keys  # the sample has neither
        assert keys[:2] == ["minutes", "recommendation"]
    text = meeting_file.read_text(encoding="utf-8")
    meeting_file.write_text(
        text.replace('kind = "O"', 'kind = "B"\ncase = "Sagen."', 1), encoding="utf-8"
    )
    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        keys = list(app.screen.query_one("#item-tabs").strip.titles)
        assert keys[:4] == ["minutes", "case", "recommendation", "decision"]


async def test_the_sections_dialog_sets_order_and_labels_as_one_undoable_edit(
    meeting_file, make_app
):
    from tui_referat.tui.dialogs.form_dialogs import FieldsDialog

    app = make_app(meeting_file)
    async with app.run_test(size=(100, 40)) as pilot:
        await run_from_palette(pilot, "sektioner")
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press(*"sag, indstilling, minutes, nonsens", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FieldsDialog)  # an unknown name: the dialog stays
        await pilot.press(*["backspace"] * len(", nonsens"))
        await pilot.press("tab", *"Sagen", "enter")  # the case's own label
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        meeting = app.session.meeting
        assert meeting.sections is not None
        assert meeting.sections.order == ["case", "recommendation", "minutes"]
        assert meeting.sections.labels == {"case": "Sagen"}
        editor = app.screen.item_editor
        assert editor.tab_keys[:3] == ("case", "recommendation", "minutes")
        assert app.screen.query_one("#item-tabs").strip.titles["case"] == "Sagen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = meeting_file.read_text(encoding="utf-8")
        assert '[sections]\norder = ["case", "recommendation", "minutes"]\n' in saved
        assert 'labels = {case = "Sagen"}' in saved
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert meeting.sections is None
        assert "case" not in editor.tab_keys and editor.tab_keys[0] == "minutes"


async def test_the_palette_opens_a_hidden_section_and_adds_its_tab(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen.item_editor
        assert "case" not in editor.tab_keys
        await run_from_palette(pilot, "gå til sagsfremstilling")
        await pilot.pause()
        assert editor.tab_keys[:3] == ("minutes", "case", "recommendation")
        assert editor.tabs.active == "case"
        area = app.screen.focused
        assert isinstance(area, SectionArea) and area.key == "case"
        await pilot.press(*"Sagen.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_meeting(meeting_file).items[0].case == "Sagen."


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_at_80_columns_every_tab_shows_with_the_case_and_decision_tabs(
    meeting_file, make_app, lang
):
    text = meeting_file.read_text(encoding="utf-8")
    meeting_file.write_text(
        text.replace('kind = "O"', 'kind = "B"\ncase = "Sagen."', 1), encoding="utf-8"
    )
    app = make_app(meeting_file, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        strip = app.screen.query_one("#item-tabs").strip
        assert "case" in strip.titles and "decision" in strip.titles
        row = str(strip.render())
        assert "›" not in row and "‹" not in row, row
        assert all(title in row for title in strip.titles.values()), row


def test_the_tabs_of_odd_layouts_always_hold_a_text_tab_to_open_at() -> None:
    from tui_referat.domain.model import AgendaItem, Meeting, SectionLayout
    from tui_referat.tui.widgets.item_tabs import first_tab, meeting_tabs

    for order in (["remarks"], ["nonsense"], ["remarks", "problem"]):
        meeting = Meeting(items=[AgendaItem("A")], sections=SectionLayout(order=order))
        keys = meeting_tabs(meeting)
        assert first_tab(keys) in ("minutes", "problem")
        assert keys[-2:] == ("attachments", "actions") and "remarks_note" in keys
    meeting = Meeting(
        items=[AgendaItem("A", solution="Text.")], sections=SectionLayout(order=["case"])
    )
    # text in a section the order leaves out keeps its tab (nothing hidden that is shown)
    assert meeting_tabs(meeting)[:2] == ("case", "solution")
