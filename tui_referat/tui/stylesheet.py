"""Textual's stylesheet, keeping what ``reparse`` parsed (start-up time).

``Stylesheet.reparse`` (run when the theme is applied at start-up) parses every source in a
fresh stylesheet and keeps its rules but not its parse cache, whose own cache was emptied by
the new variables. The next ``parse`` (as soon as a widget brings its default CSS) then parses
every source a second time. Here the fresh stylesheet's cache comes along: the same CSS with
the same variables parses to the same rules.

Written for Textual 8.2.8 (pinned); the snapshot tests show any difference in styling.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class CachingStylesheet(Stylesheet):
    def reparse(self) -> None:
        fresh = Stylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
        self._parse_cache = fresh._parse_cache
