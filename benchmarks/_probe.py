"""Child process for the terminal figures: start-up, memory, key presses, moves, bytes.

    python benchmarks/_probe.py (referat|bare) FILE MODE [OUT]

MODE ``idle``: run until killed; the parent types into the pseudo-terminal, reads what comes
back and reads /proc for memory. With OUT, ``time.time()`` is written there at Textual's Ready
event (posted right after the first compositor refresh), so the parent knows the first frame
is out. MODE ``startup``: the same, then exit after that refresh. Cursor blink is off in both
apps so that a blinking cursor does not count as output.
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
    """The baseline: a bare Textual app holding one Markdown TextArea with the same text.

    Configured like the editor's section areas (Markdown highlighting, soft wrap, no line
    numbers), so the comparison is of the app around the text area, not of two text areas.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        text = self.path.read_text("utf-8")
        yield Static(self.path.name)
        yield TextArea(
            text, language="markdown", soft_wrap=True, show_line_numbers=False, id="text"
        )

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


def main() -> int:
    which, file, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    out = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    original_post = App.post_message

    def post_message(self: App, message: object) -> bool:
        if isinstance(message, events.Ready) and out is not None:
            if mode in ("startup", "idle"):
                out.write_text(repr(time.time()))
            if mode == "startup":
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
