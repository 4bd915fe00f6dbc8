"""Exports made a part at a time give the bytes they gave made whole (issue 12, item 13)."""

from __future__ import annotations

import hashlib
from email import quoprimime
from email.policy import SMTP
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_referat.domain.model import AgendaItem, Remark, RemarkSource
from tui_referat.export import FORMATS, eml, fragments, longtext, render, sink
from tui_referat.export import email as email_export
from tui_referat.export import text as text_export
from tui_referat.export.document import build, clean_meeting
from tui_referat.storage import load_meeting
from tui_referat.text import markdown_html as mdr

from .conftest import built_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

_TEXT = st.text(st.sampled_from("ab æ—\n \t=\r.\x85\u2028"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=12), st.integers(1, 8))
def test_parts_are_encoded_as_the_joined_text(parts: list[str], block: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sink, "BLOCK", block)
        assert sink.utf8(list(parts)) == "".join(parts).encode("utf-8")
        assert b"".join(sink.utf8_blocks(parts)) == "".join(parts).encode("utf-8")
    kept = list(parts)
    assert list(sink.drain(kept)) == parts and kept == []


def _old_text_ending(lines: list[str]) -> str:
    """How the text export ended its text before it was written in parts."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    text = "\n".join(lines).strip("\n") + "\n"
    while "\n\n\n\n" in text:
        text = text.replace("\n\n\n\n", "\n\n\n")
    return text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(st.sampled_from("a \t\n\u2028"), max_size=6), max_size=14))
def test_text_lines_end_as_before(lines: list[str]) -> None:
    new = "".join(text_export._parts(text_export._final_lines(lines), size=3))
    assert new == _old_text_ending(lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from("a \n\t"), max_size=5), max_size=8))
def test_parts_stripped_and_ended_as_the_joined_text(parts: list[str]) -> None:
    joined = "".join(parts)
    assert "".join(fragments.stripped(parts)) == joined.strip()
    ended = "".join(email_export._ending_in_one_newline(iter(parts)))
    assert ended == joined.rstrip("\n") + "\n"


def _email_package_qp(data: bytes) -> bytes:
    """A text part's body as ``set_content(cte="quoted-printable")`` and ``as_bytes()``."""
    body = (b"\n".join(data.splitlines()) + b"\n").decode("latin-1")
    return quoprimime.body_encode(body, SMTP.max_line_length).replace("\n", "\r\n").encode()


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"aæ— =\t\r\n.", "x" * 80]), max_size=60).map("".join),
    st.lists(st.integers(0, 300), max_size=6),
)
def test_quoted_printable_a_block_at_a_time(text: str, cuts: list[int]) -> None:
    data = text.encode("utf-8")
    out = BytesIO()
    encoder = eml._QuotedPrintable(out)
    start = 0
    for cut in sorted(cuts):
        encoder.write(data[start:cut])
        start = max(start, cut)
    encoder.write(data[start:])
    encoder.close()
    assert out.getvalue() == _email_package_qp(data)


def _plain_way(meeting, base_dir: Path | None) -> bytes:
    """The draft as the email package makes it from the whole text and HTML."""
    meeting = clean_meeting(meeting)
    doc = build(meeting)
    plain, html = text_export.render_doc(doc), email_export.render_doc(doc)
    seed = hashlib.sha256(plain.encode() + html.encode()).digest()
    files = eml._attachments(meeting, base_dir) if base_dir is not None else []
    return eml._draft(meeting, doc, plain, html, seed, files)[0]


def _awkward_text() -> str:
    # Trailing blanks at every place a line can be wrapped, "=" at the wrap, long lines.
    lines = [("=" * n) + "a" * (74 - n) + " " * k for n in range(4) for k in range(3)]
    return "\n\n".join([*lines, "ø" * 100, "tab\t", "x" * 300])


@pytest.mark.parametrize("attach", [False, True])
def test_eml_is_the_email_packages_draft(attach: bool) -> None:
    meeting = load_meeting(SAMPLES / "board-meeting.toml")
    meeting.items[0].minutes = _awkward_text()
    base = SAMPLES if attach else None
    data = render(meeting, "eml", base_dir=SAMPLES, attach=attach)
    assert data == _plain_way(meeting, base)
    assert (b"Content-Disposition: attachment" in data) is attach


def _long_meeting():
    """A meeting with a long text of every kind of block (long with the sizes patched in
    below), a remark of it, and many short texts."""
    blocks = [
        "Et afsnit med *fed* og [et link](https://example.org) <b>html</b>.",
        "- en liste\n- med to punkter\n\n  og et afsnit",
        "```\nkode\n\nmed tom linje\n```",
        "> citat\nfortsat",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Overskrift\n===",
        "<div>\n\nhtml-blok\n</div>",
        "1. et\n2. to",
        "    indrykket kode",
    ]
    text = "\n\n".join(blocks * 20)
    meeting = built_meeting()
    meeting.items[0].minutes = text
    meeting.items[1].remarks.append(Remark(text, author="A", source=RemarkSource.MEETING))
    for n in range(60):
        meeting.items.append(AgendaItem(title=f"Punkt {n}", minutes="\n\n".join(blocks[n % 9 :])))
    return meeting


#: (module, size constant, a small value for it)
_SIZES = [
    (longtext, "LONG", 1000),
    (longtext, "PIECE", 200),
    (mdr, "BATCH_CHARS", 300),
    (fragments, "_BATCH", 300),
    (email_export, "_STYLE_BATCH", 300),
    (sink, "BLOCK", 100),
]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_long_texts_and_many_items_export_as_in_one_go(fmt: str) -> None:
    meeting = _long_meeting()
    with pytest.MonkeyPatch.context() as patch:
        # Everything at once: no pieces, one batch, one styling pass.
        for module, name, _ in _SIZES:
            patch.setattr(module, name, 10**9)
        whole = render(meeting, fmt)
    with pytest.MonkeyPatch.context() as patch:
        # Small pieces, batches, styling passes and blocks of bytes.
        for module, name, size in _SIZES:
            patch.setattr(module, name, size)
        assert len(list(longtext.parse_pieces(meeting.items[0].minutes))) > 10
        assert render(meeting, fmt) == whole
