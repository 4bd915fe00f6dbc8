"""The speed-ups must not change results: batched Markdown and split style inlining."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_referat.domain.model import Attachment, Meeting
from tui_referat.export import email as email_export
from tui_referat.export.document import Doc, build
from tui_referat.export.fragments import entries
from tui_referat.export.html_body import Body
from tui_referat.storage import load_meeting
from tui_referat.text import markdown_html as mdr
from tui_referat.text.markdown_html import md_to_html, md_to_html_many

from .conftest import built_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

TRICKY = [
    "Et afsnit med [link](https://example.org) og **fed**.",
    "```\nen kodeblok uden slut",
    "teksten efter den åbne kodeblok",
    "[a]: https://example.org/def\n\nBrug [a] her",
    "[a] bruger en definition fra en anden tekst",
    "- liste\n  fortsat",
    "doven fortsættelse?",
    "> citat",
    "<!-- en åben kommentar",
    "# Overskrift\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    "<script>alert(1)</script>\n\nefter",
    "Før [x](javascript:alert(1)) efter",
    "    indrykket kode",
    "",
    "Slut.",
    "> [b]: https://example.org/b",
    "[b] bruger en definition fra et citat i en anden tekst",
    "- a",
    "- b fortsætter ikke listen ovenfor",
    "\n\n   \nefter tomme linjer",
    "```\nen kodeblok til sidst\n\n",
]


@pytest.mark.parametrize("offset", [0, 3])
def test_batched_markdown_equals_one_text_at_a_time(offset: int) -> None:
    many = md_to_html_many(TRICKY, heading_offset=offset)
    alone = [md_to_html(text, heading_offset=offset) for text in TRICKY]
    assert many == alone


#: Lines that open, continue or close blocks across a text's end.
_LINES = ["- a", "1. x", "  indrykket", "    kode", "```", "~~~", "> q", "afsnit", "# h", "===",
          "---", "| a | b |", "|---|---|", "<!--", "-->", "<div>", "<script>", "[a]: https://x",
          "[a]", "> [b]: https://y", "[b]", "", "   ", "x  ", "<b>b</b>", "![i](https://x/i.png)",
          "[l](javascript:x)", "<https://a.b>", "*em*", "<pre>", "\\"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_LINES), max_size=5).map("\n".join)
        | st.lists(st.sampled_from(_LINES), max_size=4).map(lambda x: "\n".join(x) + "\n\n"),
        min_size=2,
        max_size=6,
    )
)
def test_batched_markdown_equals_alone_for_any_mix_of_block_starts(texts: list[str]) -> None:
    assert md_to_html_many(texts, heading_offset=3) == [
        md_to_html(text, heading_offset=3) for text in texts
    ]


#: Lines for the rules that are left out when nothing in the text can start them.
_RULE_LINES = ["| x |", "```js", "# overskrift", "> [c]: /c", "***", "_ _ _", "- * * *", "1. ---",
               "--- \t", "=== ", "> ---", "tekst -", "- \r- b", "a\x0c---"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_LINES, *_RULE_LINES]), max_size=8))
def test_parsing_without_unusable_block_rules_changes_nothing(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert mdr.parse(text, heading_offset=3) == mdr.parser().parse(text, {mdr.HEADING_OFFSET: 3})


def test_ordinary_texts_are_parsed_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Et *afsnit*.", "- en\n- liste\n", "> citat", "| a |\n|---|\n| 1 |", "Slut."]
    alone = [md_to_html(text) for text in texts]
    calls = []
    parse = mdr.parse
    monkeypatch.setattr(mdr, "parse", lambda *a, **k: calls.append(1) or parse(*a, **k))
    assert mdr.md_to_html_many(texts) == alone
    assert len(calls) == 1


def test_batching_survives_texts_that_only_work_alone() -> None:
    texts = ["a", "b", "c"]
    assert md_to_html_many(texts) == [md_to_html(t) for t in texts]


class _Elements(HTMLParser):
    """(tag, attributes as a sorted tuple, with style declarations normalised) in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        norm = []
        for name, value in attrs:
            value = value or ""
            if name == "style":
                value = ";".join(sorted(d.strip() for d in value.split(";") if d.strip()))
            norm.append((name, value))
        self.items.append((tag, tuple(sorted(norm))))


def _elements(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.items


@pytest.mark.parametrize("name", ["arbejdsgruppe", "board-meeting", "lokaludvalg", None])
def test_split_inlining_equals_inlining_the_whole_page(name: str | None) -> None:
    meeting = load_meeting(SAMPLES / f"{name}.toml") if name else built_meeting()
    doc = build(meeting)
    fast = email_export.render_doc(doc)
    whole_body = Body(doc, email=True).render()
    whole = email_export.inline_page(doc, whole_body)
    assert _elements(fast) == _elements(whole)


def _inlined_in_one_go(doc: Doc) -> str:
    """The email page with its whole skeleton inlined by one css-inline call (no shapes)."""
    body = Body(doc, email=True, placeholders=True)
    page = email_export.inline_page(doc, body.render())
    styled = email_export._styled(entries(page, body.fragments))
    return "".join(styled).rstrip("\n") + "\n"


def _awkward_meeting() -> Meeting:
    """Plain fields with every character HTML escapes or css-inline writes back differently."""
    meeting = built_meeting()
    odd = "A & B <c> \"d\" 'e' f\xa0g &amp; &lt;x&gt; ›"
    for n, item in enumerate(meeting.items):
        item.title = f"{odd} {n}"
        item.presenters = [odd]
        for remark in item.remarks:
            remark.topic = [odd, f"{odd} {n}"]
            remark.author = odd
        for action in item.actions:
            action.text, action.owner = odd, odd
        item.attachments.append(Attachment(odd, "https://example.org/a?b=1&c='2'\"3\"\xa0"))
    return meeting


@pytest.mark.parametrize(
    "name", ["arbejdsgruppe", "board-meeting", "lokaludvalg", "built", "awkward"]
)
def test_items_inlined_by_shape_equal_the_page_inlined_in_one_go(name: str) -> None:
    if name == "built":
        meeting = built_meeting("en")
    elif name == "awkward":
        meeting = _awkward_meeting()
    else:
        meeting = load_meeting(SAMPLES / f"{name}.toml")
    doc = build(meeting)
    assert email_export.render_doc(doc) == _inlined_in_one_go(doc)
