"""The open document: one meeting, its file, its undo history and whether it is saved.

No Textual here. This is the one place that loads and saves, so crash safety (a recovery file,
signals, a lock) can hook in through ``listeners`` and the ``save``/``open`` methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.history import History
from ..domain.model import Meeting
from .stamp import FileStamp, stamp_bytes

if TYPE_CHECKING:
    from ..domain.edits import Edit

#: Events sent to listeners: "changed" (the model changed), "saved" (written to disk),
#: "reverted" (undo or redo brought the meeting back to what its file holds).
Listener = Callable[[str, "Session"], None]


#: Above this many characters a file's tomlkit document is made at the first save only.
PREPARE_LIMIT = 1_000_000


def content_key(meeting: Meeting) -> str:
    """Everything of ``meeting`` that its file holds, as one string: equal strings, equal
    meetings. The model's ``repr`` leaves out only the storage handles (``origin``)."""
    return repr(meeting)


class Session:
    """A meeting being edited. Changes reach the disk only through ``save``."""

    def __init__(
        self,
        path: Path | str,
        meeting: Meeting,
        *,
        read_only: bool = False,
        is_new: bool = False,
    ) -> None:
        self.path = Path(path)
        self.meeting = meeting
        self.read_only = read_only
        self.is_new = is_new
        self.history: History[Edit] = History()
        self.dirty = is_new
        #: ``content_key`` of the meeting as its file holds it, taken at the first change
        #: after a load or save (so neither waits for it); None while not taken or not known
        #: (a new file, a copy restored with ``dirty`` set): then only a save makes it clean.
        self._file_key: str | None = None
        self.last_saved: dt.datetime | None = None
        self.listeners: list[Listener] = []
        #: The file as this session read it at load or wrote it at the last save (mtime, size,
        #: hash of those bytes); None when not known. The safety guard compares the file with
        #: it before a save, so a change by someone else is not overwritten unasked.
        self.disk_stamp: FileStamp | None = None

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Session:
        """Load ``path``; raises ``MeetingFileError`` when it cannot be read."""
        from .disk import read_text
        from .meeting_file import loads_meeting

        text = read_text(path)  # valid UTF-8, so encoding it gives back the bytes read
        session = cls(path, loads_meeting(text, path), read_only=read_only)
        # Hashed when first compared (or at the first change): no hashlib at start-up.
        session.disk_stamp = stamp_bytes(Path(path), text.encode("utf-8"), later=True)
        return session

    @classmethod
    def new(cls, path: Path | str, lang: str = "da") -> Session:
        """A new meeting from the template; nothing is written until the first save."""
        return cls(path, new_meeting(lang), is_new=True)

    # -- changes ------------------------------------------------------------------------

    def _emit(self, event: str) -> None:
        for listener in list(self.listeners):
            listener(event, self)

    def apply(self, edit: Edit, *, record: bool = True) -> None:
        """Apply ``edit``; recorded edits can be undone with ``undo``."""
        self._remember_file()
        if record and not self._continues_last(edit):
            self.history.apply(edit)
        else:
            edit.apply()
        self.mark_dirty()

    def _continues_last(self, edit: Edit) -> bool:
        """True when ``edit`` sets the same field as the last recorded edit (typing in a field).

        Such runs undo as one step: the recorded inverse already holds the value before the run.
        """
        from ..domain.edits import SetField  # loaded already: ``edit`` is one

        if not isinstance(edit, SetField) or self.history.can_redo:
            return False
        undo = getattr(self.history, "_undo", None)
        if not undo:
            return False
        last = undo[-1]
        return isinstance(last, SetField) and last.target is edit.target and last.name == edit.name

    def mark_dirty(self) -> None:
        self._remember_file()
        self.dirty = True
        self._emit("changed")

    def _remember_file(self) -> None:
        """Before the first change since load or save: note what the file holds."""
        if not self.dirty and self._file_key is None:
            self._file_key = content_key(self.meeting)

    def undo(self) -> Edit | None:
        self._remember_file()
        edit = self.history.undo()
        if edit is not None:
            self._after_history()
        return edit

    def redo(self) -> Edit | None:
        self._remember_file()
        edit = self.history.redo()
        if edit is not None:
            self._after_history()
        return edit

    def revert_if_unchanged(self) -> bool:
        """True when the meeting is saved, or again exactly what its file holds (text typed
        and then taken out again, an undo inside a text area): then it is marked clean
        ("reverted"). Compared in full, so for the moments that ask (quitting), not after
        every edit. A new file or a restored copy stays unsaved until it is saved."""
        if not self.dirty:
            return True
        if not self._matches_file():
            return False
        self.dirty = False
        self._emit("reverted")
        return True

    def _matches_file(self) -> bool:
        """Whether the meeting is what its file held at the first change (compared in full)."""
        return self._file_key is not None and content_key(self.meeting) == self._file_key

    def _after_history(self) -> None:
        """After undo / redo the meeting is unsaved unless it is again what the file holds
        (compared in full: text typed in a section is not undone by these, and may differ)."""
        self.dirty = not self._matches_file()
        self._emit("changed" if self.dirty else "reverted")

    # -- disk ---------------------------------------------------------------------------

    def prepare_document(self) -> None:
        """Make the file's tomlkit document now, so the first save need not wait for it.

        The meeting was read with tomllib (``fast_read``); this is safe to run in a
        thread while the user edits, and does nothing once the document exists. A file over
        ``PREPARE_LIMIT`` characters gets its document at the first save instead: tomlkit
        holds some three bytes per byte of the file (issue 12, item 13).
        """
        origin = self.meeting.origin
        if len(getattr(origin, "_referat_source", "")) > PREPARE_LIMIT:
            return
        prepare = getattr(origin, "prepare", None)
        if callable(prepare):
            prepare()

    def save(self) -> None:
        """Write the meeting; raises ``MeetingFileError`` or ``OSError`` and stays dirty."""
        from .meeting_file import save_meeting

        if self.read_only:
            raise PermissionError(f"{self.path}: opened read-only")
        data = save_meeting(self.meeting, self.path)
        self.disk_stamp = stamp_bytes(self.path, data) if isinstance(data, bytes) else None
        self._file_key = None  # taken again at the next change
        self.dirty = False
        self.is_new = False
        self.last_saved = dt.datetime.now()
        self._emit("saved")


def new_meeting(lang: str = "da") -> Meeting:
    """The template for a new meeting (the same as ``referat new``)."""
    from ..domain.next_meeting import new_meeting as template

    meeting = template(lang)
    meeting.date = dt.date.today()
    return meeting
