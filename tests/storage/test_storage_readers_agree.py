"""One reading decides what a meeting file means: tomllib (the fast reader of ``check`` and
the editor) and tomlkit (the document kept for saving) must agree, or the file is refused.

What a user would notice if this went wrong: a file that ``check`` calls clean but that the
first save rewrites whole (comments gone, dates turned into date-times), a time silently
dropped from a date, or ``check`` hanging on a file with an absurdly deep key.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.domain.errors import MeetingFileError
from tui_referat.storage import dumps_meeting, loads_meeting, save_meeting, validate_text
from tui_referat.storage.fast_check import check_file
from tui_referat.storage.fast_read import PendingDocument, read_fast

HEAD = 'format = 1\ntitle = "T"\n'


def _check(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8", newline="")
    return [str(problem) for problem in check_file(path)]


def _known(problems: list[str]) -> list[str]:
    """The problems but the unknown-key warnings (these files use made-up keys on purpose)."""
    return [problem for problem in problems if ": unknown key" not in problem]


def _load_error(text: str) -> MeetingFileError:
    with pytest.raises(MeetingFileError) as caught:
        loads_meeting(text, "m.toml")
    return caught.value


# -- (1) pathological nesting is refused quickly, with its line and column ----------------


@pytest.mark.parametrize("depth", [25, 150, 20000])
def test_a_deeply_dotted_key_is_refused_quickly_with_its_position(
    tmp_path: Path, depth: int
) -> None:
    text = HEAD + "# a comment\n  " + ".".join(["a"] * depth) + " = 1\n"
    started = time.perf_counter()
    problems = _check(tmp_path, text)
    error = _load_error(text)
    assert time.perf_counter() - started < 1.0
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 'm.toml'}:4:3: error: ")
    assert "deep" in problems[0]
    assert (error.line, error.col) == (4, 3)


def test_deep_table_headers_and_inline_keys_are_refused_too(tmp_path: Path) -> None:
    deep = ".".join(["k"] * 30)
    for text, where in [
        (HEAD + f"[{deep}]\nx = 1\n", "3:2"),
        (HEAD + f'[[items]]\ntitle = "A"\nx = {{ {deep} = 1 }}\n', "5:7"),
        (HEAD + "[[items]]\n" + ".".join(['"q"'] * 30) + " = 1\n", "4:1"),
    ]:
        assert [p.split(": error")[0][-len(where) :] for p in _check(tmp_path, text)] == [where]


@pytest.mark.parametrize(
    ("value", "col"), [("[" * 300 + "]" * 300, 25), ("{a = " * 25 + "1" + "}" * 25, 105)]
)
def test_values_nested_too_deep_are_refused_by_both_readers(
    tmp_path: Path, value: str, col: int
) -> None:
    text = HEAD + "x = " + value + "\n"  # tomllib reads 300 arrays deep, tomlkit refuses
    assert _check(tmp_path, text) == [
        f"{tmp_path / 'm.toml'}:3:{col}: error: "
        "a value nested more than 20 levels deep (a meeting file needs no more than 4)"
    ]
    assert (_load_error(text).line, _load_error(text).col) == (3, col)


def test_twenty_nested_values_and_brackets_in_strings_are_read(tmp_path: Path) -> None:
    text = HEAD + "x = " + "[" * 20 + "]" * 20 + "\n"
    text += 'y = "' + "[" * 30 + '"  # ' + "{" * 30 + "\n[[items]]\ntitle = 'A'\n"
    assert _known(_check(tmp_path, text)) == []
    assert read_fast(text) is not None


def test_dots_inside_strings_and_comments_are_not_keys(tmp_path: Path) -> None:
    dots = ".".join(["1"] * 40)
    text = (
        HEAD
        + f'location = "{dots}"  # {dots}\n[[items]]\ntitle = "A"\nminutes = """\n{dots} = x\n"""\n'
    )
    assert _known(_check(tmp_path, text)) == []
    assert read_fast(text) is not None


# -- (2) a file either reader refuses is refused, by check and by load --------------------


def test_a_date_with_a_space_and_a_short_time_is_refused(tmp_path: Path) -> None:
    text = HEAD + "date = 2025-10-07 13:00\n"  # tomlkit reads it, tomllib does not
    problems = _check(tmp_path, text)
    error = _load_error(text)
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 'm.toml'}:3:19: error: ")
    assert (error.path, error.line, error.col) == ("m.toml", 3, 19)
    assert "2025-10-07T13:00:00" in error.message  # says how to write it


def test_the_tomllib_position_counts_the_byte_order_mark(tmp_path: Path) -> None:
    text = "\ufeffdate = 2025-10-07 13:00\n" + HEAD
    assert _check(tmp_path, text)[0].startswith(f"{tmp_path / 'm.toml'}:1:20: error: ")


# -- (3) odd but valid TOML: both readings equal, an edit changes only its line -----------

ODD = [
    HEAD + "[[items]]\ntitle = 'C:\\path\\lit'\nkind = \"O\"\n",
    HEAD + '[[items]]\ntitle = "A"\nextra = { a = 1, b = { c = "x" } }\n',
    HEAD + 'site.name = "Shed"\nsite.where.room = 2\n[[items]]\ntitle = "A"\n',
    HEAD + '[[items]]\ntitle = "A"  # trailing\n# between\nminutes = """\nx\n"""\n',
    HEAD.replace("\n", "\r\n") + '[[items]]\r\ntitle = "A"\r\n# c\r\n',
    HEAD + 'date = 2025-10-07\nremarks_deadline = 2025-09-30\n[[items]]\ntitle = "A"\n',
    HEAD + '[[items]]\ntitle = "A"\n[items.meta]\nx.y = 1\n[[items.remarks]]\ntext = "r"\n',
    HEAD + '"quoted key" = 1\n[[items]]\n"title" = "A"\n',
    HEAD + "x = nan\ny = 0x1F\nz = 1979-05-27T00:32:00.999999999-07:00\n[[items]]\ntitle = 'A'\n",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_valid_files_read_the_same_both_ways_and_save_one_line(text: str) -> None:
    full, problems = validate_text(text)
    assert not problems and full is not None
    fast = loads_meeting(text)
    assert fast == full
    fast.items[0].title = "Renamed"
    saved = dumps_meeting(fast)
    old, new = text.splitlines(keepends=True), saved.splitlines(keepends=True)
    assert len(old) == len(new)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(changed) == 1 and "Renamed" in changed[0][1]


def test_a_document_that_cannot_be_made_stops_the_save_not_the_file(
    monkeypatch, tmp_path: Path
) -> None:
    text = ODD[5]
    meeting = loads_meeting(text)
    assert isinstance(meeting.origin, PendingDocument)
    from tui_referat.storage import document

    def broken(*_: object, **__: object) -> None:
        raise MeetingFileError("boom", None, 1, 1)

    monkeypatch.setattr(document, "parse_document", broken)
    meeting.title = "New"
    with pytest.raises(MeetingFileError):
        dumps_meeting(meeting)  # never a whole new document in place of the user's file
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MeetingFileError) as caught:
        save_meeting(meeting, path)
    assert caught.value.path == str(path)
    assert path.read_text(encoding="utf-8") == text


# -- (4) a date stays a date ---------------------------------------------------------------


def test_a_date_deadline_stays_a_date_after_saves() -> None:
    text = ODD[5]
    meeting = loads_meeting(text)
    meeting.title = "Other"
    saved = dumps_meeting(meeting)
    assert "remarks_deadline = 2025-09-30\n" in saved
    meeting.remarks_deadline = meeting.remarks_deadline + dt.timedelta(days=2)
    saved = dumps_meeting(meeting)
    assert "remarks_deadline = 2025-10-02\n" in saved
    assert "date = 2025-10-07\n" in saved
    meeting.remarks_deadline = dt.datetime(2025, 10, 3, 16, 0)  # a time given: a date-time
    assert "remarks_deadline = 2025-10-03T16:00:00\n" in dumps_meeting(meeting)


def test_twenty_levels_are_read_and_twenty_one_refused(tmp_path: Path) -> None:
    from tui_referat.storage.parse_limits import MAX_DEPTH, nesting_error

    ok = HEAD + "x." + ".".join(['"q"'] * (MAX_DEPTH - 1)) + " = 1\n"
    assert read_fast(ok) is not None and _known(_check(tmp_path, ok)) == []
    deep = HEAD + "x . " + " . ".join(['"q"'] * MAX_DEPTH) + " = 1\n"
    assert nesting_error(deep, "m.toml") is not None
    assert _load_error(deep).line == 3


def test_referat_check_as_a_process_reports_a_deep_key(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(HEAD + ".".join(["a"] * 20000) + " = 1\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "tui_referat", "check", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:3:1: error: a key nested more than 20 levels")


# -- (3b) the same, for generated files -----------------------------------------------------

#: Unknown keys and comments, odd but valid TOML; ``{n}`` makes each key its own.
_EXTRAS = [
    "x{n} = 'C:\\\\lit'",
    'x{n} = {{ a = 1, b = {{ c = "x" }}, d = [1, 2] }}',
    "x{n}.a = 1",
    "x{n}.a.b = 'deep'",
    "x{n}.b.c.d = 2025-10-07",
    '"x {n}" = "quoted key"',
    "x{n} = 1.5e3  # a float",
    "# just a comment {n}",
    "x{n} = '''\nlines\n'''",
    "x{n} = 07:30:00",
    "x{n} = nan",
    "x{n} = [\n  1,  # one\n  2,\n]",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_EXTRAS), max_size=4),
    st.lists(st.sampled_from(_EXTRAS), max_size=4),
    st.booleans(),
)
def test_generated_odd_files_read_the_same_both_ways(top, item, crlf) -> None:
    import tomlkit

    lines = [*HEAD.splitlines(), *(e.format(n=i) for i, e in enumerate(top))]
    lines += ["[[items]]", 'title = "A"', *(e.format(n=i + 10) for i, e in enumerate(item))]
    end = "\r\n" if crlf else "\n"
    text = end.join("\n".join(lines).split("\n")) + end
    # TOML lets a reader turn CRLF in multi-line strings into LF, as tomllib does (so a file
    # with CR characters is read by tomlkit alone, lazy.read_fast)
    kept = repr(tomlkit.parse(text).unwrap()).replace("\\r\\n", "\\n")
    assert kept == repr(tomllib.loads(text))
    full, problems = validate_text(text)
    assert not problems
    meeting = loads_meeting(text)
    assert meeting == full
    if not crlf:
        assert read_fast(text) == full
    meeting.items[0].title = "Renamed"
    old, new = text.splitlines(keepends=True), dumps_meeting(meeting).splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [(f'title = "A"{end}', f'title = "Renamed"{end}')]
