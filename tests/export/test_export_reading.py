"""What a member notices when reading the minutes: layout fixes found by looking at the exports."""

from __future__ import annotations

import datetime as dt
import re

from tui_referat.domain.model import Remark, RemarkSource
from tui_referat.export import render

from .conftest import built_meeting


def _out(meeting, fmt: str) -> str:
    return render(meeting, fmt).decode()


def _list_remark_meeting():
    meeting = built_meeting()
    item = meeting.items[2]
    item.remarks = [
        Remark("- Første punkt.\n- Andet punkt.", topic=["Database"]),
        Remark(
            "Et afsnit fra en skriftlig bemærkning, der er lang nok til at skulle ombrydes "
            "i tekstudgaven.",
            RemarkSource.WRITTEN,
            ["Database"],
            author="Carl Dahl",
            received=dt.date(2025, 9, 20),
        ),
        Remark("- Et punkt.\n- Et andet.", RemarkSource.WRITTEN, ["Database"], author="Bo Berg"),
    ]
    return meeting


def test_a_remark_written_as_a_list_shows_as_separate_bullets() -> None:
    meeting = _list_remark_meeting()
    text = _out(meeting, "text")
    assert "- - " not in text
    assert "  - Første punkt.\n  - Andet punkt.\n" in text
    for fmt in ("html", "email"):
        html = _out(meeting, fmt)
        assert not re.search(r"<li[^>]*>\s*<ul", html), fmt  # no bullet holding only a list
        assert html.count("Første punkt.") == 1


def test_text_attribution_opens_the_remark_paragraph() -> None:
    text = _out(_list_remark_meeting(), "text")
    # Beside a remark that is not one line, a remark is a paragraph, not a bullet.
    assert "\n  (Carl Dahl, modtaget 20. september 2025) Et afsnit fra en skriftlig\n" in text
    # A remark that is a list has its attribution on a line of its own, then its bullets.
    assert "  (Bo Berg)\n  - Et punkt.\n  - Et andet.\n" in text


def test_text_never_splits_a_presenters_name_over_two_lines() -> None:
    meeting = built_meeting()
    meeting.items[1].title = "Datadeling på tværs af regionerne, kommunerne og staten"
    text = _out(meeting, "text")
    for name in ("Carl Dahl", "Bo Berg"):
        assert not re.search(name.replace(" ", r"\n\s*"), text), name
    assert "Carl Dahl og Bo Berg" in text


def test_text_keeps_an_actions_owner_and_due_date_whole() -> None:
    meeting = built_meeting("en")
    meeting.items[2].actions[0].text = "Send the overview to all the members of the group"
    text = _out(meeting, "text")
    assert "— Bo Berg,\n      due 1 October 2025\n" in text


def test_html_page_sets_chair_and_secretary_beside_date_and_place() -> None:
    html = _out(built_meeting(), "html")
    cols = html[html.index('<div class="facts-cols">') :]
    cols = cols[: cols.index("</div>")]
    when, who = cols.split("</table>")[:2]
    assert "Dato:" in when and "Sted:" in when and "Mødeleder" not in when
    assert "Mødeleder:" in who and "Sekretær:" in who
    # Mail clients get one column: a phone has no room for two.
    assert "facts-cols" not in _out(built_meeting(), "email")


def test_everything_under_a_subtopic_is_indented_with_it() -> None:
    html = _out(built_meeting(), "html")
    section = html[html.index("Bo orienterede") : html.index("<h3>Problemstilling</h3>")]
    sourcing = section[section.index("Sourcing") : section.index("Database")]
    assert '<p class="written-label sub">' in sourcing
    assert '<ul class="remarks written sub">' in sourcing
    database = section[section.index("Database") :]
    assert "sub" not in database.split('class="remarks-note"')[0]  # no subtopic: not indented


def test_email_sheet_is_fluid_on_phones_and_fixed_in_outlook() -> None:
    html = _out(built_meeting(), "email")
    sheet = re.search(r'<table class="sheet"[^>]*>', html) or re.search(
        r'<table[^>]*class="sheet"[^>]*>', html
    )
    assert sheet is not None
    assert 'width="680"' in sheet.group(0)
    assert "width:100%;max-width:680px" in sheet.group(0)
    assert "table-layout:fixed" in sheet.group(0)  # a long word cannot widen it
    # Outlook ignores max-width: only it sees a fixed 680 px table around the sheet.
    assert '<!--[if mso]><table role="presentation" width="680"' in html
    assert '<meta name="color-scheme" content="light only">' in html


def test_email_lists_are_indented_by_margin_and_participants_are_table_rows() -> None:
    html = _out(built_meeting(), "email")
    # Outlook ignores padding on lists: the indent is a margin.
    for opening in re.findall(r"<ul\b[^>]*>", html):
        assert re.search(r"margin:0 0 10px (24|40)px", opening), opening
    assert '<ul class="participants"' not in html
    assert re.search(r'<table class="participants"[^>]*role="presentation"', html)
    assert re.search(r'>Carl Dahl</td><td class="participant-details"[^>]*>senior bioinf', html)


def test_email_case_header_sits_top_right() -> None:
    html = _out(built_meeting(), "email")
    head = html[: html.index("<h1")]
    assert re.search(r'<td class="doc-case"[^>]*align="right"', head)
    assert "Sagsnr.:" in head


def test_email_draft_marker_is_a_bordered_box_with_or_without_a_case_header() -> None:
    from tui_referat.domain.model import Meeting

    for meeting in (built_meeting(), Meeting(title="Møde")):
        html = _out(meeting, "email")
        box = re.search(r'<td class="marker draft" style="([^"]*)">UDKAST</td>', html)
        assert box is not None and "border:2px solid #b00020" in box.group(1)
