"""Fixtures for the editor tests: no cursor blink, a copy of the Danish sample, an app factory."""

from __future__ import annotations

import asyncio
import inspect
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, TextArea

from tui_referat.storage.config import Config

from ..conftest import lines_in

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests with ``asyncio.run`` (no async plugin is installed): the test
    gets the fixtures and parameters its signature names (``funcargs`` also holds the autouse
    fixtures, which it does not take)."""
    test = pyfuncitem.obj
    if not inspect.iscoroutinefunction(test):
        return None
    names = inspect.signature(test).parameters
    asyncio.run(test(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes screenshots depend on timing."""
    for cls in (TextArea, Input):
        original = cls.__init__

        def init(self, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            _original(self, *args, **kwargs)
            self.cursor_blink = False

        monkeypatch.setattr(cls, "__init__", init)


@pytest.fixture
def meeting_file(tmp_path: Path) -> Path:
    """A private copy of samples/arbejdsgruppe.toml (with its attachment folder)."""
    target = tmp_path / "meeting.toml"
    shutil.copyfile(SAMPLE, target)
    return target


@pytest.fixture
def make_app() -> Callable[..., object]:
    """``make_app(path, lang="da", config=Config(), **kw)`` -> a ReferatApp."""
    from tui_referat.tui.app import ReferatApp

    def factory(path: Path, lang: str = "da", config: Config | None = None, **kwargs):  # type: ignore[no-untyped-def]
        return ReferatApp(path, lang=lang, config=config or Config(), **kwargs)

    return factory


class Editor:
    """``referat FILE`` in a real pseudo-terminal at 80x24 (pexpect): keys are written in
    bursts, as a fast typist, a paste or a slow SSH link delivers them."""

    def __init__(self, path: Path, lang: str = "da", size: tuple[int, int] = (24, 80)) -> None:
        import os
        import sys

        import pexpect

        env = dict(os.environ, TERM="xterm-256color")
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "tui_referat", str(path), "--lang", lang],
            dimensions=size,
            env=env,
            timeout=30,
            encoding="utf-8",
        )

    def expect(self, pattern: str) -> None:
        self.child.expect(pattern)

    def send(self, keys: str) -> None:
        """One write: every key in ``keys`` reaches the app at once."""
        self.child.send(keys)

    def quit(self) -> str:
        """ctrl+q and wait for the process to end; what it printed last."""
        import pexpect

        self.child.send("\x11")
        self.child.expect(pexpect.EOF)
        return self.child.before or ""

    def close(self) -> None:
        self.child.close(force=True)


@pytest.fixture
def editor_pty() -> Callable[..., Editor]:
    """``editor_pty(path, lang="da")``: an ``Editor`` that is closed after the test."""
    opened: list[Editor] = []

    def factory(path: Path, lang: str = "da") -> Editor:
        editor = Editor(path, lang)
        opened.append(editor)
        return editor

    yield factory
    for editor in opened:
        editor.close()


async def run_from_palette(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    """ctrl+p, type ``query``, Enter: run the palette's best hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


def agenda_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The agenda panel's rows as the screen shows them (inside its border and scroll bar),
    each cut at the panel's width and stripped of trailing blanks; the first row on top."""
    from tui_referat.tui.widgets.nav import NavPanel

    nav = app.screen.query_one(NavPanel)
    return [line.rstrip() for line in lines_in(app, nav.scrollable_content_region)]
