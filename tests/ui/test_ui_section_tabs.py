"""The item editor's tab line: keys, mouse, narrow widths, and panes made when first shown."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from tui_referat.tui.widgets.item_editor import SectionArea
from tui_referat.tui.widgets.section_tabs import SectionTabs, TabStrip

TITLES = {"one": "Første", "two": "Anden", "three": "Tredje", "four": "Fjerde"}


class TabsApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.activated: list[tuple[str, bool]] = []

    def compose(self) -> ComposeResult:
        yield SectionTabs(TITLES, "one", Static("first pane"), id="tabs")

    def on_section_tabs_activated(self, message: SectionTabs.Activated) -> None:
        self.activated.append((message.key, message.enter))


async def test_arrows_change_the_tab_and_only_shown_panes_are_made() -> None:
    app = TabsApp()
    async with app.run_test(size=(60, 6)) as pilot:
        tabs = app.query_one(SectionTabs)
        assert tabs.find_pane("two") is None  # not made before it is shown
        app.query_one(TabStrip).focus()
        await pilot.press("right")
        await pilot.pause()
        assert tabs.active == "two"
        assert tabs.find_pane("two") is not None and tabs.find_pane("two").display
        assert not tabs.find_pane("one").display
        await pilot.press("left", "left")
        await pilot.pause()
        assert tabs.active == "four"  # round from the first to the last
        await pilot.press("home", "enter")
        await pilot.pause()
        assert app.activated[-1] == ("one", True)


async def test_a_click_on_a_title_shows_its_tab() -> None:
    app = TabsApp()
    async with app.run_test(size=(60, 6)) as pilot:
        strip = app.query_one(TabStrip)
        line = strip.render().plain
        await pilot.click(TabStrip, offset=(line.index("Tredje") + 1, 0))
        await pilot.pause()
        assert app.query_one(SectionTabs).active == "three"


async def test_too_narrow_the_active_title_stays_whole_with_markers() -> None:
    app = TabsApp()
    async with app.run_test(size=(16, 6)) as pilot:
        strip = app.query_one(TabStrip)
        strip.focus()
        await pilot.press("end")
        await pilot.pause()
        line = strip.render().plain
        assert "Fjerde" in line and line.startswith("‹")
        await pilot.press("home")
        await pilot.pause()
        line = strip.render().plain
        assert "Første" in line and line.endswith("›")


async def test_in_the_editor_the_tab_line_leads_into_the_section(meeting_file, make_app) -> None:
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "shift+tab")  # minutes, then back to the tab line
        await pilot.pause()
        assert isinstance(app.screen.focused, TabStrip)
        await pilot.press("right", "enter")
        await pilot.pause()
        focused = app.screen.focused
        assert isinstance(focused, SectionArea) and focused.key == "recommendation"
