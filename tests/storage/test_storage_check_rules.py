"""`referat check` rules a QA round asked for: an agenda past the end time with explicit item
times, decision items of a meeting not yet held, and item numbers in messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui_referat.cli import main as cli_main
from tui_referat.domain import cycle
from tui_referat.domain.checks import check_meeting
from tui_referat.domain.model import AgendaItem, Attachment, Kind, Meeting, Participant, Status
from tui_referat.storage import dumps_meeting, loads_meeting, locator_for
from tui_referat.storage.fast_check import check_file

TODAY = dt.date(2025, 10, 7)


def _meeting(**changes: object) -> Meeting:
    meeting = Meeting(
        title="Board",
        chair="Ann",
        secretary="Bo",
        participants=[Participant("Ann"), Participant("Bo")],
    )
    for name, value in changes.items():
        setattr(meeting, name, value)
    return meeting


def _findings(
    meeting: Meeting, tmp_path: Path, today: dt.date = TODAY
) -> list[tuple[str, str, str]]:
    path = tmp_path / "m.toml"
    located = loads_meeting(dumps_meeting(meeting), path)
    problems = check_meeting(located, path, locator_for(located), today=today)
    return [(p.level, p.field, p.message) for p in problems]


def _at(*times: tuple[int, int], durations: tuple[int | None, ...] = ()) -> list[AgendaItem]:
    durations = durations or (None,) * len(times)
    return [
        AgendaItem(f"Item {n}", time=dt.time(*moment), duration=minutes)
        for n, (moment, minutes) in enumerate(zip(times, durations, strict=True), start=1)
    ]


# -- the plan and the end time ------------------------------------------------------------


def test_items_with_explicit_times_after_the_end_are_a_warning(tmp_path: Path) -> None:
    meeting = _meeting(
        start=dt.time(12, 0), end=dt.time(13, 0), items=_at((12, 0), (13, 20), (13, 45), (14, 30))
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[1].time",
            "the item is planned at 13.20, at or after the end time 13.00 (item 2)",
        )
    ]


def test_an_item_planned_exactly_at_the_end_is_a_warning(tmp_path: Path) -> None:
    meeting = _meeting(start=dt.time(12, 0), end=dt.time(13, 0), items=_at((12, 0), (13, 0)))
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[1].time",
            "the item is planned at 13.00, at or after the end time 13.00 (item 2)",
        )
    ]


def test_a_computed_time_after_the_end_points_at_the_item(tmp_path: Path) -> None:
    meeting = _meeting(
        start=dt.time(12, 0),
        end=dt.time(13, 0),
        items=[AgendaItem("A", duration=60), AgendaItem("B")],
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[1]",
            "the item is planned at 13.00, at or after the end time 13.00 (item 2)",
        )
    ]


def test_explicit_times_with_a_last_duration_past_the_end(tmp_path: Path) -> None:
    meeting = _meeting(
        start=dt.time(12, 0),
        end=dt.time(13, 0),
        items=_at((12, 0), (12, 30), durations=(30, 45)),
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[1].duration",
            "the plan runs until 13.15, past the end time 13.00 (item 2)",
        )
    ]


def test_an_item_before_the_last_running_past_the_end(tmp_path: Path) -> None:
    # item 1 runs until 13.30, although item 2 (no duration) starts at 12.30
    meeting = _meeting(
        start=dt.time(12, 0),
        end=dt.time(13, 0),
        items=_at((12, 0), (12, 30), durations=(90, None)),
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[0].duration",
            "the plan runs until 13.30, past the end time 13.00 (item 1)",
        )
    ]


def test_a_plan_inside_the_meeting_has_no_timing_warning(tmp_path: Path) -> None:
    meeting = _meeting(
        start=dt.time(12, 0),
        end=dt.time(13, 0),
        items=_at((12, 0), (12, 30), (12, 59), durations=(30, 29, 1)),
    )
    assert _findings(meeting, tmp_path) == []


@pytest.mark.parametrize(
    ("times", "durations"),
    [
        (((12, 0), (13, 20)), ()),
        (((12, 0), (12, 30)), (30, 45)),
        (((12, 0), (12, 30)), (90, None)),
        (((12, 0), (12, 30)), (30, 30)),
        (((12, 0), (12, 59)), (None, None)),
        (((12, 0), (12, 40)), (20, 25)),
    ],
)
def test_check_agrees_with_the_editors_overrun_notice(
    times: tuple[tuple[int, int], ...], durations: tuple[int | None, ...], tmp_path: Path
) -> None:
    meeting = _meeting(
        start=dt.time(12, 0), end=dt.time(13, 0), items=_at(*times, durations=durations)
    )
    timing = [f for f in _findings(meeting, tmp_path) if "end time" in f[2]]
    assert bool(timing) == (cycle.plan_overrun(meeting) is not None)


def test_referat_check_reports_the_late_agenda(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "late.toml"
    path.write_text(
        'format = 1\ntitle = "T"\nstart = "12.00"\nend = "13.00"\n\n'
        '[[items]]\ntitle = "A"\ntime = "13.20"\n\n[[items]]\ntitle = "B"\ntime = "14.30"\n',
        encoding="utf-8",
    )
    assert cli_main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert out == (
        f"{path}:8:8: warning: items[0].time: the item is planned at 13.20, "
        "at or after the end time 13.00 (item 1)\n"
    )


# -- decision items of a meeting not yet held ---------------------------------------------


def test_decision_item_without_a_decision_before_the_meeting_is_fine(tmp_path: Path) -> None:
    meeting = _meeting(date=dt.date(2025, 10, 8), items=[AgendaItem("Budget", kind=Kind.DECISION)])
    assert _findings(meeting, tmp_path, today=TODAY) == []


def test_decision_item_without_a_decision_on_or_after_the_day_warns(tmp_path: Path) -> None:
    item = AgendaItem("Budget", kind=Kind.DECISION)
    for day in (TODAY, dt.date(2025, 10, 1)):
        meeting = _meeting(date=day, items=[item])
        assert _findings(meeting, tmp_path, today=TODAY) == [
            (
                "warning",
                "items[0].decision",
                "a decision item (B) has no decision yet, "
                "which is an error once the status is not draft (item 1)",
            )
        ]


def test_decision_item_without_a_decision_and_without_a_date_warns(tmp_path: Path) -> None:
    meeting = _meeting(items=[AgendaItem("Budget", kind=Kind.DECISION)])
    ((level, field, _),) = _findings(meeting, tmp_path, today=TODAY)
    assert (level, field) == ("warning", "items[0].decision")


def test_future_minutes_under_review_still_need_the_decision(tmp_path: Path) -> None:
    meeting = _meeting(
        date=dt.date(2026, 1, 1),
        status=Status.REVIEW,
        items=[AgendaItem("Budget", kind=Kind.DECISION)],
    )
    assert _findings(meeting, tmp_path, today=TODAY) == [
        ("error", "items[0].decision", "a decision item (B) has no decision (item 1)")
    ]


def test_check_file_takes_today(tmp_path: Path) -> None:
    path = tmp_path / "agenda.toml"
    path.write_text(
        'format = 1\ntitle = "T"\ndate = 2025-10-08\n\n[[items]]\ntitle = "B"\nkind = "B"\n',
        encoding="utf-8",
    )
    assert check_file(path, today=TODAY) == []
    assert [p.field for p in check_file(path, today=dt.date(2025, 10, 8))] == ["items[0].decision"]


# -- item numbers in messages -------------------------------------------------------------


def test_file_errors_about_an_item_name_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q.toml"
    path.write_text(
        'format = 1\n\n[[items]]\ntitle = "A"\n\n[[items]]\ntitle = "B"\nkind = "Q"\n',
        encoding="utf-8",
    )
    assert cli_main(["check", str(path)]) == 1
    out, _ = capsys.readouterr()
    assert out == f'{path}:8:8: error: items[1].kind: expected O, D or B, got "Q" (item 2)\n'


def test_attachment_messages_keep_their_own_number(tmp_path: Path) -> None:
    meeting = _meeting(
        items=[AgendaItem("A"), AgendaItem("B", attachments=[Attachment("X", "gone.pdf")])]
    )
    assert _findings(meeting, tmp_path) == [
        (
            "error",
            "items[1].attachments[0].path",
            'attachment 2.1 "gone.pdf" does not exist (relative to the meeting file)',
        )
    ]


def test_messages_not_about_an_item_have_no_number(tmp_path: Path) -> None:
    found = _findings(_meeting(chair="Cleo"), tmp_path)
    assert found == [("error", "chair", '"Cleo" is not among the participants')]


def test_a_plan_running_past_midnight(tmp_path: Path) -> None:
    meeting = _meeting(
        start=dt.time(23, 0), end=dt.time(23, 30), items=[AgendaItem("Late", duration=120)]
    )
    assert _findings(meeting, tmp_path) == [
        (
            "warning",
            "items[0].duration",
            "the plan runs until 01.00, past the end time 23.30 (item 1)",
        )
    ]
