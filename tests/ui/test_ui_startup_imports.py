"""What `referat FILE` has imported when its first screen is drawn (docs/PERFORMANCE.md,
"Imports kept out of start-up"): the exports, sending, the importer, the palette, the dialogs,
the forms and their libraries come when first used, so the editor starts fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: Modules (and their submodules) the first screen does not need.
NOT_AT_START_UP = (
    "argparse",
    "babel",
    "css_inline",
    "docx",
    "email.utils",
    "hashlib",
    "markdown_it",
    "nh3",
    "tomlkit",
    "typst",
    "tui_referat.domain.agenda",
    "tui_referat.domain.checks",
    "tui_referat.domain.edits",
    "tui_referat.domain.open_actions",
    "tui_referat.domain.problems",
    "tui_referat.export",
    "tui_referat.importer",
    "tui_referat.outbox",
    "tui_referat.safety.recovery",
    "tui_referat.safety.recovery_aside",
    "tui_referat.storage.key_hints",
    "tui_referat.storage.send_config",
    "tui_referat.storage.values_write",
    "tui_referat.text.subject",
    "tui_referat.tui.dialogs",
    "tui_referat.tui.forms",
    "tui_referat.tui.palette",
    "tui_referat.tui.screens.export_screen",
    "tui_referat.tui.screens.help_screen",
    "tui_referat.tui.screens.send_screen",
    "tui_referat.tui.widgets.kind_menu",
    "tui_referat.tui.widgets.preview",
    "textual.widgets._label",
)

#: Runs `referat FILE` as the command line does, headless, and prints the modules loaded
#: once the first screen is drawn (then quits).
_CHILD = """
import sys
from tui_referat import cli
from tui_referat.tui.app import ReferatApp

run = ReferatApp.run


async def first_screen(pilot):
    app = pilot.app
    for _ in range(100):  # until the item editor is laid out: the first screen is drawn
        editors = app.screen.query("ItemEditor")
        if editors and editors.first().size.width:
            break
        await pilot.pause()
    assert editors and editors.first().size.width, app.screen
    print("\\n".join(sorted(sys.modules)))
    app.exit()


ReferatApp.run = lambda self: run(self, headless=True, size=(80, 24), auto_pilot=first_screen)
sys.exit(cli.main([sys.argv[1]]))
"""


def test_the_first_screen_imports_nothing_it_does_not_show(meeting_file: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(meeting_file)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "tui_referat.tui.screens.main_screen" in loaded  # the editor did start
    early = sorted(
        name
        for name in loaded
        if any(name == heavy or name.startswith(heavy + ".") for heavy in NOT_AT_START_UP)
    )
    assert not early, f"imported before the first screen: {early}"


def test_referat_file_gets_the_arguments_the_parser_would_give() -> None:
    """`referat FILE` skips the parser (argparse is not imported): same arguments."""
    from tui_referat.cli import build_parser
    from tui_referat.commands.edit import quick_args

    parsed = vars(build_parser("edit").parse_args(["edit", "m.toml"]))
    del parsed["handler"], parsed["command"]
    quick = quick_args(["edit", "m.toml"])
    assert quick is not None and vars(quick) == parsed
    for options in (["--read-only", "m.toml"], ["-h"], ["m.toml", "--lang", "en"], []):
        assert quick_args(["edit", *options]) is None  # the parser reads these
