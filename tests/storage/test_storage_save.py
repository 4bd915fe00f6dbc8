"""Saving merges the model into the file: untouched bytes stay, edits stay minimal."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import shutil
from pathlib import Path

import pytest

from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    RemarkSource,
)
from tui_referat.storage import dumps_meeting, load_meeting, loads_meeting, save_meeting

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[Path]:
    return [DATA / "commented.toml", *sorted((ROOT / "samples").glob("*.toml"))]


def _changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed lines, added lines) between two texts."""
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += before.splitlines()[i1:i2]
            added += after.splitlines()[j1:j2]
    return removed, added


def _commented() -> tuple[str, Meeting]:
    text = (DATA / "commented.toml").read_text(encoding="utf-8")
    return text, loads_meeting(text)


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_untouched_file_saves_byte_identical(path: Path, tmp_path: Path) -> None:
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    save_meeting(load_meeting(copy), copy)
    assert copy.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_bundled_files_render_identically_through_tomlkit(path: Path) -> None:
    """Not just the untouched shortcut: the merged document itself renders the same text."""
    text = path.read_text(encoding="utf-8")
    meeting = loads_meeting(text)
    meeting.title += "!"
    meeting.title = meeting.title[:-1]
    assert dumps_meeting(meeting) == text
    assert meeting.origin.as_string() == text


def test_crlf_file_saves_byte_identical() -> None:
    text = (DATA / "commented.toml").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert dumps_meeting(loads_meeting(text)) == text


def test_editing_one_field_changes_only_its_line() -> None:
    text, meeting = _commented()
    meeting.participants[1].note = "from 18.25"
    assert _changes(text, dumps_meeting(meeting)) == (
        ['note = "from 18.20"'],
        ['note = "from 18.25"'],
    )


def test_editing_minutes_changes_only_the_minutes_lines() -> None:
    text, meeting = _commented()
    meeting.items[0].minutes = "Ada opened the meeting at 18.02.\nAll welcome.\n"
    removed, added = _changes(text, dumps_meeting(meeting))
    assert removed == ["Ada opened the meeting."]
    assert added == ["Ada opened the meeting at 18.02.", "All welcome."]


def test_replaced_value_keeps_its_comment() -> None:
    text, meeting = _commented()
    meeting.lang = "da"
    assert _changes(text, dumps_meeting(meeting)) == (
        ['lang   = "en"          # language of the minutes'],
        ['lang   = "da"          # language of the minutes'],
    )


def test_unchanged_values_keep_their_spelling() -> None:
    """ "18:00" and "19.30" and a date-only deadline stay as written."""
    _text, meeting = _commented()
    meeting.title = "Garden committee, meeting four"
    out = dumps_meeting(meeting)
    assert 'start = "18:00"' in out and 'end = "19.30"' in out
    assert "remarks_deadline = 2025-03-18\n" in out
    assert "title = 'Water butts'      # a literal string" in out


def test_new_key_goes_next_to_its_neighbour() -> None:
    text, meeting = _commented()
    meeting.items[2].time = dt.time(19, 0)
    meeting.participants[2].email = "cy@example.org"
    out = dumps_meeting(meeting)
    assert _changes(text, out)[1] == ['email = "cy@example.org"', 'time = "19:00"']
    assert 'kind = "B"\ntime = "19:00"\ndecision' in out
    assert 'name = "Cy Moss"\nemail = "cy@example.org"\nattendance' in out


def test_new_time_uses_the_language_separator() -> None:
    meeting = Meeting(title="T", lang="da", start=dt.time(9, 5))
    assert 'start = "09.05"' in dumps_meeting(meeting)
    meeting = Meeting(title="T", lang="en", start=dt.time(9, 5))
    assert 'start = "09:05"' in dumps_meeting(meeting)


def test_clearing_an_optional_value_removes_its_key() -> None:
    text, meeting = _commented()
    meeting.items[0].kind = None
    meeting.date = None
    removed, added = _changes(text, dumps_meeting(meeting))
    assert removed == ["date = 2025-03-11", 'kind = "O"'] and added == []


