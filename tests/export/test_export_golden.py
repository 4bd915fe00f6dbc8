"""Golden files: every format of both samples and of a Python-built meeting.

A change in an export shows up as a diff in tests/golden/; after reviewing it, regenerate
with ``pytest tests/export --update-golden``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui_referat.export import FORMATS, render
from tui_referat.storage import load_meeting

from .conftest import built_meeting
from .docx_read import outline

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SUFFIX = {"md": "md", "html": "html", "email": "email.html", "text": "txt", "eml": "eml",
          "docx": "docx.txt"}  # fmt: skip


def _reviewable(data: bytes, fmt: str) -> bytes:
    """A .docx is compared by its outline (styles and text), not by its zip's bytes."""
    return outline(data) if fmt == "docx" else data


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("sample", ["arbejdsgruppe", "board-meeting", "lokaludvalg"])
def test_sample_exports_match_golden(
    sample: str, fmt: str, golden: Callable[[str, bytes], None]
) -> None:
    path = SAMPLES / f"{sample}.toml"
    data = render(load_meeting(path), fmt, base_dir=path.parent)
    golden(f"{sample}.{SUFFIX[fmt]}", _reviewable(data, fmt))


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_built_meeting_exports_match_golden(
    lang: str, fmt: str, golden: Callable[[str, bytes], None]
) -> None:
    golden(f"built-{lang}.{SUFFIX[fmt]}", _reviewable(render(built_meeting(lang), fmt), fmt))


def test_plain_theme_matches_golden(golden: Callable[[str, bytes], None]) -> None:
    meeting = load_meeting(SAMPLES / "board-meeting.toml")
    golden("board-meeting.plain.html", render(meeting, "html", theme="plain"))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_exports_are_deterministic(fmt: str) -> None:
    assert render(built_meeting(), fmt) == render(built_meeting(), fmt)
