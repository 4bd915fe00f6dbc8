"""A long text parsed in pieces gives what the whole text gives (export/longtext.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_referat.export import longtext
from tui_referat.export.fragments import stripped
from tui_referat.export.md_tree import to_text
from tui_referat.text import markdown_html as mdr

#: Lines that open, continue or close blocks, or start a paragraph after an empty line.
_LINES = ["Afsnit", "tekst", "- a", "* b", "+ c", "1. x", "2) y", "  indrykket", "    kode",
          "\tfane", "```", "```py", "~~~", "````", "> q", ">", "# h", "## h2", "===", "---",
          "***", "___", "a | b", "|---|---|", "| 1 | 2 |", "-|-", "<!--", "-->", "<div>",
          "</div>", "<script>", "</script>", "<pre>", "</pre>", "<?x", "?>", "<!X", "<![CDATA[",
          "]]>", "<b>b</b>", "[a]", "![i](https://x/i.png)",
          "[l](javascript:x)", "<https://a.b>", "*em*", "**fed", "`kode", "\\", "x  ", "",
          "", "", "", "   ", "Æble", "ørred", "_x_", "9 æbler"]  # fmt: skip
#: Link reference definitions are global: a text with one is never cut (tested below).


def _pieces(text: str, offset: int = 0) -> list[list]:
    """``parse_pieces`` with every possible cut tried (tiny pieces)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(longtext, "LONG", 0)
        patch.setattr(longtext, "PIECE", 1)
        return list(longtext.parse_pieces(text, heading_offset=offset))


def _html(tokens: list) -> str:
    md = mdr.parser()
    return md.renderer.render(tokens, md.options, {})


def _text(pieces: list[list]) -> list[str]:
    """The plain-text lines of the pieces, put together as ``to_text`` puts blocks."""
    lines: list[str] = []
    for tokens in pieces:
        part = to_text(tokens)
        if part and lines:
            lines.append("")
        lines += part
    return lines


def _check(text: str, offset: int = 0) -> int:
    pieces = _pieces(text, offset)
    whole = mdr.parse(text, heading_offset=offset)
    assert "".join(_html(tokens) for tokens in pieces) == _html(whole)
    assert _text(pieces) == to_text(whole)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(longtext, "LONG", 0)
        patch.setattr(longtext, "PIECE", 1)
        parts = longtext.html_parts(text, heading_offset=offset)
    assert "".join(parts) == mdr.md_to_html(text, heading_offset=offset)
    return len(pieces)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_LINES), min_size=1, max_size=4), max_size=12),
    st.sampled_from([0, 3]),
)
def test_pieces_render_as_the_whole_text(blocks: list[list[str]], offset: int) -> None:
    # Lines in groups with an empty line between: a cut is tried before each group.
    _check("\n\n".join("\n".join(lines) for lines in blocks), offset)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12))
def test_pieces_of_paragraphs_around_any_block(lines: list[str]) -> None:
    # Every other line an empty line and a paragraph: a cut is tried around each block.
    text = "\n\n".join(f"Afsnit {n}\n{line}" for n, line in enumerate(lines)) + "\n\nSlut"
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "```\nkode\n\nstadig kode\n```\n\nefter",  # a fence holds empty lines
        "~~~\n\nuden slut\n\nstadig kode",
        "<!--\n\nkommentar\n\n-->\n\nefter",
        "<script>\n\nx\n\n</script>\n\nefter",
        "- a\n\n  b\n\nc",  # a list item goes on after an empty line
        "- a\n\n- b\n\nc",  # a loose list: its first item is a paragraph
        "> a\n\nb\n> c",
        "a\n\nb\n===\n\nc\n---",
        "a | b\n\nc | d\n--|--\n\ne",
        "    kode\n\n    kode\n\nefter",
    ],
)
def test_blocks_that_run_over_empty_lines(text: str) -> None:
    _check(text)
    _check(text * 3)


def test_a_long_text_is_cut_into_pieces_of_about_the_piece_size() -> None:
    paragraph = "Udvalget drøftede sagen. " * 20 + "\n\n"
    text = paragraph * (2 * longtext.LONG // len(paragraph))
    pieces = list(longtext.parse_pieces(text))
    assert len(pieces) == pytest.approx(len(text) / longtext.PIECE, abs=1)
    assert "".join(longtext.html_parts(text)) == mdr.md_to_html(text)


def test_texts_that_may_define_links_or_hold_a_carriage_return_stay_whole() -> None:
    base = "Et afsnit.\n\n" * 20
    assert len(_pieces(base)) == 20
    for extra in ("[a]: https://example.org\n\n", "a\rb\n\n"):
        assert len(_pieces(base + extra)) == 1


def test_short_and_blank_texts() -> None:
    assert longtext.html_parts("") == [] and longtext.html_parts(" \n\t") == []
    assert longtext.html_parts("*a*") == [mdr.md_to_html("*a*")]
    parts = ["\n", " <p>a</p>\n", "", "\n", "<p>b</p>\n", "\n"]
    assert list(stripped(parts)) == [" <p>a</p>\n".lstrip(), "", "\n", "<p>b</p>"]
    assert list(stripped([" ", ""])) == [] and list(stripped([" a "])) == ["a"]
