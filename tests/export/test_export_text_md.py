"""The plain text (72 columns) and the Markdown (regular, GitHub-friendly) exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tui_referat.export import render
from tui_referat.export.markdown import safe_markdown
from tui_referat.storage import load_meeting

from .conftest import built_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _meetings():
    yield built_meeting("da")
    yield built_meeting("en")
    for name in ("arbejdsgruppe", "board-meeting", "lokaludvalg"):
        yield load_meeting(SAMPLES / f"{name}.toml")


@pytest.mark.parametrize(
    "meeting", list(_meetings()), ids=["da", "en", "arbejdsgruppe", "board", "lokaludvalg"]
)
def test_text_lines_fit_72_columns_unless_one_word_is_longer(meeting) -> None:
    for line in render(meeting, "text").decode().splitlines():
        if len(line) > 72:
            assert " " not in line.strip(), line  # only an unbreakable word (a URL) may overflow


def test_text_keeps_lists_and_indents_continuations() -> None:
    text = render(built_meeting(), "text").decode()
    assert "- der nu er 52.000 genomer i databasen\n" in text
    assert "2. Andet punkt med en lang tekst der skal ombrydes pænt i tekstudgaven,\n" in text
    assert "\n   fordi den er længere end toogtyve og halvfjerds tegn.\n" in text
    assert "se aftalen\n  (https://example.org/aftale)" in text  # link URL kept, indented
    assert "*nye*" not in text and "nye medlemmer" in text  # emphasis marks are gone


def test_markdown_keeps_section_text_as_written() -> None:
    meeting = built_meeting()
    md = render(meeting, "md").decode()
    assert meeting.items[1].minutes.strip() in md
    assert (
        safe_markdown("Se **fed** og [link](https://x.dk)\n")
        == "Se **fed** og [link](https://x.dk)"
    )


def test_markdown_structure_is_regular() -> None:
    md = render(built_meeting(), "md").decode()
    lines = md.splitlines()
    assert lines[0] == "**Referat**"  # the marker is in the header block, not the heading
    assert "# Møde 4 i arbejdsgruppen for fælles datadeling" in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        "## Dagsorden",
        "## Deltagere",
        "## Pkt. 1 Velkomst v/Åse Østergård",
        "## Pkt. 2 Status på datadeling v/Carl Dahl og Bo Berg",
        "## Pkt. 3 Arbejdsprogram: input til emnebeskrivelser v/Bo Berg",
        "## Pkt. 4 Evt. v/Åse Østergård",
    ]
    assert "- Bilag 2.1: [Strategi 2025-2027](https://example.org/strategi.pdf)" in lines
    # a relative path links in Markdown (it resolves next to the file), never a scheme
    assert "- Bilag 2.2: [Notat om lokaler](bilag/lokaler.pdf)" in lines
    assert (
        "- **[Carl Dahl](mailto:carl@example.org)**, senior bioinformatiker, Ph.D., "
        "*Universitetshospitalet, Region Øst* (deltog on-line)"
    ) in lines
    assert "- **Dorte Ravn**, IT-arkitekt, *Region Vest* (afbud)" in lines
    assert (
        "- *(Carl Dahl, modtaget 20. september 2025)* "
        "Husk kompetencerne, mere end hvor de er ansat." in lines
    )
    assert lines[-4:] == [
        "---",
        "",
        "Næste møde: tirsdag den 2. december 2025 kl. 14.30-16.00, virtuelt  ",
        "Frist for skriftlige bemærkninger: 25. september 2025 kl. 16.00",
    ]


def test_markdown_renders_as_commonmark_with_tables_and_no_html() -> None:
    md = render(built_meeting(), "md").decode()
    gfm = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = gfm.parse(md)
    # no HTML but the export's own fixed marks for referat import (comments, shown nowhere)
    blocks = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert set(blocks) <= {
        "<!-- referat:remarks -->",
        "<!-- referat:remark -->",
        "<!-- referat:remark-end -->",
    }
    assert "<!-- referat:remark -->" in blocks  # the built meeting has a remark that is a list
    inline_html = [c for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    assert not inline_html
    html = gfm.render(md)
    assert html.count("<table>") == 1  # the agenda
    assert "<td>Arbejdsprogram: input til emnebeskrivelser (D) v/Bo Berg</td>" in html
    # A pipe in a section text stays text; in a table cell it is escaped.
    assert "Rådet skal udarbejde et arbejdsprogram | med tabeltegn." in html


def test_markdown_never_links_an_attachment_path_with_a_scheme() -> None:
    from tui_referat.domain.model import Attachment

    meeting = built_meeting()
    meeting.items[1].attachments = [
        Attachment("Farlig", "javascript:alert(1)"),
        Attachment("Data", "data:text/html,x"),
        Attachment("Absolut", "/etc/passwd"),
    ]
    md = render(meeting, "md").decode()
    assert "- Bilag 2.1: Farlig" in md.splitlines()
    assert "- Bilag 2.2: Data" in md.splitlines()
    assert "- Bilag 2.3: Absolut" in md.splitlines()
    assert "javascript:" not in md and "data:" not in md
