"""The export screen: file modes as a normal create, the .eml attach box, themes only for HTML."""

from __future__ import annotations

import os
import shutil
import stat
import threading
from pathlib import Path

from textual.widgets import Select

from tui_referat.storage.session import Session
from tui_referat.text.words import say, say_count, set_lang
from tui_referat.tui.screens.export_screen import ExportScreen, write_export

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_a_new_export_follows_the_umask_and_an_existing_file_keeps_its_mode(meeting_file):
    session = Session.open(meeting_file)
    old = os.umask(0o022)
    try:
        fresh = write_export(session, "md", None, meeting_file.with_suffix(".md"))
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = meeting_file.with_suffix(".txt")
        kept.write_text("old")
        kept.chmod(0o600)
        write_export(session, "text", None, kept)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert kept.read_text("utf-8") != "old"
    finally:
        os.umask(old)


def test_export_screen_writes_through_a_symlink_and_into_a_fifo(meeting_file: Path) -> None:
    session = Session.open(meeting_file)
    real = meeting_file.parent / "real.md"
    real.write_text("old")
    link = meeting_file.parent / "link.md"
    link.symlink_to(real.name)
    assert write_export(session, "md", None, link) == real
    assert link.is_symlink() and real.read_text("utf-8") != "old"
    fifo = meeting_file.parent / "pipe.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_export(session, "md", None, fifo)
    reader.join(10)
    assert got == [real.read_bytes()]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


async def test_eml_attach_shows_its_state_in_text_and_is_on_when_files_exist(
    meeting_file, make_app
):
    shutil.copytree(SAMPLES / "bilag", meeting_file.parent / "bilag")
    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        theme_row = screen.query_one("#export-theme-row")
        assert theme_row.display  # html: themes apply
        screen.query_one("#export-format", Select).value = "eml"
        await pilot.pause()
        assert not theme_row.display  # eml ignores the theme
        box = screen.query_one("#export-attach")
        assert box.display and box.value
        assert "[x]" in str(box.render())
        box.toggle()
        await pilot.pause()
        assert "[ ]" in str(box.render())
        screen.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert not box.display and not theme_row.display


def test_recovery_counts_say_one_line_not_one_lines() -> None:
    set_lang("da")
    assert say_count("recovery.lines", 1) == "1 linje"
    assert say_count("recovery.lines", 3) == "3 linjer"
    assert say_count("recovery.items", 1) == " i 1 punkt"
    set_lang("en")
    assert say_count("recovery.lines", 1) == "1 line"
    assert "{" not in say("recovery.differs", added="1 line", removed=2, items="")
    set_lang("da")


async def test_an_eml_export_names_who_gets_no_mail(tmp_path: Path, make_app) -> None:
    """The board sample has one participant without an email address: the editor says so
    after writing the draft, as referat export does."""
    path = tmp_path / "board.toml"
    shutil.copy(SAMPLES / "board-meeting.toml", path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#export-format", Select).value = "eml"
        await pilot.pause()
        await pilot.press("ctrl+e")  # export
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any(
            "Udkastet er ikke adresseret til: Hannah Brooks (ingen mailadresse)" in m for m in said
        ), said
    assert path.with_suffix(".eml").exists()


async def test_the_dialog_writes_a_word_file_next_to_the_meeting(meeting_file, make_app) -> None:
    import docx

    app = make_app(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        select = screen.query_one("#export-format", Select)
        assert "docx" in screen.formats and say("export.format.docx") == "Word (.docx)"
        select.value = "docx"  # an option of the dropdown (Textual refuses any other value)
        await pilot.pause()
        assert not screen.query_one("#export-theme-row").display  # Word has no theme
        assert not screen.query_one("#export-attach").display
        assert screen.query_one("#export-path").value == str(meeting_file.with_suffix(".docx"))
        await pilot.press("ctrl+e")  # export
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = meeting_file.with_suffix(".docx")
    document = docx.Document(str(written))
    assert document.paragraphs[1].style.name == "Title"
