"""Unknown keys and typos (issue 14): warned about at every level, with "did you mean",
kept byte for byte; a kind of 0 and a date TOML cannot read say what was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_referat import cli
from tui_referat.storage import loads_meeting, save_meeting, unknown_keys
from tui_referat.storage.fast_check import check_file
from tui_referat.storage.key_hints import suggest
from tui_referat.storage.reader import MEETING_LISTS, SUB_TABLES
from tui_referat.storage.unknown import KeyUse
from tui_referat.storage.values import MEETING_FIELDS, NEXT_MEETING_FIELDS

ROOT = Path(__file__).parents[2]
KEPT = "unknown key (kept in the file, but referat does not read it)"

TYPOS = """\
format = 1
title = "T"
dato = 2025-10-07
colour = "green"

[[header]]
key = "journal"
label = "J.nr."
value = "2025-114"

[[participants]]
name = "Anne"
navn = "Anne"

[[items]]
title = "A"
kind = "D"
minuts = "hej"            # a typo
beslutning = "vedtaget"

[items.vote]
for = 1
imod = 1

[[items.remarks]]
text = "r"
sourse = "written"

[[items.attachments]]
title = "Bilag"
pth = "b.pdf"

[[items.actions]]
text = "gør det"
ower = "Anne"

[next_meeting]
sted = "Rådhuset"
"""


def _check(tmp_path: Path, text: str, name: str = "m.toml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [str(problem).replace(str(path), name) for problem in check_file(path)]


def test_every_level_warns_with_file_line_col_and_a_guess(tmp_path: Path) -> None:
    assert _check(tmp_path, TYPOS) == [
        'm.toml:3:1: warning: dato: unknown key — did you mean "date"?',
        f"m.toml:4:1: warning: colour: {KEPT}",
        'm.toml:13:1: warning: participants[0].navn: unknown key — did you mean "name"?',
        'm.toml:18:1: warning: items[0].minuts: unknown key — did you mean "minutes"? (item 1)',
        'm.toml:19:1: warning: items[0].beslutning: unknown key — did you mean "decision"? '
        "(item 1)",
        'm.toml:23:1: warning: items[0].vote.imod: unknown key — did you mean "against"? (item 1)',
        'm.toml:27:1: warning: items[0].remarks[0].sourse: unknown key — did you mean "source"? '
        "(item 1)",
        'm.toml:31:1: warning: items[0].attachments[0].pth: unknown key — did you mean "path"? '
        "(item 1)",
        'm.toml:35:1: warning: items[0].actions[0].ower: unknown key — did you mean "owner"? '
        "(item 1)",
        'm.toml:38:1: warning: next_meeting.sted: unknown key — did you mean "location"?',
    ]


def test_the_full_path_reports_unknown_keys_next_to_errors(tmp_path: Path) -> None:
    text = TYPOS.replace('kind = "D"', 'kind = "Q"')  # an error: tomlkit reads it again
    found = _check(tmp_path, text)
    assert 'm.toml:17:8: error: items[0].kind: expected O, D or B, got "Q" (item 1)' in found
    assert len([line for line in found if ": unknown key" in line]) == 10


def test_the_command_prints_them_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.toml"
    path.write_text('format = 1\ntitle = "T"\n[[items]]\ntitle = "A"\nreferat = "x"\n')
    assert cli.main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == (
        f'{path}:5:1: warning: items[0].referat: unknown key — did you mean "minutes"? (item 1)\n'
    )
    assert err == "referat check: 1 file: 0 errors, 1 warning\n"


def test_an_unknown_table_and_a_dotted_key_are_one_warning_each(tmp_path: Path) -> None:
    text = 'format = 1\ntitle = "T"\nx.y.z = 1\n\n[punkter]\ntitle = "A"\n'
    assert _check(tmp_path, text) == [
        f"m.toml:3:1: warning: x: {KEPT}",
        'm.toml:5:1: warning: punkter: unknown key — did you mean "items"?',
    ]


def test_no_warning_for_the_samples_and_custom_header_fields(tmp_path: Path) -> None:
    for sample in sorted((ROOT / "samples").glob("*.toml")):
        assert [str(p) for p in check_file(sample)] == [], sample
    header = 'format = 1\ntitle = "T"\n[[header]]\nkey = "journal"\nlabel = "J.nr."\nvalue = "1"\n'
    assert _check(tmp_path, header) == []


def _every_known_key() -> str:
    """A file with every key of every spec (values of any type: only the keys matter)."""
    lines = ["format = 1"] + [f'{field.key} = "x"' for field in MEETING_FIELDS]
    for _, key, cls, fields, nested in MEETING_LISTS:
        lines += [f"[[{key}]]"] + [f'{field.key} = "x"' for field in fields]
        for spec in SUB_TABLES.get(cls, ()):
            lines += [f"[{key}.{spec[1]}]"] + [f'{field.key} = "x"' for field in spec[3]]
        for sub in nested:
            lines += [f"[[{key}.{sub[1]}]]"] + [f'{field.key} = "x"' for field in sub[3]]
    lines += ["[next_meeting]"] + [f'{field.key} = "x"' for field in NEXT_MEETING_FIELDS]
    return "\n".join(lines) + "\n"


def test_every_key_of_the_specs_is_known(tmp_path: Path) -> None:
    found = _check(tmp_path, _every_known_key())
    assert found  # the values are wrong on purpose: errors, but no unknown key
    assert [line for line in found if ": unknown key" in line] == []


def test_a_table_read_by_iterating_over_it_is_free() -> None:
    labels = KeyUse({"anything": 1, "goes": 2})
    assert labels.unknown() == ["anything", "goes"]
    dict(labels.items())
    assert labels.unknown() == []
    fixed = KeyUse({"order": 1, "ordr": 2})
    fixed.get("order")
    assert fixed.unknown() == ["ordr"]


@pytest.mark.parametrize(
    ("key", "known", "meant"),
    [
        ("minuts", ("minutes", "title"), "minutes"),
        ("Title", ("minutes", "title"), "title"),
        ("indstilling", ("recommendation", "minutes"), "recommendation"),
        ("deltagere", ("participants", "items"), "participants"),
        ("bilag", ("attachments", "remarks"), "attachments"),
        ("lukket", ("closed",), "closed"),
        ("bemærkninger", ("remarks",), "remarks"),
        ("sagsfremstilling", ("case", "title"), "case"),
        ("sagsfremstilling", ("title",), None),  # not a key at this level: no guess
        ("dato", ("due", "text"), None),
        ("zebra", ("minutes", "title"), None),
    ],
)
def test_suggestions(key: str, known: tuple[str, ...], meant: str | None) -> None:
    assert suggest(key, known) == meant


def test_unknown_keys_and_their_comments_stay_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(TYPOS, encoding="utf-8")
    meeting = loads_meeting(TYPOS, path)
    assert len(unknown_keys(meeting, path)) == 10
    meeting.items[0].title = "B"
    save_meeting(meeting, path)
    saved = path.read_text(encoding="utf-8")
    assert saved == TYPOS.replace('title = "A"', 'title = "B"')
    assert 'minuts = "hej"            # a typo\n' in saved


def test_a_kind_of_zero_means_the_letter(tmp_path: Path) -> None:
    text = 'format = 1\ntitle = "T"\n[[items]]\ntitle = "A"\nkind = "0"\n[[items]]\ntitle = "B"\n'
    text += 'kind = "b"\n'
    assert _check(tmp_path, text) == [
        'm.toml:5:8: error: items[0].kind: expected O, D or B, got "0" '
        "— did you mean O (the letter)? (item 1)",
        'm.toml:8:8: error: items[1].kind: expected O, D or B, got "b" — did you mean "B"? '
        "(item 2)",
    ]
    bare = 'format = 1\ntitle = "T"\n[[items]]\ntitle = "A"\nkind = 0\n'
    assert _check(tmp_path, bare) == [
        "m.toml:5:8: error: items[0].kind: expected O, D or B, got 0 "
        "— did you mean O (the letter)? (item 1)"
    ]


def test_a_date_toml_cannot_read_names_its_field(tmp_path: Path) -> None:
    assert _check(tmp_path, "format = 1\ndate = 2006-05\n") == [
        "m.toml:2:15: error: date: invalid number; dates are written date = 2025-10-07 "
        "(year-month-day)"
    ]
    text = 'format = 1\n[[items]]\ntitle = "A"\n[[items]]\ntitle = "B"\n'
    text += "[[items.actions]]\ntext = 'x'\ndue = 17-05-2006\n"
    assert _check(tmp_path, text) == [
        "m.toml:8:17: error: items[1].actions[0].due: invalid number; dates are written "
        "due = 2025-10-07 (year-month-day) (item 2)"
    ]
    # an error that is not in a value names no field
    assert _check(tmp_path, "format = 1\n[[items]\n")[0].startswith("m.toml:2:")
    assert ": items" not in _check(tmp_path, "format = 1\n[[items]\n")[0]


def test_an_error_names_the_field_on_load_too() -> None:
    from tui_referat.domain.errors import MeetingFileError

    with pytest.raises(MeetingFileError) as caught:
        loads_meeting('format = 1\n[[items]]\ntitle = "A"\ntime = 13.00.00\n', "m.toml")
    assert caught.value.field == "items[0].time"
    assert str(caught.value).startswith("m.toml:4:")


def test_the_scan_keeps_check_fast_on_a_big_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One unknown key in every item of a 200-item file: the file is scanned for positions
    as often as the same file without them, not once per key (the keys are noted while
    reading; one scan finds them all). Counted, not timed: a busy machine cannot fail it."""
    from benchmarks.generate import write_meeting
    from tui_referat.storage import locate

    clean = write_meeting(200, tmp_path)
    text = clean.read_text(encoding="utf-8")
    typos = tmp_path / "typos.toml"
    typos.write_text(text.replace("\n[[items]]\n", '\n[[items]]\nminuts = "x"\n'), "utf-8")
    scans: list[str] = []
    scan = locate._Scanner.scan

    def counted(self: locate._Scanner) -> object:
        scans.append("scan")
        return scan(self)

    monkeypatch.setattr(locate._Scanner, "scan", counted)

    def check(path: Path) -> tuple[int, int]:
        scans.clear()
        count = sum(": unknown key" in str(p) for p in check_file(path))
        return count, len(scans)

    none, clean_scans = check(clean)
    many, typo_scans = check(typos)
    assert none == 0 and many == text.count("\n[[items]]\n")
    assert typo_scans <= clean_scans + 1


def test_a_meeting_key_below_a_table_says_where_it_belongs(tmp_path: Path) -> None:
    text = 'format = 1\ntitle = "T"\n[[items]]\ntitle = "A"\nlocation = "Rådhuset"\n'
    assert _check(tmp_path, text) == [
        "m.toml:5:1: warning: items[0].location: unknown key here; it is a key of the meeting: "
        "write it above the first [table] line (a key below a [table] line belongs to that "
        "table) (item 1)"
    ]
