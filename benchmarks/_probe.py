"""Child process for the start-up, memory and bytes-per-character figures.

    python benchmarks/_probe.py (referat|bare) FILE MODE [OUT]

MODE ``startup``: write ``time.time()`` to OUT when the first frame is displayed (Textual's
Ready event), then exit. MODE ``idle``: run until killed. MODE ``memory``: exit after the first
frame; the parent reads the peak RSS from ``wait4``. Cursor blink is off in both apps so that a
blinking cursor does not count as output.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea

_original_init = TextArea.__init__


def _no_blink_init(self: TextArea, *args: object, **kwargs: object) -> None:
    _original_init(self, *args, **kwargs)
    self.cursor_blink = False


TextArea.__init__ = _no_blink_init  # type: ignore[method-assign]


class BareApp(App[None]):
    """The baseline: a bare Textual app holding one Markdown TextArea with the same text."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        text = self.path.read_text("utf-8")
        yield Static(self.path.name)
        yield TextArea.code_editor(text, language="markdown", soft_wrap=True, id="text")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


def main() -> int:
    which, file, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    out = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    original_post = App.post_message

    def post_message(self: App, message: object) -> bool:
        if isinstance(message, events.Ready) and mode in ("startup", "memory"):
            if out is not None:
                out.write_text(repr(time.time()))
            self.call_after_refresh(self.exit)
        return original_post(self, message)  # type: ignore[arg-type]

    App.post_message = post_message  # type: ignore[method-assign]
    if which == "bare":
        BareApp(Path(file)).run()
        return 0
    from tui_referat.cli import main as cli_main

    return cli_main(["edit", file])


if __name__ == "__main__":
    sys.exit(main())