def test_comments_and_unknown_keys_survive_edits_everywhere() -> None:
    text, meeting = _commented()
    meeting.title = "Changed"
    for item in meeting.items:
        item.minutes += "More.\n"
    for person in meeting.participants:
        person.note = "n"
    out = dumps_meeting(meeting)
    for line in text.splitlines():
        if "#" in line and not line.startswith("title  ="):
            assert line in out
    for unknown in ('colour = "green"', "shoe_size = 38", 'mood = "grumpy"'):
        assert unknown in out


def test_reordering_items_keeps_each_tables_comments() -> None:
    text, meeting = _commented()
    meeting.items.reverse()
    out = dumps_meeting(meeting)
    again = loads_meeting(out)
    assert [i.title for i in again.items] == ["Compost rota", "Water butts", "Welcome"]
    water = out.index("[[items]]\ntitle = 'Water butts'      # a literal string")
    assert out.index('mood = "grumpy"') > water
    assert out.index('text = "Buy lids."         # trailing comment on text') > water
    assert '\n\n[[items]]\ntitle = "Welcome"' in out
    assert sorted(out.splitlines()) == sorted(text.splitlines())


def test_moving_a_remark_between_items_carries_its_table() -> None:
    _, meeting = _commented()
    remark = meeting.items[1].remarks.pop(0)
    meeting.items[0].remarks.append(remark)
    out = dumps_meeting(meeting)
    again = loads_meeting(out)
    assert again.items[0].remarks == [remark]
    assert len(again.items[1].remarks) == 1
    assert 'mood = "grumpy"' in out


def test_inserting_and_deleting_objects() -> None:
    _text, meeting = _commented()
    meeting.participants.insert(1, Participant("Di Fern", attendance=Attendance.ABSENT))
    del meeting.participants[3]
    meeting.items.insert(1, AgendaItem("Bees", kind=Kind.DECISION, minutes="Yes.\nTwo hives.\n"))
    meeting.items[3].actions.append(Action("Buy seeds", owner="Ada Quill"))
    meeting.items[3].attachments.append(Attachment("Rota", "rota.pdf"))
    meeting.items[0].remarks.append(Remark("Nice.", RemarkSource.WRITTEN, received=None))
    out = dumps_meeting(meeting)
    again = loads_meeting(out)
    assert again == meeting
    assert "\n\n\n" not in out
    assert '[[items]]\ntitle = "Bees"\nkind = "B"\nminutes = """\nYes.\nTwo hives.\n"""\n' in out
    assert '[[participants]]\nname = "Di Fern"\nattendance = "absent"\n\n' in out
    assert 'name = "Cy Moss"' not in out
    # a second save of the same model changes nothing more
    assert dumps_meeting(meeting) == out


def test_deleting_every_item_and_the_next_meeting() -> None:
    _, meeting = _commented()
    meeting.items.clear()
    meeting.next_meeting = None
    out = dumps_meeting(meeting)
    assert "[[items" not in out and "[next_meeting]" not in out
    assert loads_meeting(out) == meeting


def test_adding_the_next_meeting_and_header_to_a_file_without_them() -> None:
    meeting = loads_meeting('format = 1\ntitle = "T"\n\n[[items]]\ntitle = "A"\n')
    meeting.next_meeting = NextMeeting(date=dt.date(2025, 6, 1), location="Hall")
    meeting.header.append(meeting.header.__class__())  # an empty list stays empty
    from tui_referat.domain.model import CaseField

    meeting.header = [CaseField("case_no", "42")]
    out = dumps_meeting(meeting)
    assert out.index("[[header]]") < out.index("[[items]]") < out.index("[next_meeting]")
    assert '[[items]]\ntitle = "A"\n\n[next_meeting]\n' in out
    assert loads_meeting(out) == meeting


