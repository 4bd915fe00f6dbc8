"""A monkey at the keyboard: random key sequences on the Danish sample, and what must hold.

Each example opens a fresh copy of samples/arbejdsgruppe.toml at 80x24, presses 10-40 keys
drawn from what a secretary types while writing a meeting (letters with æøå, digits, space,
Tab / Shift+Tab, Enter, Esc, arrows, Home / End, F5 / F6, the agenda's and the lists' letter
keys a, d, x, e, K, J, ctrl+z / ctrl+y, ctrl+s, ctrl+r), and checks:

1. no exception: no handler raised (``run_test`` re-raises it when the app closes) and the app
   is still running after the keys;
2. the file on disk changes only on ctrl+s: between two ctrl+s (and before the first) it keeps
   its bytes, and after a ctrl+s that saved, the file loads to the meeting in the session;
3. after a final ctrl+s (dialogs closed with Esc first) the file loads to exactly the meeting
   in the session, and the item editor shows that item: its section texts, its title, the
   agenda's cursor, the selected remark's text;
4. undo all, then redo all, gives back the same meeting: through the session, then again with
   ctrl+z / ctrl+y in the agenda (typed section text is not in the undo history by design, so
   everything on screen is applied first).

By default a small, fixed (derandomized) set of examples runs, so CI is quick and
reproducible. For a bug hunt, ask for more, drawn at random each run::

    REFERAT_MONKEY_EXAMPLES=500 .venv/bin/python -m pytest tests/ui/test_ui_monkey.py -q

Hypothesis prints the shrunk key sequence of a failure ("Falsifying example: ... keys=[...]");
it can be replayed with ``run_keys`` below, or added as an ``@example``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, TextArea

from tui_referat.config import Config
from tui_referat.model import Meeting, Remark, RemarkSource
from tui_referat.storage import load_meeting
from tui_referat.ui.forms import RemarksEditor
from tui_referat.ui.item_widgets import SectionArea, item_text
from tui_referat.ui.main_screen import MainScreen
from tui_referat.ui.nav import Node

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"

#: Examples per run: a few fixed ones in CI (about 30 s on two cores), more on request.
DEFAULT_EXAMPLES = 20
_WANTED = os.environ.get("REFERAT_MONKEY_EXAMPLES", "").strip()
EXAMPLES = int(_WANTED) if _WANTED else DEFAULT_EXAMPLES
#: A longer run is a bug hunt: new sequences every time. The default run is the same every time.
DERANDOMIZE = not _WANTED

#: Keys as ``pilot.press`` names them. Plain letters first (Hypothesis shrinks towards the
#: front), so a shrunk failure keeps only the keys that matter.
TYPING = (*"etskndrmjyuwqc", "æ", "ø", "å", "Ø", "space", "1", "5", "0", "backspace")
COMMANDS = (
    "a",
    "d",
    "x",
    "e",
    "K",
    "J",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "f5",
    "f6",
    "ctrl+z",
    "ctrl+y",
    "ctrl+s",
    "ctrl+r",
)
KEYS = st.lists(st.sampled_from((*TYPING, *COMMANDS)), min_size=10, max_size=40)


def keys_of(text: str) -> list[str]:
    """ "enter f6 a" -> ["enter", "f6", "a"]."""
    return text.split()


#: Fixed sequences that matter: the tests at the end run them with every check above.
EMPTY_REMARKS = keys_of("enter f6 f6 a d")  # "a d" on an item without remarks
NEW_REMARK_SAVED = keys_of("enter f6 f6 a Ø k tab s enter t e k s t ctrl+s")


def plain(value: Any) -> Any:
    """The model as dicts and lists of the fields that take part in equality (a deep copy
    that leaves out the ``origin`` handles, which cannot be copied)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare
        }
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def split_at_saves(keys: list[str]) -> list[tuple[list[str], bool]]:
    """``[a, b, ctrl+s, c]`` -> ``[([a, b], True), ([c], False)]``."""
    parts: list[tuple[list[str], bool]] = []
    chunk: list[str] = []
    for key in keys:
        if key == "ctrl+s":
            parts.append((chunk, True))
            chunk = []
        else:
            chunk.append(key)
    parts.append((chunk, False))
    return parts


async def close_dialogs(app: Any, pilot: Any) -> None:
    """Esc until the main screen is on top (a delete question, the kind list …)."""
    for _ in range(5):
        if isinstance(app.screen, MainScreen):
            return
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(app.screen, MainScreen), f"Esc does not close {app.screen!r}"


