"""``ReferatApp``: wires the screens, bindings, themes, keymap and command palette. Nothing else."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.filter import LineFilter, Monochrome, NoColor
from textual.screen import Screen
from textual.widgets import Input

from ..storage.config import Config, load_config
from ..storage.session import Session
from ..text import words
from .flows.safety_flow import SafetyFlow
from .inert_filter import inert_line_filters
from .keys import key_display
from .screens.main_screen import MainScreen
from .textual_private import CrashHook
from .themes import DEFAULT_THEME, load_themes
from .typeahead import Typeahead
from .widgets.nav import NavPanel

#: Seconds after the first frame before the file's tomlkit document is made in a thread.
DOCUMENT_DELAY = 1.0

#: NO_COLOR with a theme of the terminal's own colours (referat-16): Textual chooses its
#: filter before the theme is set and picks one that makes the default colours black.
_NO_COLOR = NoColor()


def _referat_commands() -> type:
    """The palette's command provider, imported when the palette first opens."""
    from .palette import ReferatCommands  # start-up: 14 ms, with the forms (PERFORMANCE.md)

    return ReferatCommands


class ReferatApp(CrashHook, App[None]):
    """The editor. ``ReferatApp(path)`` loads ``path`` (``MeetingFileError`` if it cannot)."""

    TITLE = "referat"
    #: The main screen's stylesheets, read with the app's own: as the screen's CSS_PATH they
    #: would be read when it is first shown, and every stylesheet parsed once more then.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "screens/main_screen.tcss",
        "widgets/nav.tcss",
        "widgets/status.tcss",
    ]
    COMMANDS: ClassVar[set] = {_referat_commands}
    #: While True, ``get_css_variables`` makes none (see ``__init__``).
    _theme_pending = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "request_quit", "quit", tooltip="quit.tip", priority=True, id="quit"),
        Binding(
            "ctrl+p",
            "command_palette",
            "palette",
            tooltip="palette.tip",
            priority=True,
            id="palette",
        ),
        Binding("f1", "help", "help", tooltip="help.tip", id="help"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        path: Path | str,
        theme: str | None = None,
        lang: str | None = None,
        *,
        read_only: bool = False,
        session: Session | None = None,
        config: Config | None = None,
    ) -> None:
        self.config = load_config() if config is None else config
        words.set_lang(lang or self.config.lang or words.detect_lang())
        #: The open meeting; ``show_session`` replaces it.
        self.session = session or Session.open(path, read_only=read_only)
        self._wanted_theme = theme or self.config.theme or DEFAULT_THEME
        #: While True, ``get_css_variables`` makes none: Textual's ``__init__`` asks for the
        #: default theme's, which this app replaces before any stylesheet is read.
        self._theme_pending = True
        super().__init__()
        self._theme_pending = False
        #: Keys one at a time, each all the way through (see typeahead.py).
        self.typeahead = Typeahead(self, super().on_event)
        #: Lock, recovery copy and disk watch for the session (see flows/safety_flow.py).
        self.safety = SafetyFlow(self)
        #: The safety steps' guard (no Textual): the recovery copy, the lock, the disk watch.
        self.guard = self.safety.guard
        self.typeahead.after_key = self.guard.typed  # typing starts the copy's clock
        #: Binding id -> keys, from the config (the F1 help and the palette show these keys).
        self.keymap: dict[str, str] = dict(self.config.keymap)
        self.set_keymap(self.keymap)
        self._problems = list(self.config.problems)
        themes, problems = load_themes()
        self._problems += problems
        for theme_object in themes:
            self.register_theme(theme_object)
        #: The editor's own themes (bundled and the user's): "change theme" cycles these.
        self.own_themes = [theme_object.name for theme_object in themes]
        if self._wanted_theme not in self.available_themes:
            self._problems.append(words.say("theme.unknown", name=self._wanted_theme))
            self._wanted_theme = DEFAULT_THEME
        if self._wanted_theme in self.available_themes:
            self._first_theme(self._wanted_theme)
        else:
            self.stylesheet.set_variables(self.get_css_variables())

    def get_css_variables(self) -> dict[str, str]:
        """The theme's CSS variables; none while the app is being made (making them for
        Textual's default theme, only to replace them, cost 0.6 ms of start-up)."""
        if self._theme_pending:
            return {}
        return super().get_css_variables()

    def _first_theme(self, name: str) -> None:
        """Set the theme before the app runs. Setting ``theme`` queues a restyle of the app
        and a parse of every stylesheet again (7 ms at start-up, docs/PERFORMANCE.md); when
        the theme is as dark and as ANSI as Textual's default, the stylesheet only needs the
        theme's variables, which it reads at its first parse."""
        current, theme = self.current_theme, self.available_themes[name]
        if (theme.dark, theme.ansi) != (current.dark, current.ansi):
            self.theme = name  # the colour filter and the dark/light classes change too
            return
        self.set_reactive(App.theme, name)
        self.add_class(f"-theme-{name}", update=False)
        self.stylesheet.set_variables(self.get_css_variables())

    async def on_event(self, event: events.Event) -> None:
        if Typeahead.wants(event):
            await self.typeahead.take(event)  # type: ignore[arg-type]
            return
        await super().on_event(event)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Every rendered line passes ``InertControls``: no escape sequence from a meeting file
        ever reaches the terminal raw."""
        filters = list(super().get_line_filters())
        if self.no_color and self.native_ansi_color:
            filters = [_NO_COLOR if isinstance(f, Monochrome) else f for f in filters]
        return inert_line_filters(filters)

    def get_key_display(self, binding: Binding) -> str:
        """ "^S", "F1", "Esc", "^↑/K": short, and every key of a binding."""
        return key_display(binding)

    def get_default_screen(self) -> Screen:
        """The main screen itself when no lock or recovery dialog has to come first: pushing
        it over a blank first screen would draw twice and style every widget twice."""
        if self.safety.prepare():
            return MainScreen(self.session, self.safety, first=True)
        return super().get_default_screen()

    def on_ready(self) -> None:
        # The first frame is out: cyclic garbage collection again (off during start-up, see
        # commands/edit.py). What start-up made (modules, classes, the screen) lives as long
        # as the app: frozen, so collections do not walk it again and again.
        gc.freeze()
        gc.enable()
        # The file's tomlkit document (for saving) is made in the background a moment later.
        self.set_timer(DOCUMENT_DELAY, self._prepare_document)

    def _prepare_document(self) -> None:
        session = self.session
        threading.Thread(target=session.prepare_document, name="document", daemon=True).start()

    def on_mount(self) -> None:
        for problem in self._problems:
            self.notify(problem, title=words.say("theme.problem"), severity="warning", timeout=10)
        unknown = unknown_key_notice(self.session)
        if unknown:  # markup off: the keys come from the file
            title = words.say("unknown.title")
            self.notify(unknown, title=title, severity="warning", timeout=10, markup=False)
        # Lock and recovery dialogs first; the main screen gets the session they decide on.
        self.safety.open_meeting(self._show_main)

    def _show_main(self) -> None:
        if self.main_screen is None:
            self.push_screen(MainScreen(self.session, self.safety))

    def show_session(self, session: Session) -> None:
        """Edit ``session`` from now on (a restored recovery copy, the file read again, the
        next meeting): the one way the open meeting is replaced. The main screen, if shown,
        shows it; the safety steps have moved the guard to it already."""
        self.session = session
        main = self.main_screen
        if main is not None:
            main.load(session)

    def on_unmount(self) -> None:
        self.safety.shutdown()

    def before_crash(self) -> None:
        # Textual catches every error in the app; keep the user's work before it closes.
        self.safety.crash_save()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """A text field that loses the focus shows the start of its text, not the end."""
        if isinstance(event.widget, Input) and not event.widget.has_focus:
            event.widget.cursor_position = 0

    def on_nav_panel_highlighted(self, message: NavPanel.Highlighted) -> None:
        """Moving between items: the recovery copy is written now if anything is unsaved."""
        self.guard.item_switched()

    @property
    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    def action_request_quit(self) -> None:
        """Quit, asking first when there are unsaved changes."""
        from .dialogs.confirm import QuitDialog  # start-up: 1.2 ms (docs/PERFORMANCE.md)

        main = self.main_screen
        if main is not None:
            main.flush_pending()
        if self.session.revert_if_unchanged():  # saved, or typed back to what the file holds
            self.exit()
            return
        if isinstance(self.screen, QuitDialog):
            return

        def chosen(choice: str | None) -> None:
            if choice == "discard":
                self.guard.discard()  # quitting without saving on purpose: no recovery copy
            if choice == "discard" or (choice == "save" and main is not None and main.save()):
                self.exit()

        self.push_screen(QuitDialog(), chosen)

    def action_command_palette(self) -> None:
        """The command palette, in the UI language (see ``palette.py``)."""
        from .palette import ReferatPalette  # start-up: 14 ms, with the forms (PERFORMANCE.md)

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ReferatPalette())

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen  # start-up: 45 ms, every form (PERFORMANCE.md)

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))


def unknown_key_notice(session: Session) -> str:
    """One line about the keys of the opened file referat does not read ("" when none): how
    many, the first two with their lines, and where to see them all (``referat check``)."""
    from ..storage import unknown_keys

    found = unknown_keys(session.meeting, session.path)
    if not found:
        return ""
    first = ", ".join(
        words.say("unknown.at", name=problem.field, line=problem.line or 1) for problem in found[:2]
    )
    if len(found) > 2:
        first += ", …"
    return words.say_count("unknown.notice", len(found), first=first)