def test_new_meeting_file_reads_naturally() -> None:
    meeting = Meeting(
        title="Board",
        lang="en",
        date=dt.date(2025, 2, 3),
        participants=[Participant("Ann")],
        items=[
            AgendaItem("Welcome", minutes="Hi.\n", remarks=[Remark("Fine")]),
            AgendaItem("Budget", kind=Kind.DECISION),
        ],
    )
    out = dumps_meeting(meeting)
    assert out == (
        'format = 1\nlang = "en"\nstatus = "draft"\ntitle = "Board"\ndate = 2025-02-03\n'
        '\n[[participants]]\nname = "Ann"\nattendance = "present"\n'
        '\n[[items]]\ntitle = "Welcome"\nminutes = """\nHi.\n"""\n'
        '\n[[items.remarks]]\nsource = "meeting"\ntext = "Fine"\n'
        '\n[[items]]\ntitle = "Budget"\nkind = "B"\n'
    )
    assert loads_meeting(out) == meeting


@pytest.mark.parametrize(
    "text",
    [
        'say "hi"',
        'ends with a quote"',
        'three """ quotes',
        "back\\slash",
        "back\\slash and 'single' quote",
        "line\nback\\slash\n",
        "line\nends with '",
        "tab\there\n\x07bell",
        "trailing spaces   \n  \n",
        "\nstarts with a newline",
        "cr\r\nlf",
        'quotes at the end\n""',
        "'''\nliteral delimiters\\",
    ],
)
def test_hostile_text_round_trips(text: str) -> None:
    meeting = Meeting(title=text, items=[AgendaItem(text, minutes=text)])
    assert loads_meeting(dumps_meeting(meeting)) == meeting


def test_backslash_text_is_written_as_a_literal_string() -> None:
    out = dumps_meeting(Meeting(items=[AgendaItem("A", minutes="C:\\x\nD:\\y\n")]))
    assert "minutes = '''\nC:\\x\nD:\\y\n'''" in out


def test_copied_object_with_shared_origin_gets_its_own_table() -> None:
    import copy

    _, meeting = _commented()
    twin = copy.copy(meeting.items[1])
    twin.title = "Water butts again"
    meeting.items.append(twin)
    out = dumps_meeting(meeting)
    again = loads_meeting(out)
    assert [i.title for i in again.items][-2:] == ["Compost rota", "Water butts again"]
    assert again.items[1].title == "Water butts"
    assert out.count('mood = "grumpy"') == 2


def test_inline_tables_merge_and_convert() -> None:
    text = (
        'format = 1\nnext_meeting = {date = 2025-05-01, location = "Hall"}\n'
        '[[items]]\ntitle = "A"\nremarks = [{text = "r", source = "written"}]\n'
    )
    meeting = loads_meeting(text)
    assert dumps_meeting(meeting) == text
    assert meeting.next_meeting is not None
    meeting.next_meeting.location = "Barn"
    meeting.items[0].remarks.append(Remark("s"))
    out = dumps_meeting(meeting)
    assert loads_meeting(out) == meeting
    assert re.search(r'location = "Barn"', out)


def test_comment_above_a_header_travels_with_its_table() -> None:
    text = (
        'format = 1\n\n[[items]]\ntitle = "a"\n\n# about b\n# more\n\n[[items]]\ntitle = "b"\n'
        '\n[[items.remarks]]\ntext = "r"\n\n# about c\n[[items]]\ntitle = "c"\n'
    )
    meeting = loads_meeting(text)
    meeting.items.reverse()
    assert dumps_meeting(meeting) == (
        'format = 1\n\n# about c\n[[items]]\ntitle = "c"\n\n# about b\n# more\n\n[[items]]\n'
        'title = "b"\n\n[[items.remarks]]\ntext = "r"\n\n[[items]]\ntitle = "a"\n'
    )
    meeting.items.reverse()
    assert dumps_meeting(meeting) == text


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_shuffling_and_restoring_the_order_gives_the_file_back(path: Path) -> None:
    import random

    text = path.read_text(encoding="utf-8")
    meeting = loads_meeting(text)
    lists = [meeting.items, meeting.participants, meeting.header]
    lists += [item.remarks for item in meeting.items] + [item.attachments for item in meeting.items]
    originals = [list(values) for values in lists]
    rng = random.Random(4)
    for values in lists:
        rng.shuffle(values)
    shuffled = dumps_meeting(meeting)
    assert loads_meeting(shuffled) == meeting
    for values, original in zip(lists, originals, strict=True):
        values[:] = original
    assert dumps_meeting(meeting) == text
