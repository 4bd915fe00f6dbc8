"""Open actions across meetings: ``commands.actions`` reads the meeting files whose open
actions ``actions_of`` lists (pure Python on the model). Apart from ``cycle``, which the
editor imports at start-up (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .model import Meeting

__all__ = ["OpenAction", "actions_of"]


@dataclass
class OpenAction:
    """An action found in a meeting file, with where it came from."""

    text: str
    owner: str
    due: dt.date | None
    done: bool
    meeting_title: str
    meeting_date: dt.date | None
    path: Path
    item_number: int
    item_title: str
    overdue: bool
    #: The action belongs to a closed item (lukket punkt).
    closed: bool = False

    def sort_key(self) -> tuple:
        return (
            not self.overdue,
            self.due is None,
            self.due or dt.date.max,
            self.meeting_date or dt.date.min,
            str(self.path),
            self.item_number,
        )


def actions_of(
    meeting: Meeting,
    path: Path,
    today: dt.date,
    include_done: bool = False,
    include_closed: bool = False,
) -> list[OpenAction]:
    """The open actions of ``meeting`` (read from ``path``), in agenda order; ``include_done``
    lists the done ones too, ``include_closed`` those of closed items (left out otherwise).
    An action due before ``today`` is overdue."""
    found = []
    for index, item in enumerate(meeting.items):
        if item.closed and not include_closed:
            continue
        for action in item.actions:
            if action.done and not include_done:
                continue
            found.append(
                OpenAction(
                    text=action.text,
                    owner=action.owner,
                    due=action.due,
                    done=action.done,
                    meeting_title=meeting.title,
                    meeting_date=meeting.date,
                    path=path,
                    item_number=meeting.item_number(index),
                    item_title=item.title,
                    overdue=(not action.done and action.due is not None and action.due < today),
                    closed=item.closed,
                )
            )
    return found
