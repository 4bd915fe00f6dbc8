"""One agenda plan: ``cycle.plan_finish`` is where both the editor's overrun notice
(``plan_overrun``) and ``referat check``'s "the plan runs until" warning find the plan's end."""

from __future__ import annotations

import datetime as dt

from tui_referat.domain.cycle import plan_finish, plan_overrun
from tui_referat.domain.model import AgendaItem, Meeting


def _meeting(*items: tuple[tuple[int, int] | None, int | None]) -> Meeting:
    return Meeting(
        start=dt.time(12, 0),
        end=dt.time(13, 0),
        items=[
            AgendaItem(f"Punkt {n}", time=dt.time(*at) if at else None, duration=minutes)
            for n, (at, minutes) in enumerate(items)
        ],
    )


def test_the_latest_start_plus_duration_and_its_item() -> None:
    # item 0 runs until 13.30 although item 1 (no duration) starts later, at 12.30
    meeting = _meeting(((12, 0), 90), ((12, 30), None))
    assert plan_finish(meeting) == (0, 13 * 60 + 30)
    assert plan_overrun(meeting) == 30


def test_of_equal_finishes_the_later_item() -> None:
    meeting = _meeting(((12, 0), 30), ((12, 20), 10))
    assert plan_finish(meeting) == (1, 12 * 60 + 30)


def test_only_items_starting_before_a_time() -> None:
    meeting = _meeting(((12, 0), 30), ((13, 20), 10))
    assert plan_finish(meeting) == (1, 13 * 60 + 30)
    assert plan_finish(meeting, starting_before=dt.time(13, 0)) == (0, 12 * 60 + 30)


def test_no_planned_time_no_finish() -> None:
    meeting = Meeting(items=[AgendaItem("A", duration=10)])
    assert plan_finish(meeting) is None
    assert plan_overrun(meeting) is None
