"""Fixtures for the export tests: meetings built in Python, and the golden-file helper."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui_referat.domain.model import (
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
    Status,
)

GOLDEN = Path(__file__).resolve().parent.parent / "golden"

#: Central European time as a POSIX rule (no time zone database needed): CET, CEST in summer.
DANISH_TZ = "CET-1CEST,M3.5.0,M10.5.0/3"


def set_local_zone(tz: str | None) -> None:
    """Make ``tz`` this process's local time zone (``None``: as it was from the start)."""
    if tz is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = tz
    time.tzset()


@pytest.fixture(autouse=True)
def _danish_local_time() -> Iterator[None]:
    """The .eml Date header carries the machine's UTC offset: pin the zone, so golden files
    and their subprocesses (``referat export``) agree on every machine."""
    before = os.environ.get("TZ")
    set_local_zone(DANISH_TZ)
    yield
    set_local_zone(before)


def built_meeting(lang: str = "da") -> Meeting:
    """A small but complete meeting: every section, every attendance, nested remark topics."""
    da = lang == "da"
    return Meeting(
        title="Møde 4 i arbejdsgruppen for fælles datadeling"
        if da
        else "Meeting 4 of the data group",
        lang=lang,
        status=Status.DRAFT,
        date=dt.date(2025, 9, 16),
        start=dt.time(12, 0),
        end=dt.time(14, 30),
        location="Rådhuset, lokale 2/Microsoft Teams",
        chair="Åse Østergård",
        secretary="Bo Berg",
        header=[
            CaseField("doc_date", "26-09-2025"),
            CaseField("handler", "BOB.FML"),
            CaseField("case_no", "2501039"),
            CaseField("journal", "2025-114", label="J.nr."),
        ],
        participants=[
            Participant("Åse Østergård", "kontorchef", "Teknik og Miljø", "aase@example.org"),
            Participant(
                "Carl Dahl",
                "senior bioinformatiker, Ph.D.",
                "Universitetshospitalet, Region Øst",
                "carl@example.org",
                Attendance.ONLINE,
            ),
            Participant("Dorte Ravn", "IT-arkitekt", "Region Vest", "", Attendance.APOLOGIES),
            Participant("Erik Juul", "konsulent", "", "", Attendance.PARTIAL, "fra kl. 13.00"),
            Participant(
                "Bo Berg",
                "specialkonsulent",
                "Sekretariatet",
                "bo@example.org",
                note="sekretær for arbejdsgruppen",
            ),
        ],
        items=[
            AgendaItem(
                "Velkomst" if da else "Welcome",
                duration=15,
                presenters=["Åse Østergård"],
                standing=True,
                minutes="Åse bød velkommen til *nye* medlemmer." if da else "Åse welcomed all.",
            ),
            AgendaItem(
                "Status på datadeling" if da else "Status of data sharing",
                kind=Kind.INFORMATION,
                duration=30,
                presenters=["Carl Dahl", "Bo Berg"],
                recommendation="Det indstilles, at gruppen tager status til efterretning.",
                minutes=(
                    "Carl orienterede bl.a. om, at:\n\n"
                    "- der nu er 52.000 genomer i databasen\n"
                    "- tilbuddet videreføres i regionalt regi, se "
                    "[aftalen](https://example.org/aftale)\n\n"
                    "1. Første punkt\n2. Andet punkt med en lang tekst der skal ombrydes pænt "
                    "i tekstudgaven, fordi den er længere end toogtyve og halvfjerds tegn.\n"
                ),
                attachments=[
                    Attachment("Strategi 2025-2027", "https://example.org/strategi.pdf"),
                    Attachment("Notat om lokaler", "bilag/lokaler.pdf"),
                ],
            ),
            AgendaItem(
                "Arbejdsprogram: input til emnebeskrivelser" if da else "Work programme",
                kind=Kind.DISCUSSION,
                time=dt.time(13, 0),
                duration=60,
                presenters=["Bo Berg"],
                recommendation="Det indstilles, at gruppen drøfter emnebeskrivelserne.",
                minutes="Bo orienterede om de fem emnebeskrivelser.",
                remarks=[
                    Remark("Vær opmærksom på omkostningerne.", topic=["HPC", "Storage"]),
                    Remark(
                        "Husk kompetencerne, mere end hvor de er ansat.",
                        RemarkSource.WRITTEN,
                        ["HPC", "Sourcing"],
                        author="Carl Dahl",
                        received=dt.date(2025, 9, 20),
                    ),
                    Remark("Bedre adgang til data.", topic=["HPC", "Storage"]),
                    Remark("Automatisering af udlevering.", topic=["Database"]),
                    Remark(
                        "- Indberet andre data end short read.\n- Berigtigelse automatisk.",
                        RemarkSource.WRITTEN,
                        ["Database"],
                    ),
                    Remark("Generel bemærkning uden emne.", RemarkSource.WRITTEN),
                ],
                remarks_note="Skriftlige bemærkninger sendes til Bo senest den 25. september.",
                problem="Rådet skal udarbejde et arbejdsprogram | med tabeltegn.",
                solution="Gruppen kvalificerer emnebeskrivelserne.",
                next_steps="Rådet orienteres om bemærkningerne.",
                actions=[
                    Action("Sende oversigten til alle", "Bo Berg", dt.date(2025, 10, 1)),
                    Action("Opdatere listen", "", None, done=True),
                ],
            ),
            AgendaItem(
                "Evt." if da else "Any other business",
                kind=Kind.DECISION,
                duration=10,
                presenters=["Åse Østergård"],
            ),
        ],
        next_meeting=NextMeeting(
            dt.date(2025, 12, 2), dt.time(14, 30), dt.time(16, 0), "virtuelt" if da else "online"
        ),
        remarks_deadline=dt.datetime(2025, 9, 25, 16, 0),
    )


@pytest.fixture
def meeting() -> Meeting:
    return built_meeting("da")


@pytest.fixture
def meeting_en() -> Meeting:
    return built_meeting("en")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, bytes], None]:
    """Compare bytes with tests/golden/NAME; ``pytest --update-golden`` rewrites the file."""
    update = bool(request.config.getoption("--update-golden", default=False))

    def check(name: str, data: bytes) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
        assert data.decode("utf-8") == path.read_bytes().decode("utf-8"), (
            f"{name} differs from the golden file; review, then run pytest --update-golden"
        )

    return check
