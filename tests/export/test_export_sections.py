"""A meeting's own item sections ([sections]) in every export, in referat check and read back
by referat import; the case presentation (Sagsfremstilling) first by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat.domain.checks import check_meeting
from tui_referat.export import render
from tui_referat.importer import import_markdown
from tui_referat.storage import load_meeting, loads_meeting
from tui_referat.storage.fast_check import check_file

OWN = """\
format = 1
lang = "da"
title = "Byrådet"

[sections]
order = ["case", "recommendation", "decision"]
labels = {case = "Sagen", decision = "Byrådets beslutning", minutes = "Drøftelse"}

[[items]]
title = "Budget"
kind = "B"
case = "Forvaltningen har udarbejdet et budgetforslag."
recommendation = "Det indstilles, at forslaget godkendes."
decision = "Godkendt."
minutes = "Kort drøftelse."
"""

DEFAULT = """\
format = 1
lang = "en"
title = "Board"

[[items]]
title = "Budget"
recommendation = "Approve it."
case = "The draft budget."
minutes = "Discussed."
"""


def _text(meeting_text: str, fmt: str) -> str:
    return render(loads_meeting(meeting_text, "m.toml"), fmt).decode("utf-8")


def _in_order(text: str, *parts: str) -> bool:
    """Whether ``parts`` come in ``text`` one after another (each after the one before)."""
    place = 0
    for part in parts:
        place = text.find(part, place)
        if place < 0:
            return False
        place += len(part)
    return True


@pytest.mark.parametrize("fmt", ["md", "html", "text", "email"])
def test_the_order_and_labels_of_the_meeting_are_used(fmt: str) -> None:
    text = _text(OWN, fmt)
    assert _in_order(
        text,
        "Sagen",
        "Forvaltningen har udarbejdet et budgetforslag.",
        "Indstilling",
        "Det indstilles, at forslaget godkendes.",
        "Byrådets beslutning",
        "Godkendt.",
        # left out of the order but holding text: shown after the listed ones, not lost
        "Drøftelse",
        "Kort drøftelse.",
    )
    assert "Sagsfremstilling" not in text and "Beslutning\n" not in text


def test_the_markdown_headings_are_the_meeting_labels() -> None:
    text = _text(OWN, "md")
    assert (
        "### Sagen\n\nForvaltningen har udarbejdet et budgetforslag.\n\n"
        "### Indstilling\n\nDet indstilles, at forslaget godkendes.\n\n"
        "### Byrådets beslutning\n\nGodkendt.\n\n"
        "### Drøftelse\n\nKort drøftelse.\n"
    ) in text


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_without_sections_the_case_comes_first(fmt: str) -> None:
    text = _text(DEFAULT, fmt)
    assert _in_order(text, "Case presentation", "The draft budget.", "Recommendation", "Minutes")


def test_without_sections_the_markdown_has_no_layout_note() -> None:
    assert "<!--" not in _text(DEFAULT, "md")


def test_check_warns_about_text_the_order_leaves_out(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(OWN, encoding="utf-8")
    problems = [str(p) for p in check_file(path)]
    line = OWN.splitlines().index('minutes = "Kort drøftelse."') + 1
    assert any(
        p.startswith(f"{path}:{line}:11: warning: items[0].minutes: has text, but [sections]")
        for p in problems
    ), problems


def test_check_reports_unknown_section_names_at_their_value(tmp_path: Path) -> None:
    text = OWN.replace('"decision"]', '"decisions"]').replace('case = "Sagen"', 'kase = "S"')
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    meeting = load_meeting(path)
    from tui_referat.storage import locator_for

    problems = check_meeting(meeting, path, locator_for(meeting))
    errors = {(p.field, p.line, p.level) for p in problems if p.level == "error"}
    assert ("sections.order[2]", 6, "error") in errors
    assert ("sections.labels.kase", 7, "error") in errors
    assert all("unknown section" in p.message for p in problems if p.level == "error")


def test_import_reads_back_the_order_labels_and_sections() -> None:
    meeting = loads_meeting(OWN, "m.toml")
    markdown = render(meeting, "md").decode("utf-8")
    result = import_markdown(markdown)
    back = result.meeting
    assert result.warnings == []
    assert back.sections == meeting.sections
    item = back.items[0]
    assert item.case == "Forvaltningen har udarbejdet et budgetforslag."
    assert item.decision == "Godkendt."
    assert item.minutes == "Kort drøftelse."
    # and the Markdown of what was read back is the same
    assert render(back, "md").decode("utf-8") == markdown


def test_a_label_cannot_end_the_layout_note() -> None:
    text = OWN.replace('case = "Sagen"', 'case = "Sag --> <b>&"')
    markdown = _text(text, "md")
    note = markdown.split("\n\n")[1]
    assert note.startswith("<!-- referat:sections ") and note.count("-->") == 1
    back = import_markdown(markdown).meeting
    assert back.sections is not None
    assert back.sections.labels["case"] == "Sag --> <b>&"
    assert back.items[0].case == "Forvaltningen har udarbejdet et budgetforslag."


def test_import_reads_the_case_back_without_sections() -> None:
    meeting = loads_meeting(DEFAULT, "m.toml")
    result = import_markdown(render(meeting, "md").decode("utf-8"))
    assert result.warnings == []
    assert result.meeting.sections is None
    item = result.meeting.items[0]
    assert (item.case, item.recommendation, item.minutes) == (
        "The draft budget.",
        "Approve it.",
        "Discussed.",
    )


def test_labels_alone_keep_the_default_order_and_read_back() -> None:
    text = DEFAULT.replace(
        "[[items]]", '[sections]\nlabels = {minutes = "Discussion <b>"}\n\n[[items]]'
    )
    markdown = _text(text, "md")
    assert _in_order(markdown, "### Case presentation", "### Recommendation", "### Discussion")
    back = import_markdown(markdown).meeting
    assert back.sections is not None and back.sections.order == []
    assert back.sections.labels == {"minutes": "Discussion <b>"}
    assert back.items[0].minutes == "Discussed."
