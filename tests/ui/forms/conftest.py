"""A tiny host app for the form widgets, and a meeting built in Python.

The host mounts one widget, applies every ``EditRequested`` with ``History`` (as the main screen
does) and calls the widget's ``refresh_from_model()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

from tui_referat.domain.edits import History
from tui_referat.domain.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    Kind,
    Meeting,
    Participant,
    Remark,
    RemarkSource,
)
from tui_referat.text.words import set_lang
from tui_referat.tui.messages import EditRequested


class HostApp(App[None]):
    """Mounts ``widget`` above a footer; applies its edits and refreshes it."""

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget
        self.history = History()
        self.edits: list[Any] = []

    def compose(self) -> ComposeResult:
        yield self.widget
        yield Footer()

    def on_mount(self) -> None:
        self.widget.focus()

    def on_edit_requested(self, message: EditRequested) -> None:
        self.edits.append(message.edit)
        self.history.apply(message.edit)
        self.widget.refresh_from_model()  # type: ignore[attr-defined]


def build_meeting() -> Meeting:
    """A small made-up meeting: four participants, two items with remarks and attachments."""
    return Meeting(
        title="Møde 3 i styregruppen for fælles mødelokaler",
        date=dt.date(2025, 10, 7),
        start=dt.time(13, 0),
        end=dt.time(15, 30),
        location="Rådhuset, lokale 2",
        chair="Anne Holm",
        secretary="Bo Berg",
        remarks_deadline=dt.datetime(2025, 10, 14, 16, 0),
        participants=[
            Participant("Anne Holm", "kontorchef", "Teknik og Miljø"),
            Participant("Bo Berg", "fuldmægtig", "Teknik og Miljø"),
            Participant("Carl Dahl", "specialkonsulent", "Kultur", attendance=Attendance.ONLINE),
            Participant("Dorte Eskildsen", "arkitekt", "Byggeri", attendance=Attendance.APOLOGIES),
        ],
        items=[
            AgendaItem("Velkomst", kind=Kind.INFORMATION),
            AgendaItem(
                "Booking af lokaler",
                kind=Kind.DISCUSSION,
                remarks=[
                    Remark(
                        "Booking skal kunne ske fra telefonen.",
                        topic=["Lokaler", "Booking"],
                        author="Carl Dahl",
                    ),
                    Remark(
                        "Husk adgang for gæster.",
                        RemarkSource.WRITTEN,
                        ["Lokaler", "Booking"],
                        received=dt.date(2025, 10, 12),
                    ),
                    Remark("Skærmene er for små.", topic=["Udstyr"], author="Anne Holm"),
                    Remark(
                        "Sendt for sent.",
                        RemarkSource.WRITTEN,
                        ["Udstyr"],
                        received=dt.date(2025, 10, 20),
                    ),
                ],
                attachments=[
                    Attachment("Oversigt over lokaler", "bilag/lokaler.pdf"),
                    Attachment("Prisliste", "https://example.org/priser"),
                    Attachment("Plantegning"),
                ],
                actions=[
                    Action(
                        "Sende oversigten til alle afdelinger", "Bo Berg", dt.date(2025, 10, 21)
                    ),
                    Action("Bestille nye skærme", "Anne Holm"),
                ],
            ),
        ],
    )


@pytest.fixture(autouse=True)
def _danish_ui() -> None:
    set_lang("da")


@pytest.fixture
def meeting() -> Meeting:
    return build_meeting()


@pytest.fixture
def host() -> Callable[[Widget], HostApp]:
    return HostApp
