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

from tui_referat.config import Config

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests with ``asyncio.run`` (no async plugin is installed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
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
    from tui_referat.app import ReferatApp

    def factory(path: Path, lang: str = "da", config: Config | None = None, **kwargs):  # type: ignore[no-untyped-def]
        return ReferatApp(path, lang=lang, config=config or Config(), **kwargs)

    return factory


async def run_from_palette(pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    """ctrl+p, type ``query``, Enter: run the palette's best hit."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
