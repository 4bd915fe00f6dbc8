"""Form widgets of the editor: meeting details, participants, next meeting, and an agenda
item's remarks, attachments and actions.

Each widget calls ``request_edit`` (tui/messages.py) with an edit from ``tui_referat.domain.edits``
and never changes the model itself; call its ``refresh_from_model()`` after edits are applied.
"""

from __future__ import annotations

from .actions import ActionsEditor
from .attachments import AttachmentsEditor
from .meeting_details import MeetingDetailsForm
from .next_meeting import NextMeetingForm
from .participants import ParticipantsTable
from .remarks import RemarksEditor

__all__ = [
    "ActionsEditor",
    "AttachmentsEditor",
    "MeetingDetailsForm",
    "NextMeetingForm",
    "ParticipantsTable",
    "RemarksEditor",
]
