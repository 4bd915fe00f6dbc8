"""The app's stylesheet keeps its parse cache through ``reparse``; the rules stay right."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet

from tui_referat.tui.stylesheet import CachingStylesheet

CSS = "Screen { background: $panel; color: $text; } #x { border: round $accent; }"
DARK = {"panel": "#202020", "text": "#eeeeee", "accent": "#ff8800"}
LIGHT = {"panel": "#f0f0f0", "text": "#111111", "accent": "#0055aa"}


def _rules(sheet: Stylesheet) -> str:
    return "\n".join(rule.css for rule in sheet.rules)


def test_a_new_theme_gives_the_rules_textual_would_give() -> None:
    sheet = CachingStylesheet(variables=DARK)
    sheet.add_source(CSS, read_from=("test", "CSS"))
    assert "#202020" in _rules(sheet)
    sheet.set_variables(LIGHT)
    sheet.reparse()
    sheet.add_source("Label { color: $accent; }", read_from=("test", "more"))
    expected = Stylesheet(variables=LIGHT)
    expected.add_source(CSS, read_from=("test", "CSS"))
    expected.add_source("Label { color: $accent; }", read_from=("test", "more"))
    assert _rules(sheet) == _rules(expected)
    assert "#202020" not in _rules(sheet)
