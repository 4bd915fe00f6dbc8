"""One object that keeps an open meeting safe: the editor creates it and forwards events.

``SafetyGuard(session)`` listens to the session ("changed", "saved"), keeps the recovery copy
on the ``RecoveryKeeper`` schedule, holds the lock, remembers what the file looked like on disk,
and offers the emergency save for the signal handlers. No Textual: the editor calls ``tick()``
from a timer, ``item_switched()`` on navigation, ``changed_on_disk()`` before saving and
``close()`` on exit; tests drive it with a fake clock.

``session`` is duck-typed: it needs ``path``, ``meeting``, ``dirty``, ``read_only`` and
``listeners`` (a list of ``callable(event, session)``), as ``tui_referat.storage.session.Session``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..domain.errors import MeetingFileError
from ..storage.stamp import FileStamp, changed_since, stamp, write_protected
from . import lock as locking
from .keeper import RecoveryKeeper
from .recovery_place import discard_recovery, present

if TYPE_CHECKING:
    from .recovery import RecoveryInfo, SetAside


def _recovery() -> ModuleType:
    """The module that reads and writes recovery copies: imported when there is a copy to
    look at, or from the first unsaved change on (``SafetyGuard._unsaved``), not at start-up."""
    from . import recovery

    return recovery


def _known_stamp(session: Any) -> FileStamp | None:
    """The stamp of the bytes the session read or wrote; a fresh look at the file when the
    session does not know them (a look later could take someone else's change as ours)."""
    known = getattr(session, "disk_stamp", None)
    return known if isinstance(known, FileStamp) else stamp(session.path)


class SafetyGuard:
    def __init__(
        self,
        session: Any,
        *,
        base: FileStamp | None = None,
        clock: Callable[[], float] = time.monotonic,
        flush: Callable[[], None] | None = None,
        emergency_flush: Callable[[], object] | None = None,
    ) -> None:
        self.session = session
        self.clock = clock
        #: Called before the meeting is serialised, to apply text the editor still holds.
        self.flush = flush
        #: The same without touching the UI, for signal handlers (defaults to ``flush``);
        #: a true result means it applied text, so the meeting is unsaved.
        self.emergency_flush = emergency_flush
        #: The meeting file as loaded or last saved (None: it does not exist yet).
        self.base = base if base is not None else _known_stamp(session)
        self.keeper = RecoveryKeeper()
        self.lock: locking.Lock | None = None
        #: When (by ``clock``) the lock was last touched; None: not yet.
        self._beat_at: float | None = None
        #: The last recovery write error, for the UI to show once; None when fine.
        self.last_error: str | None = None
        self.written_to: Path | None = None
        #: The user chose to overwrite this file although it is marked read-only.
        self.protection_accepted_for: Path | None = None
        session.listeners.append(self._on_session_event)
        if getattr(session, "dirty", False):
            self._unsaved()

    def rebind(self, session: Any) -> None:
        """Guard ``session`` instead (restored from the copy, or reloaded from disk)."""
        with contextlib.suppress(ValueError):
            self.session.listeners.remove(self._on_session_event)
        self.session = session
        session.listeners.append(self._on_session_event)
        if getattr(session, "dirty", False):
            self._unsaved()

    def switch_path(self, target: Path) -> None:
        """The meeting is about to be saved as ``target``: move the lock and the base there.

        The recovery copy of the old file goes (the work will be in ``target``)."""
        discard_recovery(self.path)
        if self.lock is not None:
            locking.release(self.lock)
            self.lock = None
        self.session.path = Path(target)
        self.base = stamp(self.path)
        self.acquire_lock()

    @property
    def path(self) -> Path:
        return Path(self.session.path)

    @property
    def active(self) -> bool:
        return not getattr(self.session, "read_only", False)

    # -- session events -------------------------------------------------------------------

    def _on_session_event(self, event: str, session: Any) -> None:
        if event == "changed" and self.active:
            self._unsaved()
        elif event == "saved":
            self.after_save()
        elif event == "reverted" and self.active:
            self.discard()  # undo brought back what the file holds: no copy to keep

    def after_save(self) -> None:
        """The meeting is on disk: the recovery copy has done its job."""
        discard_recovery(self.path)
        self.keeper.clear()
        self.base = _known_stamp(self.session)
        self.last_error = None

    def discard(self) -> None:
        """The user quits without saving, on purpose: remove the recovery copy."""
        discard_recovery(self.path)
        self.keeper.clear()

    # -- the recovery copy ----------------------------------------------------------------

    def scan_recovery(
        self, holder: tuple[str, int] | None = None
    ) -> tuple[RecoveryInfo | None, list[SetAside]]:
        """``recovery.scan_recovery`` for the guarded file: the copy to offer and the copies
        kept aside (a ``RecoveryScan``). When nothing is at a copy's places (the usual
        start), no copy and none kept aside, without loading the module that reads copies."""
        if not present(self.path):
            return None, []
        return _recovery().scan_recovery(self.path, holder=holder)

    def _unsaved(self) -> None:
        """A change the recovery copy lacks. At the first one, what writing the copy needs
        is made ready: its module imported and the base's hash taken, so an emergency save
        from a signal handler has nothing to import."""
        if not self.keeper.pending:
            _recovery()
            if self.base is not None:
                self.base.hash_now()
        self.keeper.mark_changed(self.clock())

    def typed(self) -> None:
        """A key went through the editor: what it typed may be only on the screen yet, so
        the copy is due ``keeper.delay`` after the first such key (``tick`` finds out)."""
        if self.active:
            self._unsaved()

    def tick(self) -> bool:
        """Call from a timer; writes the copy when due. True when a copy was written.

        The screen is applied to the meeting first (``flush``); keys that changed nothing
        leave a meeting that is not dirty, and then nothing is written. Also touches our lock
        every ``lock.HEARTBEAT`` seconds, so another host sees it live."""
        self._heartbeat()
        if not self.active or not self.keeper.tick(self.clock()):
            return False
        if self._nothing_unsaved():
            return False
        return self.write_now()

    def _nothing_unsaved(self) -> bool:
        """The screen applied to the meeting (``flush``): True, and the copy's clock stopped,
        when the meeting is still as saved (the keys since changed nothing)."""
        if getattr(self.session, "dirty", False):
            return False
        if self.flush is not None:
            with contextlib.suppress(Exception):
                self.flush()
        if getattr(self.session, "dirty", False):
            return False
        self.keeper.settled()
        return True

    def _heartbeat(self) -> None:
        if self.lock is None or not self.lock.enforced:
            return
        now = self.clock()
        if self._beat_at is not None and now - self._beat_at < locking.HEARTBEAT:
            return
        self._beat_at = now
        locking.heartbeat(self.lock)

    def item_switched(self) -> bool:
        """Call when the user moves to another item (or node): the copy is written now if
        anything is unsaved. The keys that moved (arrows in the agenda) changed nothing, so a
        clean meeting is not written: that made every move in a 500-item agenda 60 ms."""
        if not self.active or not self.keeper.on_item_switch():
            return False
        if self._nothing_unsaved():
            return False
        return self.write_now()

    def write_now(self) -> bool:
        """Write the recovery copy now. False (and ``last_error`` set) when it failed."""
        now = self.clock()
        try:
            if self.flush is not None:
                self.flush()
            self.written_to = _recovery().write_recovery(
                self.session.meeting, self.path, base=self.base
            )
        except (OSError, MeetingFileError) as error:
            self.keeper.write_failed(now)
            self.last_error = str(error)
            return False
        self.keeper.written(now)
        self.last_error = None
        return True

    def emergency_save(self) -> None:
        """For signal handlers and crashes: write the copy if there is unsaved work.

        Errors propagate (the handler swallows them); nothing here touches the terminal.
        """
        if not self.active:
            return
        flush = self.emergency_flush or self.flush
        if flush is not None:
            with contextlib.suppress(Exception):
                if flush():  # text still in the editor counts as unsaved work
                    self.session.dirty = True
        if not getattr(self.session, "dirty", False):
            return
        _recovery().write_recovery(self.session.meeting, self.path, base=self.base)

    # -- the file on disk -----------------------------------------------------------------

    def changed_on_disk(self, *, quick: bool = False) -> bool:
        """Whether someone else wrote the file since we loaded or saved it (by its content;
        ``quick`` trusts an unchanged mtime and size, for a look while idle)."""
        return changed_since(self.path, self.base, quick=quick)

    def write_protected(self) -> bool:
        """Whether the file is marked read-only (no write bits) and the user has not yet
        chosen to overwrite it anyway in this session."""
        return self.protection_accepted_for != self.path and write_protected(self.path)

    def accept_write_protected(self) -> None:
        """The user chose to overwrite the read-only file: do not ask again for this path."""
        self.protection_accepted_for = self.path

    def accept_disk(self) -> None:
        """The user chose to overwrite (or reloaded): the disk state is now our base."""
        self.base = stamp(self.path)

    # -- the lock -------------------------------------------------------------------------

    def acquire_lock(self) -> locking.Lock | locking.LockHeld:
        result = locking.acquire(self.path)
        if isinstance(result, locking.Lock):
            self.lock = result
            self._beat_at = self.clock()
        return result

    def take_over_lock(self, held: locking.LockHeld) -> locking.Lock | locking.LockHeld:
        result = locking.take_over(self.path, held.info)
        if isinstance(result, locking.Lock):
            self.lock = result
            self._beat_at = self.clock()
        return result

    def lock_lost(self) -> bool:
        """True when another editor took our lock over since we acquired it."""
        return self.lock is not None and self.lock.enforced and not locking.still_held(self.lock)

    def close(self) -> None:
        """The editor exits: release the lock (the recovery copy stays if work is unsaved)."""
        if self.lock is not None:
            locking.release(self.lock)
            self.lock = None
        with contextlib.suppress(ValueError):
            self.session.listeners.remove(self._on_session_event)