def check_screen_shows(app: Any, saved: Meeting) -> None:
    """The item editor shows the item of the saved meeting it says it shows."""
    screen: MainScreen = app.screen
    meeting = app.session.meeting
    nav = screen.nav
    editor = screen.item_editor
    if screen.switcher.current != "node-item":
        assert nav.node.kind != "item", f"the agenda is on {nav.node}, the editor on a form"
        return
    assert editor.item is not None
    index = editor.index
    assert 0 <= index < len(meeting.items), f"the editor shows item {index + 1}, gone"
    assert editor.item is meeting.items[index], "the editor shows an item not on the agenda"
    if nav.node.kind == "item":
        assert nav.node == Node("item", index), f"agenda on {nav.node}, editor on item {index}"
    shown = saved.items[index]
    active = editor.active_area
    if active is not None:
        assert active.text == item_text(shown, active.key), f"section {active.key!r}"
    for area in editor.query(SectionArea):
        assert area.text == item_text(shown, area.key), f"section {area.key!r} (not active)"
    assert editor.query_one("#item-title", Input).value == shown.title
    for form in editor.query(RemarksEditor):
        remark = form.selected
        if remark is None:
            continue
        assert any(r is remark for r in editor.item.remarks), "a remark of another item shown"
        assert form.query_one("#text", TextArea).text == remark.text


async def check_undo_redo(app: Any, pilot: Any) -> None:
    """Undo everything, redo everything: the same meeting (session API, then the keys)."""
    screen: MainScreen = app.screen
    session = app.session
    screen.set_focus(screen.nav)  # ctrl+z in a text area is the text's own undo
    await pilot.pause()
    presses = 0
    while session.history.can_redo:  # steps undone by the keys: "all" is with them redone
        await pilot.press("ctrl+y")
        presses += 1
        assert presses < 1000
    await pilot.pause()
    screen.flush_pending()  # typed text is not in the history: applied, it is the baseline
    top = plain(session.meeting)
    steps = 0
    while session.undo() is not None:
        steps += 1
        assert steps < 1000
    bottom = plain(session.meeting)
    while session.redo() is not None:
        steps -= 1
    assert steps == 0, "redo did not redo every step undo undid"
    assert plain(session.meeting) == top, "undo all + redo all (session) changed the meeting"

    # The same with the keys: every step reloads the screen and applies what it shows first.
    for key, more in (("ctrl+z", "can_undo"), ("ctrl+y", "can_redo")):
        presses = 0
        while getattr(session.history, more):
            await pilot.press(key)
            presses += 1
            assert presses < 1000
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), f"{key} opened {app.screen!r}"
        screen.flush_pending()
        wanted = bottom if key == "ctrl+z" else top
        assert plain(session.meeting) == wanted, f"{key} x{presses} (keys) gave another meeting"


async def run_keys(path: Path, keys: list[str]) -> Meeting:
    """Press ``keys`` on ``path`` and check the invariants; the meeting saved at the end."""
    from tui_referat.app import ReferatApp

    on_disk = path.read_bytes()
    app = ReferatApp(path, lang="da", config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        for chunk, then_save in split_at_saves(keys):
            await pilot.press(*chunk)
            await pilot.pause()
            assert app.return_code is None, "the app exited"
            assert path.read_bytes() == on_disk, "the file changed without ctrl+s"
            if then_save:
                await pilot.press("ctrl+s")
                await pilot.pause()
                on_disk = path.read_bytes()
                if not app.session.dirty:  # saved (or nothing to save)
                    assert load_meeting(path) == app.session.meeting, "saved != session"
        await close_dialogs(app, pilot)
        await pilot.pause(0.1)  # the editor follows the agenda's cursor after a rest
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), f"ctrl+s opened {app.screen!r}"
        assert not app.session.dirty, "ctrl+s left the meeting unsaved"
        saved = load_meeting(path)
        assert saved == app.session.meeting, "the file differs from the meeting in the session"
        check_screen_shows(app, saved)
        await check_undo_redo(app, pilot)
        assert app.return_code is None, "the app exited"
    assert app.return_code in (None, 0)
    return saved


def run_on_fresh_copy(keys: list[str]) -> Meeting:
    """``run_keys`` on a copy of the sample in a directory of its own."""
    with tempfile.TemporaryDirectory(prefix="referat-monkey-") as folder:
        path = Path(folder) / "meeting.toml"
        shutil.copyfile(SAMPLE, path)
        return asyncio.run(run_keys(path, keys))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=DERANDOMIZE,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(keys=KEYS)
def test_monkey_keys_keep_file_screen_and_undo_in_step(keys: list[str]) -> None:
    run_on_fresh_copy(keys)


def test_keys_on_an_empty_remarks_list_make_a_remark() -> None:
    """ "a" adds a remark to an item without remarks; "d" after it is typed in its topic."""
    saved = run_on_fresh_copy(EMPTY_REMARKS)
    assert [remark.topic for remark in saved.items[0].remarks] == [["d"]]


def test_a_remark_typed_at_full_speed_is_saved() -> None:
    saved = run_on_fresh_copy(NEW_REMARK_SAVED)
    [remark] = saved.items[0].remarks
    assert isinstance(remark, Remark)
    assert (remark.topic, remark.source, remark.text) == (["Øk"], RemarkSource.WRITTEN, "tekst")
