"""The editor says once, on open, that the file has keys referat does not read (issue 14)."""

from __future__ import annotations

from pathlib import Path

from tui_referat.storage.session import Session
from tui_referat.tui.app import unknown_key_notice

from ..conftest import notifications


def _with_typos(meeting_file: Path) -> Path:
    text = meeting_file.read_text(encoding="utf-8")
    text = text.replace("\n[[items]]\n", '\n[[items]]\nminuts = "x"\n', 1)
    meeting_file.write_text('referat = "?"\ndato = [1]\n' + text, encoding="utf-8")
    return meeting_file


async def test_one_notice_on_open_with_the_first_two(meeting_file, make_app):
    app = make_app(_with_typos(meeting_file))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        said = [text for text in notifications(app) if "ukendte nøgler" in text]
    assert len(said) == 1
    assert said[0] == (
        "Ukendte nøgler\n"
        "3 ukendte nøgler i filen — se `referat check`: referat (linje 1), dato (linje 2), …"
    )


def test_the_notice_in_english_and_for_a_clean_file(meeting_file):
    from tui_referat.text import words

    assert unknown_key_notice(Session.open(meeting_file)) == ""
    meeting_file.write_text("farve = 'x'\n" + meeting_file.read_text(encoding="utf-8"))
    words.set_lang("en")
    try:
        notice = unknown_key_notice(Session.open(meeting_file))
    finally:
        words.set_lang("da")
    assert notice.startswith("1 unknown key in the file — see `referat check`: farve (line 1)")
