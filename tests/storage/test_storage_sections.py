"""An item's case presentation (``case``) and the meeting's own sections (``[sections]``)
read, save and err like any key; edits keep the user's formatting."""

from __future__ import annotations

import pytest

from tui_referat.domain.errors import MeetingFileError
from tui_referat.domain.model import DEFAULT_ORDER, SectionLayout
from tui_referat.domain.next_meeting import next_meeting_from
from tui_referat.storage import dumps_meeting, loads_meeting

OWN = """\
format = 1
title = "Byrådet"

# our own layout
[sections]
order = ["case", "recommendation", "decision"]   # what the minutes show
labels = {minutes = "Drøftelse"}

[[items]]
title = "Budget"
case = \"\"\"
Forvaltningen har udarbejdet et budgetforslag.
\"\"\"
recommendation = "Det indstilles, at forslaget godkendes."
"""

PLAIN = """\
format = 1
title = "Byrådet"

[[header]]
key = "case_no"
value = "1"

[[items]]
title = "Budget"
"""


def test_case_and_sections_are_read() -> None:
    meeting = loads_meeting(OWN, "m.toml")
    assert meeting.items[0].case == "Forvaltningen har udarbejdet et budgetforslag.\n"
    assert meeting.sections == SectionLayout(
        ["case", "recommendation", "decision"], {"minutes": "Drøftelse"}
    )
    assert meeting.section_order() == ("case", "recommendation", "decision")
    assert meeting.section_label("minutes") == "Drøftelse"
    assert meeting.section_label("case") == "Sagsfremstilling"


def test_without_sections_the_default_layout_with_the_case_first() -> None:
    meeting = loads_meeting(PLAIN, "m.toml")
    assert meeting.sections is None
    assert meeting.section_order() == DEFAULT_ORDER
    assert DEFAULT_ORDER[:2] == ("case", "recommendation")


def test_an_untouched_file_saves_byte_for_byte() -> None:
    assert dumps_meeting(loads_meeting(OWN, "m.toml")) == OWN


def test_an_edited_layout_keeps_its_comments_and_lines() -> None:
    meeting = loads_meeting(OWN, "m.toml")
    assert meeting.sections is not None
    meeting.sections.labels = {"minutes": "Drøftelse", "case": "Sagen"}
    meeting.items[0].case = "Kort."
    saved = dumps_meeting(meeting)
    assert saved == OWN.replace(
        'labels = {minutes = "Drøftelse"}', 'labels = {minutes = "Drøftelse", case = "Sagen"}'
    ).replace('case = """\nForvaltningen har udarbejdet et budgetforslag.\n"""', 'case = "Kort."')
    assert loads_meeting(saved, "m.toml").sections == meeting.sections


def test_a_new_layout_goes_before_the_header_and_reads_back() -> None:
    meeting = loads_meeting(PLAIN, "m.toml")
    meeting.sections = SectionLayout(["case", "minutes"], {"minutes": "Drøftelse"})
    meeting.items[0].case = "Sagen."
    saved = dumps_meeting(meeting)
    assert saved.index("[sections]") < saved.index("[[header]]")
    assert '[sections]\norder = ["case", "minutes"]\nlabels = {minutes = "Drøftelse"}\n' in saved
    assert 'title = "Budget"\ncase = "Sagen."\n' in saved
    again = loads_meeting(saved, "m.toml")
    assert again.sections == meeting.sections
    assert again.items[0].case == "Sagen."


def test_removing_the_layout_removes_the_table() -> None:
    meeting = loads_meeting(OWN, "m.toml")
    meeting.sections = None
    saved = dumps_meeting(meeting)
    assert "[sections]" not in saved and "order =" not in saved
    assert loads_meeting(saved, "m.toml").sections is None


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('order = "case"\nlabels = 3', "sections.labels"),
        ("order = [1]", "sections.order"),
        ("labels = {case = 1}", "sections.labels"),
    ],
)
def test_a_wrong_type_is_an_error_with_the_field_path(line: str, field: str) -> None:
    text = f'format = 1\ntitle = "T"\n\n[sections]\n{line}\n'
    with pytest.raises(MeetingFileError) as caught:
        loads_meeting(text, "m.toml")
    assert field in str(caught.value)


def test_the_next_meeting_keeps_the_layout() -> None:
    import datetime as dt

    previous = loads_meeting(OWN, "m.toml")
    new = next_meeting_from(previous, today=dt.date(2025, 11, 1))
    assert new.sections == previous.sections
    assert new.sections is not previous.sections
    assert "[sections]" in dumps_meeting(new)
