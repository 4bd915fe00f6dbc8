"""`referat check` reads clean files with tomllib; it must report exactly what the full
tomlkit path reports (same messages, same FILE:LINE:COL), for any file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.domain.checks import Problem, check_meeting
from tui_referat.storage import dumps_meeting, layout_problems, locator_for, validate_file
from tui_referat.storage.fast_check import check_file
from tui_referat.storage.table_order import tables_in_order
from tui_referat.storage.unknown import unknown_key_problems

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXTS = [
    p.read_text(encoding="utf-8")
    for p in [Path(__file__).parent / "data" / "commented.toml", *(ROOT / "samples").glob("*.toml")]
]
_NOISE = ['"', "'", "[", "]", "[[", "=", "\n", "#", "{", "}", ",", ".", "\\", '"""', "x", "1"]
_HEADERS = [
    "\n[[items]]\n",
    "\n[[items.remarks]]\n",
    "\n[[items.attachments]]\n",
    "\n[[items.actions]]\n",
    "\n[[participants]]\n",
    "\n[next_meeting]\n",
    "\n[[thing]]\n",
    "\n[thing.sub]\n",
    '\n[ "items" ]\n',
    "\n[ items . remarks ]\n",
    '\nminutes = """\n[[items]]\n"""\n',
]


def _full_check(path: Path) -> list[Problem]:
    """What the full tomlkit path reports for the file: the file's own problems, or else
    the layout's and the content's; with the unknown keys of a file that reads."""
    meeting, problems = validate_file(path)
    if meeting is None:
        return problems
    unknown = unknown_key_problems(meeting, str(path))
    if not problems:
        problems = layout_problems(meeting, str(path))
        problems += check_meeting(meeting, str(path), locator_for(meeting))
    return sorted(problems + unknown, key=lambda problem: (problem.line or 0, problem.col or 0))


def _same(tmp_path: Path, text: str) -> None:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    assert [str(p) for p in check_file(path)] == [str(p) for p in _full_check(path)]


@pytest.mark.parametrize("text", SAMPLE_TEXTS)
def test_samples_are_clean_and_in_order(text: str, tmp_path: Path) -> None:
    assert tables_in_order(text)
    _same(tmp_path, text)


def test_tables_out_of_order_are_noticed() -> None:
    head = 'format = 1\ntitle = "T"\n'
    assert tables_in_order(head + "[[items]]\n[[items.remarks]]\n[[items.remarks]]\n[[items]]\n")
    assert not tables_in_order(head + "[[items]]\n[[thing]]\n[[items.attachments]]\n")
    assert not tables_in_order(
        head + "[[items]]\n[[items.remarks]]\n[[items.attachments]]\n[[items.remarks]]\n"
    )
    assert not tables_in_order(head + "[a.b]\nx = 1\n[a]\ny = 2\n")
    assert not tables_in_order(head + '[[items]]\n[[ "items".remarks ]]\n')
    assert tables_in_order(head + "[[ items ]]\n[[ items . remarks ]]\n")
    assert tables_in_order(head + 'minutes = """\n[[thing]]\n"""\n[[items]]\n')


def test_missing_unreadable_and_broken_files_say_the_same(tmp_path: Path) -> None:
    assert [str(p) for p in check_file(tmp_path / "gone.toml")] == [
        f"{tmp_path / 'gone.toml'}: error: no such file"
    ]
    (tmp_path / "bin.toml").write_bytes(b'format = 1\ntitle = "\xff"\n')
    assert check_file(tmp_path / "bin.toml") == _full_check(tmp_path / "bin.toml")
    _same(tmp_path, "\ufeffformat = 1\ntitle = 3\n")
    _same(tmp_path, 'format = 1\ntitle = "open\n')


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SAMPLE_TEXTS),
    st.lists(
        st.tuples(
            st.integers(0), st.integers(0, 5), st.sampled_from(_NOISE), st.sampled_from(_HEADERS)
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_files_report_the_same(text: str, edits: list) -> None:
    for where, kind, noise, header in edits:
        at = where % (len(text) + 1)
        if kind == 0:
            text = text[:at] + text[at + 1 :]
        elif kind == 1:
            text = text[:at] + noise + text[at:]
        elif kind == 2:
            lines = text.splitlines(keepends=True)
            line = lines[at % len(lines)]
            lines.insert(at % len(lines), line)
            text = "".join(lines)
        elif kind == 3:
            lines = text.splitlines(keepends=True)
            lines.insert(at % len(lines), header)
            text = "".join(lines)
        else:
            text = text[:at] + noise + text[at + 1 :]
    with tempfile.TemporaryDirectory() as folder:
        _same(Path(folder), text)


def test_generated_meetings_report_the_same(tmp_path: Path) -> None:
    from benchmarks.generate import make_meeting

    meeting = make_meeting(4)
    meeting.chair = "Nobody"
    meeting.items[1].minutes = "[[items]]\n[link](x)\n"
    _same(tmp_path, dumps_meeting(meeting))
