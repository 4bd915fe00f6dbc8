"""Generate synthetic meetings of any size for the benchmarks (about 4 KB of Markdown an item)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui_referat.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    CaseField,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    RemarkSource,
)

_PARAGRAPH = (
    "Arbejdsgruppen drøftede udkastet og gav en række bemærkninger til det videre arbejde. "
    "Der var enighed om at fastholde tidsplanen, men at prioritere de opgaver, der har størst "
    "betydning for brugerne, og at afklare økonomien inden næste møde."
)


def _minutes(index: int, lines: int) -> str:
    bullets = "\n".join(f"- punkt {index}.{n}: {_PARAGRAPH[: 60 + n % 40]}" for n in range(8))
    body = "\n\n".join(_PARAGRAPH for _ in range(max(1, lines // 4)))
    return f"{body}\n\n{bullets}\n"


def make_meeting(items: int, *, minutes_lines: int = 38) -> Meeting:
    """A Danish meeting with ``items`` agenda items of about 4 KB of Markdown each."""
    people = [
        Participant(
            name=f"Deltager {n:02d}",
            title="konsulent",
            organisation=f"Region {n % 5}",
            email=f"d{n}@example.org",
            attendance=[Attendance.PRESENT, Attendance.ONLINE, Attendance.APOLOGIES][n % 3],
        )
        for n in range(15)
    ]
    agenda = []
    for n in range(items):
        agenda.append(
            AgendaItem(
                title=f"Punkt nummer {n + 1} om fælles infrastruktur og data",
                kind=[None, Kind.INFORMATION, Kind.DISCUSSION, Kind.DECISION][n % 4],
                duration=15,
                presenters=[people[n % 15].name],
                recommendation=f"Det indstilles, at arbejdsgruppen drøfter punkt {n + 1}.\n",
                minutes=_minutes(n, minutes_lines),
                problem=_PARAGRAPH + "\n",
                solution=_PARAGRAPH + "\n",
                remarks=[
                    Remark(text=_PARAGRAPH, topic=["Infrastruktur", "Lagring"]),
                    Remark(
                        text=_PARAGRAPH,
                        source=RemarkSource.WRITTEN,
                        topic=["Infrastruktur"],
                        received=dt.date(2025, 9, 20),
                    ),
                ],
                attachments=[Attachment(title=f"Bilag til punkt {n + 1}")],
                actions=[Action(text="Følge op", owner=people[0].name)],
            )
        )
    return Meeting(
        title=f"Syntetisk møde med {items} punkter",
        lang="da",
        date=dt.date(2025, 9, 16),
        start=dt.time(9, 0),
        location="Mødelokale 1/Microsoft Teams",
        chair=people[0].name,
        secretary=people[1].name,
        header=[CaseField("case_no", "2500001"), CaseField("doc_no", "3000001")],
        participants=people,
        items=agenda,
        next_meeting=NextMeeting(date=dt.date(2025, 12, 2), location="virtuelt"),
    )


def write_meeting(items: int, folder: Path, *, minutes_lines: int = 38) -> Path:
    from tui_referat.storage import dumps_meeting

    path = folder / f"meeting-{items}.toml"
    path.write_text(dumps_meeting(make_meeting(items, minutes_lines=minutes_lines)), "utf-8")
    return path


def all_markdown(meeting: Meeting) -> str:
    """Every Markdown text of the meeting, for the renderer-alone baseline."""
    texts = []
    for item in meeting.items:
        texts += [item.recommendation, item.minutes, item.problem, item.solution, item.next_steps]
        texts += [remark.text for remark in item.remarks]
    return "\n\n".join(text for text in texts if text)
