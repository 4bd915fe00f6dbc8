"""Config file, keymap, themes and UI language."""

from __future__ import annotations

from tui_referat.storage import load_meeting
from tui_referat.storage.config import config_dir, config_path, load_config
from tui_referat.tui.themes import bundled_themes_dir, load_themes
from tui_referat.tui.widgets.nav import NavPanel, Node
from tui_referat.tui.widgets.status import StatusLine

from ..conftest import notifications


def write_config(text: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_config_file_is_read_and_problems_are_collected():
    write_config('theme = "referat-light"\nlang = "xx"\n[keymap]\nsave = "ctrl+w"\nnav.add = "n"\n')
    config = load_config()
    assert config.theme == "referat-light"
    assert config.lang is None and any("lang" in p for p in config.problems)
    assert config.keymap == {"save": "ctrl+w", "nav.add": "n"}


def test_bundled_themes_load_including_a_16_colour_one():
    themes, problems = load_themes([bundled_themes_dir()])
    assert problems == []
    names = {theme.name for theme in themes}
    assert {"referat", "referat-light", "referat-16"} <= names
    assert next(theme for theme in themes if theme.name == "referat-16").ansi


async def test_keymap_from_the_config_file_rebinds_save(meeting_file, make_app):
    write_config('[keymap]\nsave = "ctrl+w"\nnav.add = "n"\n')
    app = make_app(meeting_file, config=load_config())
    async with app.run_test(size=(80, 24)) as pilot:
        count = len(app.session.meeting.items)
        await pilot.press("n")
        assert len(app.session.meeting.items) == count + 1
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert not app.session.dirty
        assert "^W Gem" in app.screen.query_one(StatusLine).keys_text
    assert len(load_meeting(meeting_file).items) == count + 1


async def test_broken_theme_file_falls_back_with_a_notice(meeting_file, make_app):
    folder = config_dir() / "themes"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    write_config('theme = "broken"\n')
    app = make_app(meeting_file, config=load_config())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "referat"
        messages = " ".join(notifications(app))
        assert "broken.toml" in messages and "broken" in messages
        assert app.screen.query_one(NavPanel).node == Node("item", 0)


async def test_theme_flag_picks_the_16_colour_theme(meeting_file, make_app):
    app = make_app(meeting_file, theme="referat-16")
    async with app.run_test(size=(80, 24)):
        assert app.theme == "referat-16"


async def test_english_and_danish_ui(meeting_file, make_app):
    for lang, agenda, save in (("en", "Agenda", "^S Save"), ("da", "Dagsorden", "^S Gem")):
        app = make_app(meeting_file, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            nav = app.screen.query_one(NavPanel)
            assert nav.border_title == agenda
            assert save in app.screen.query_one(StatusLine).keys_text
