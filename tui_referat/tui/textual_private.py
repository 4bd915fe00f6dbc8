"""Every use of Textual's private API in the editor, in one place.

Each is here because Textual has no public hook for it and its benefit is shown: by a test, or
by a measurement described with it. Everything else uses Textual's public API. All of it was
checked against Textual ``TEXTUAL_VERSION``; ``tests/ui/test_ui_textual_private.py`` fails when
another version is installed and checks that every private name in ``PRIVATE_NAMES`` still
exists. On an upgrade: read Textual's change log for these names, run that test, the snapshot
tests and ``benchmarks/run.py``, drop what Textual now does itself, and record the new version.

A start-up hook is kept when it saves at least 1 % of start-up. How that was measured: the
editor in a pseudo-terminal of 80x24 on the Danish sample (as ``benchmarks/figures_ui.py`` runs
it), with the hook and with it switched off, in turn, 12 start-ups each; the thread CPU time
spent in the Textual work the hook avoids, added up until 0.8 s after the first frame (median).
A start-up takes about 330 ms of CPU time. Measured and dropped (docs/PERFORMANCE.md): keeping
the parse cache through ``Stylesheet.reparse`` (six private attributes of ``Stylesheet``) saved
3 parses, 2.3-2.7 ms in all.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import App
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets.option_list import Option

from .keys import describe

# The hooks below are mixins, not subclasses of Textual's classes: making a class of Textual's
# costs about 0.25 ms at start-up (its bindings, reactives and handlers are collected), and
# the app and the main screen pay that once each, for their own class (docs/PERFORMANCE.md).
if TYPE_CHECKING:
    _AppBase = App[None]
    _ScreenBase = Screen[None]
else:
    _AppBase = _ScreenBase = object

#: The Textual version everything here was checked against.
TEXTUAL_VERSION = "8.2.8"

#: (class, private name) for every private name used below.
PRIVATE_NAMES: tuple[tuple[type, str], ...] = (
    (App, "_handle_exception"),
    (Screen, "_screen_resized"),
    (CommandPalette, "_start_no_matches_countdown"),
    (CommandPalette, "_stop_no_matches_countdown"),
    (CommandPalette, "_NO_MATCHES"),
    (CommandPalette, "_NO_MATCHES_COUNTDOWN"),
    (CommandPalette, "_list_visible"),
)
#: Private attributes Textual sets on every instance (checked on an instance by the test).
PRIVATE_INSTANCE_NAMES: tuple[tuple[type, str], ...] = (
    (DOMNode, "_bindings"),
    (CommandPalette, "_no_matches_timer"),
)


# -- 1. Binding descriptions in the UI language, for Textual's own key displays --------------
#
# Why: a binding's description is a key into ``text.strings``; the editor shows it through
# ``keys.describe`` (status line, F1, palette), but Textual's ``Footer`` and key panel show
# ``binding.description`` as it is, and a widget's bindings are made from its class when it is
# created. Textual has no public way to give an instance bindings of its own.
# Shown by: the snapshots in tests/ui/forms (the footer under the participants table and the
# remarks editor reads "Tilføj", "Slet" ...).


def translate_bindings(node: DOMNode) -> None:
    """Replace the descriptions and tooltips of ``node``'s bindings by their text in the UI
    language (``keys.describe``), for Textual's footer and key panel."""
    mapping = node._bindings.key_to_bindings
    for key, bindings in mapping.items():
        mapping[key] = [
            dataclasses.replace(
                binding,
                description=describe(binding.description),
                tooltip=describe(binding.tooltip),
            )
            for binding in bindings
        ]


# -- 2. A recovery copy before an unhandled error closes the editor ---------------------------
#
# Why: Textual catches every error raised in the app and exits from ``App._handle_exception``;
# by ``on_unmount`` the widgets are gone, and with them the text typed in the last half
# second (the section areas hand their text to the meeting after a pause). No public hook runs
# before that. Shown by: tests/safety/test_safety_editor_app.py
# (test_a_crash_in_the_editor_leaves_the_recovery_copy).


class CrashHook(_AppBase):
    """For an app (``class X(CrashHook, App[None])``): ``before_crash()`` runs when an
    unhandled error is about to close it."""

    def before_crash(self) -> None:
        """Called with the widgets still there; must not raise."""

    def _handle_exception(self, error: Exception) -> None:
        self.before_crash()
        super()._handle_exception(error)


# -- 3. No second layout of the first screen at the size it was just laid out for ------------
#
# Why: right after the first frame, start-up sends the screen its size more than once (the
# terminal's answer, the driver's first resize), each the size the frame was laid out for;
# ``Screen._screen_resized`` lays out the whole screen again each time. Skipped for a second,
# at that size only (a new size is always laid out). Measured: 3 layouts of the whole screen
# skipped (4 calls of ``_screen_resized`` against 1), 4.6-5.1 ms of thread CPU time in them
# (median, two runs), plus the repaint each one asks for.


class FirstLayout(_ScreenBase):
    """For a screen (``class X(FirstLayout, Screen[None])``): layouts at an unchanged size can
    be skipped for a while after its first frame."""

    _skip_size: Size | None = None
    _skip_until = 0.0

    def skip_same_size_layouts(self, size: Size, seconds: float) -> None:
        """For ``seconds`` from now, a resize to ``size`` does not lay the screen out again."""
        self._skip_size = size
        self._skip_until = time.monotonic() + seconds

    def _screen_resized(self, size: Size) -> None:
        skip = self._skip_size
        if skip is not None and size == skip and time.monotonic() < self._skip_until:
            return
        self._skip_size = None
        super()._screen_resized(size)


# -- 4. The command palette's "no matches" line in the UI language ----------------------------
#
# Why: ``CommandPalette`` writes "No matches found" itself, in English, from a private method;
# there is no public text to set. Shown by: tests/ui/test_ui_textual_private.py
# (test_no_matches_is_said_in_the_ui_language).


@functools.cache
def no_matches_text_palette() -> type[CommandPalette]:
    """Textual's command palette with its "no matches" line from ``no_matches_text()``.

    The class is made the first time the palette opens: start-up makes no palette, and a
    class of Textual's costs 0.4 ms to make (docs/PERFORMANCE.md)."""

    class NoMatchesTextPalette(CommandPalette):
        """Textual's command palette with its "no matches" line from ``no_matches_text()``."""

        def no_matches_text(self) -> str:
            return "No matches found"

        def _start_no_matches_countdown(self, search_value: str) -> None:
            self._stop_no_matches_countdown()

            def show_no_matches() -> None:
                if search_value:
                    self.query_one(CommandList).add_option(
                        Option(
                            Align.center(Text(self.no_matches_text(), style="not bold")),
                            disabled=True,
                            id=self._NO_MATCHES,
                        )
                    )
                    self._list_visible = True
                else:
                    self._list_visible = False

            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)

    return NoMatchesTextPalette
