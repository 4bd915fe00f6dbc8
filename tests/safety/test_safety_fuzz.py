"""Damaged meeting files: ``load_meeting`` and ``referat check`` only ever raise our one error.

Hypothesis mutates the bundled samples' bytes (flips, cuts, splices of TOML-ish tokens) and
every result must either load or raise ``MeetingFileError``; ``referat check`` must answer
with an exit code, never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_referat.cli import main as cli_main
from tui_referat.domain.errors import MeetingFileError
from tui_referat.storage import dumps_meeting, load_meeting

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.toml"))
SOURCES = [path.read_bytes() for path in SAMPLES]
TOKENS = [
    b"[[items]]\n", b"[[items.remarks]]\n", b"[next_meeting]\n", b'"""', b"'''", b"=", b"\n",
    b"[", b"]]", b"{", b"}", b",", b"\x00", b"\xff\xfe", b"\xc3", b"\xef\xbb\xbf", b"\\u0000",
    b"1979-05-27T07:32:00Z", b"24:61", b"inf", b"nan", b"-0", b"9" * 40, b"true", b'"\\x"',
    b"format = 2\n", b"kind = 5\n", b"items = 3\n", b"title = []\n", b"remarks = \"x\"\n",
    b"\x1b[2J", b"\r", b"\t", b"a.b.c = 1\n", b"[items]\n", b"start = \"25.99\"\n",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SOURCES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate", "duplicate"]))
        if action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif action == "truncate":
            del data[at:]
        elif action == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 300))]
    return bytes(data)


FOLDER = Path(tempfile.mkdtemp(prefix="referat-fuzz-"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_load_meeting_raises_only_meeting_file_error(data: bytes) -> None:
    path = FOLDER / "fuzz.toml"
    path.write_bytes(data)
    try:
        meeting = load_meeting(path)
    except MeetingFileError as error:
        assert str(error).startswith(str(path))
        return
    # what loads must also save
    with contextlib.suppress(MeetingFileError):
        dumps_meeting(meeting)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_referat_check_answers_with_an_exit_code(data: bytes) -> None:
    path = FOLDER / "check.toml"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(["check", str(path)])
    assert code in (0, 1)
    assert "Traceback" not in out.getvalue() + err.getvalue()
