"""The editor's uses of Textual's private API (tui/textual_private.py) were checked against one
Textual version: another version fails here until they are checked again; each private name
used must still exist; and what each is for still shows."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode

from tui_referat.tui import textual_private
from tui_referat.tui.palette import ReferatPalette


def test_the_installed_textual_is_the_version_the_private_uses_were_checked_against():
    assert version("textual") == textual_private.TEXTUAL_VERSION, (
        "Textual changed: check every use in tui_referat/tui/textual_private.py against the "
        "new version, then record it there"
    )


@pytest.mark.parametrize(
    ("owner", "name"),
    textual_private.PRIVATE_NAMES,
    ids=lambda value: getattr(value, "__name__", value),
)
def test_every_private_name_used_still_exists(owner, name):
    assert hasattr(owner, name), f"{owner.__name__}.{name} is gone from Textual"


async def test_the_private_instance_attributes_used_still_exist(meeting_file, make_app):
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        examples = {DOMNode: app.screen, CommandPalette: app.screen}
        for owner, name in textual_private.PRIVATE_INSTANCE_NAMES:
            node = examples[owner]
            assert isinstance(node, owner)
            assert hasattr(node, name), f"{owner.__name__}().{name} is gone from Textual"


@pytest.mark.parametrize(
    ("lang", "text"), [("da", "Ingen kommandoer passer"), ("en", "No matching commands")]
)
async def test_no_matches_is_said_in_the_ui_language(meeting_file, make_app, lang, text):
    app = make_app(meeting_file, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, ReferatPalette)
        await pilot.press(*"qqxzzq")
        await pilot.pause(0.9)  # the palette waits half a second before it says so
        options = app.screen.query_one(CommandList)
        prompts = [
            str(options.get_option_at_index(i).prompt.renderable)
            for i in range(options.option_count)
        ]
        assert prompts == [text]
