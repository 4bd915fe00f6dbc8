"""Gmail clips a message whose HTML is over 102 KB: the email stays under it for a long
meeting of the sample's density, and check and export warn when a meeting goes over it
(issue #15 item 2)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import make_meeting, write_meeting
from tui_referat.cli import main
from tui_referat.export.email import render
from tui_referat.export.mailsize import GMAIL_CLIP_BYTES, clip_warning, email_clip_warning
from tui_referat.storage import load_meeting

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE_NAMES = ["arbejdsgruppe", "board-meeting", "lokaludvalg"]


def thirty_items_of_the_sample():
    """The Danish sample with its six items five times over: 30 items of its density."""
    meeting = load_meeting(SAMPLES / "arbejdsgruppe.toml")
    meeting.items = [copy.deepcopy(meeting.items[n % len(meeting.items)]) for n in range(30)]
    return meeting


def test_a_30_item_meeting_of_the_samples_density_is_under_90_kb() -> None:
    size = len(render(thirty_items_of_the_sample()).encode("utf-8"))
    assert size < 90_000, size  # was 173,862 bytes, clipped after item 14


def test_the_warning_starts_above_102_kb_in_both_languages() -> None:
    assert GMAIL_CLIP_BYTES == 102 * 1024
    assert clip_warning(GMAIL_CLIP_BYTES) is None
    english = clip_warning(140_000, "en")
    danish = clip_warning(140_000, "da")
    assert english is not None and "137 KB" in english and "102 KB" in english
    assert "Gmail" in english and "View entire message" in english
    assert danish is not None and "137 KB" in danish and "Vis hele meddelelsen" in danish


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_samples_are_not_clipped(name: str) -> None:
    assert email_clip_warning(load_meeting(SAMPLES / f"{name}.toml")) is None


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated meeting whose email is over 102 KB."""
    path = write_meeting(20, tmp_path_factory.mktemp("big"))
    assert len(render(load_meeting(path)).encode("utf-8")) > GMAIL_CLIP_BYTES
    return path


@pytest.mark.parametrize("fmt", ["email", "eml"])
def test_export_warns_on_stderr_and_still_writes(
    fmt: str, big_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("REFERAT_LANG", "en")
    out = tmp_path / f"m.{fmt}"
    assert main(["export", str(big_file), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > GMAIL_CLIP_BYTES
    err = capsys.readouterr().err
    assert "referat export: warning: the email's HTML is" in err and "Gmail" in err
    # the samples export without it
    assert main(["export", str(SAMPLES / "arbejdsgruppe.toml"), "-f", fmt, "-o", str(out)]) == 0
    assert "Gmail" not in capsys.readouterr().err


def test_check_warns_in_the_users_language_and_exits_0(
    big_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERAT_LANG", "da")
    assert main(["check", str(big_file)]) == 0
    out = capsys.readouterr().out
    assert f"{big_file}: warning: mailens HTML fylder" in out and "Gmail" in out
    assert main(["check", *(str(SAMPLES / f"{n}.toml") for n in SAMPLE_NAMES)]) == 0
    assert "Gmail" not in capsys.readouterr().out


def test_check_measures_a_big_meeting_by_its_first_items_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`referat check` stays fast on a 200-item meeting: it renders the email of the first
    8, 16, 32 … items until they are over 102 KB, never all 200, and says "over"."""
    from tui_referat.export import mailsize

    meeting = load_meeting(write_meeting(200, tmp_path))
    from tui_referat.domain.model import SECTIONS

    for n, item in enumerate(meeting.items):  # text the floor does not count: it renders
        item.title = f"P{n}"
        for key in SECTIONS:
            item.set_section(key, "")
        item.minutes = f"[link](https://example.org/{'x' * 900})"
    assert mailsize.email_bytes_at_least(meeting) < GMAIL_CLIP_BYTES
    rendered: list[int] = []
    measure = mailsize.email_html_bytes

    def counting(m, **kw):
        rendered.append(len(m.items))
        return measure(m, **kw)

    monkeypatch.setattr(mailsize, "email_html_bytes", counting)
    size, whole = mailsize.email_html_size(meeting)
    assert not whole and size > GMAIL_CLIP_BYTES
    assert max(rendered) < 200 and sum(rendered) < 100, rendered
    warning = mailsize.email_clip_warning(meeting, "en")
    assert warning is not None and "is over" in warning
    # the first items' email is never bigger than the whole meeting's
    assert size <= measure(meeting)


def test_check_warns_about_a_big_meeting_without_rendering_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the letters of the items alone are over 102 KB, nothing is rendered."""
    from tui_referat.export import mailsize

    meeting = load_meeting(write_meeting(100, tmp_path))
    monkeypatch.setattr(mailsize, "email_html_bytes", lambda *a, **k: pytest.fail("rendered"))
    size, whole = mailsize.email_html_size(meeting)
    assert not whole and size > GMAIL_CLIP_BYTES


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_meeting_under_the_limit_is_measured_whole(name: str) -> None:
    from tui_referat.export import mailsize

    meeting = load_meeting(SAMPLES / f"{name}.toml")
    assert mailsize.email_html_size(meeting) == (mailsize.email_html_bytes(meeting), True)


_MARKDOWN = st.lists(
    st.sampled_from([*"ab æø[]()!:`~#*_<>&\\-\n ", "```", "](", "![", "[x]: ", "\n    "]),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    titles=st.lists(st.text(max_size=20), min_size=0, max_size=4),
    texts=st.lists(_MARKDOWN, min_size=0, max_size=4),
    closed=st.booleans(),
)
def test_the_floor_is_never_above_the_real_size(titles, texts, closed) -> None:
    """`email_bytes_at_least`, which lets `check` warn without rendering, is a true floor:
    for any titles and any Markdown (links, images, link definitions, fences, HTML), with a
    closed item or not, the email's HTML is at least that big."""
    from tui_referat.domain.model import AgendaItem, Meeting
    from tui_referat.export import mailsize

    items = [AgendaItem(title) for title in titles] or [AgendaItem("x")]
    for n, text in enumerate(texts):
        item = items[n % len(items)]
        item.minutes, item.recommendation = text, text[::-1]
    items[0].closed = closed
    meeting = Meeting(title="t", lang="da", items=items)
    for include_closed in (False, True):
        floor = mailsize.email_bytes_at_least(meeting, include_closed=include_closed)
        assert floor <= mailsize.email_html_bytes(meeting, include_closed=include_closed)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_the_floor_holds_for_the_samples_and_generated_meetings(name: str) -> None:
    from tui_referat.export import mailsize

    for meeting in (load_meeting(SAMPLES / f"{name}.toml"), *(make_meeting(n) for n in (0, 3))):
        assert mailsize.email_bytes_at_least(meeting) <= mailsize.email_html_bytes(meeting)


@given(st.text(alphabet=st.characters(max_codepoint=0xFF, exclude_characters="]`~")))
def test_the_floor_counts_every_letter_of_danish_and_english_text(text: str) -> None:
    """The floor counts letters fast, by bytes: for text in Latin-1 (Danish, English) it finds
    every letter ``str.isalpha`` finds, so a big meeting is still known as clipped without
    rendering it; letters of other scripts are left out, which keeps it a floor."""
    from tui_referat.export import mailsize

    assert mailsize._letters(text) == sum(ch.isalpha() for ch in text)
    assert mailsize._letters(text + "ωж") == mailsize._letters(text)
