"""The editor's safety steps, Textual side: what happens on open, on save, on quit, on signals.

``SafetyFlow`` belongs to the app (``ReferatApp.safety``) and keeps what its steps found: the
lock, the recovery copy to offer, the copies set aside, the ticks of its timer and the last
change on disk it told about. The app calls ``prepare()`` when it picks its first screen
(emergency handlers, the lock, a look for a recovery copy: with no dialog to show, the main
screen is the first screen) and ``open_meeting(show_main)`` from ``on_mount``: ``LockDialog``
when another editor holds the lock, ``RecoveryDialog`` for a recovery copy, and only then
``show_main()`` with the session decided. ``tick()`` runs on a timer; ``ask_if_changed_on_disk``
guards a save against a file changed on disk; ``shutdown()`` releases the lock. The flow knows
the app only as a ``SafetyHost``; the logic that needs no Textual is ``safety.guard.SafetyGuard``.

The dialogs (``dialogs/safety.py``) are imported when one is first shown: most starts show
none, and importing them with the editor would add 2.5 ms to start-up (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ...domain.errors import MeetingFileError
from ...safety.guard import SafetyGuard
from ...safety.lock import Lock, LockHeld
from ...safety.recovery_place import discard_recovery, suggest_target
from ...safety.sanitize import one_line
from ...safety.signals import EmergencyHandlers, install_emergency_handlers
from ...storage import loads_meeting
from ...storage.session import Session
from ...storage.stamp import FileStamp, stamp
from ...text.words import say

if TYPE_CHECKING:
    from ...safety.recovery import RecoveryInfo, SetAside

#: How often the recovery keeper is asked whether to write (seconds): a copy is due
#: ``keeper.DELAY`` after the first change it lacks, and written at most a tick later.
TICK = 0.25
#: Check the file on disk every this many ticks (a stat; the contents only if it changed).
DISK_EVERY = 8


class EditorScreen(Protocol):
    """What the flow needs of the main screen (``MainScreen``)."""

    def flush_pending(self) -> None: ...

    def emergency_flush(self) -> bool: ...

    def save(self, *, checked: bool = False) -> bool: ...


class SafetyHost(Protocol):
    """What the flow needs of the app (``ReferatApp``), besides Textual's ``notify``,
    ``push_screen``, ``set_interval``, ``exit`` and ``return_code``."""

    session: Session

    @property
    def main_screen(self) -> EditorScreen | None: ...

    def show_session(self, session: Session) -> None: ...


class SafetyFlow:
    """The lock, the recovery copy and the watch on the file for the app's open session."""

    def __init__(self, app: SafetyHost) -> None:
        self.app: Any = app  # a SafetyHost, and a Textual App
        #: The recovery copy, lock and disk watch (no Textual).
        self.guard = SafetyGuard(
            app.session, flush=self._flush, emergency_flush=self.emergency_flush
        )
        self.handlers: EmergencyHandlers | None = None
        #: Whether ``prepare`` has run.
        self.prepared = False
        #: What ``prepare`` found: our lock, who holds it, or None (read-only: no lock).
        self.lock: Lock | LockHeld | None = None
        #: The recovery copy to offer when the meeting opens.
        self.recovery: RecoveryInfo | None = None
        #: Recovery copies kept aside when the meeting opened (told once shown).
        self.set_aside: list[SetAside] = []
        self.ticks = 0
        #: The change on disk last told about (each is told once).
        self.disk_noticed: FileStamp | None = None

    # -- the guard's hooks into the editor ------------------------------------------------

    def _flush(self) -> None:
        main = self.app.main_screen
        if main is not None:
            main.flush_pending()

    def emergency_flush(self) -> bool:
        """Copy what the main screen shows into the model, touching no widget (a signal may
        arrive before the editor has even noted the change). True if anything differed."""
        main = self.app.main_screen
        return main is not None and main.emergency_flush()

    def _graceful_exit(self, signum: int) -> None:
        self.shutdown()
        self.app.exit(return_code=128 + signum)

    # -- opening ------------------------------------------------------------------------

    def prepare(self) -> bool:
        """Before the first screen: the emergency handlers, the lock, a look for a recovery
        copy. True when no dialog has to come first (the main screen can be the first)."""
        self.prepared = True
        guard, session = self.guard, self.app.session
        self.handlers = install_emergency_handlers(
            guard.emergency_save, graceful=self._graceful_exit
        )
        self.lock = None if session.read_only else guard.acquire_lock()
        self.recovery = None
        if self.lock is None:
            return True
        if isinstance(self.lock, LockHeld):
            return False
        self.recovery, self.set_aside = guard.scan_recovery()
        return self.recovery is None

    def open_meeting(self, show_main: Callable[[], None]) -> None:
        """Lock, recovery, then ``show_main()``; read-only sessions skip straight to it.
        The lock and the recovery copy are those ``prepare`` found (it runs first if not yet)."""
        app = self.app
        if not self.prepared:
            self.prepare()
        app.set_interval(TICK, self.tick, name="recovery-keeper")
        result = self.lock
        if result is None:
            show_main()
            return
        if isinstance(result, LockHeld):
            held = result

            def chosen(choice: str | None) -> None:
                if choice == "take_over":
                    taken = self.guard.take_over_lock(held)
                    if isinstance(taken, Lock):
                        holder = (held.info.host, held.info.pid)  # its copy is never offered
                        offer, aside = self.guard.scan_recovery(holder=holder)
                        self.tell_set_aside(aside)
                        self._offer_recovery(show_main, offer)
                        return
                if choice in ("read_only", "take_over"):
                    app.session.read_only = True
                    show_main()
                    return
                app.exit()

            from ..dialogs.safety import LockDialog  # when first shown (module doc)

            app.push_screen(LockDialog(app.session.path.name, held), chosen)
            return
        if result.took_over is not None:
            app.notify(
                say("lock.stale", user=one_line(result.took_over.user), pid=result.took_over.pid),
                timeout=8,
            )
        elif not result.enforced:
            app.notify(say("lock.unenforced", error=result.error), severity="warning", timeout=8)
        self.tell_set_aside(self.set_aside)
        self.set_aside = []
        self._offer_recovery(show_main, self.recovery)

    def tell_set_aside(self, entries: list[SetAside]) -> None:
        """Tell the user about every recovery copy kept aside (they stay until dismissed: 60 s)."""
        for entry in entries:
            self.app.notify(
                describe_set_aside(entry),
                title=say("recovery.title"),
                severity="error" if entry.error else "warning",
                timeout=60,
            )

    def _offer_recovery(self, show_main: Callable[[], None], info: RecoveryInfo | None) -> None:
        app = self.app
        path = app.session.path
        if info is None:
            show_main()
            return
        target = suggest_target(path)

        def chosen(choice: str | None) -> None:
            if choice == "quit":
                app.exit()
                return
            if choice == "restore":
                self._restore(info)
            elif choice == "save_as":
                try:
                    from ...safety.recovery import save_recovery_as  # loaded: a copy is shown

                    save_recovery_as(path, target)
                except (OSError, MeetingFileError) as error:
                    app.notify(str(error), severity="error", timeout=15)
                    self._restore(info)  # do not lose it: keep it in the editor instead
                else:
                    discard_recovery(path)
                    app.notify(say("recovery.saved_as", path=str(target)), timeout=10)
            elif choice == "discard":
                discard_recovery(path)
                app.notify(say("recovery.discarded"), timeout=4)
            show_main()

        from ..dialogs.safety import RecoveryDialog  # when first shown (module doc)

        app.push_screen(RecoveryDialog(info, target), chosen)

    def _restore(self, info: RecoveryInfo) -> None:
        from ...safety.recovery import SetAside, keep_aside  # loaded: a copy was found

        try:
            meeting = loads_meeting(info.text, info.original)
        except MeetingFileError as error:
            # Checked when found, but keep it aside all the same: new typing must not replace it.
            entry = SetAside(info.path, "damaged", info.meta, detail=str(error))
            try:
                entry = dataclasses.replace(entry, path=keep_aside(info.path, "damaged"))
            except OSError as move_error:
                entry = dataclasses.replace(entry, error=str(move_error))
            self.tell_set_aside([entry])
            return
        session = Session(info.original, meeting)
        session.dirty = True
        guard = self.guard
        guard.rebind(session)
        if info.meta.base is not None:
            guard.base = info.meta.base  # a file changed since then is noticed on save
        guard.keeper.has_copy = True
        self.app.show_session(session)
        self.app.notify(say("recovery.restored"), timeout=8)

    def open_file(self, path: Path) -> bool:
        """Edit ``path`` instead of the current (saved) meeting: the lock moves with it."""
        app, guard = self.app, self.guard
        try:
            session = Session.open(path)
        except (MeetingFileError, OSError) as error:
            app.notify(str(error), severity="error", timeout=15)
            return False
        guard.close()  # releases the lock on the meeting we leave
        guard.keeper.clear()
        guard.rebind(session)
        guard.accept_disk()
        if isinstance(guard.acquire_lock(), LockHeld):
            session.read_only = True
            app.notify(say("cycle.lock_held", name=path.name), severity="warning", timeout=10)
        app.show_session(session)
        app.notify(say("cycle.opened", path=str(path)), timeout=5)
        return True

    # -- while editing ------------------------------------------------------------------

    def tick(self) -> None:
        if not self.app.is_running:
            return  # closing: the widgets are going (``shutdown`` keeps the work)
        guard = self.guard
        before = guard.last_error
        guard.tick()
        if guard.last_error and guard.last_error != before:
            self.app.notify(
                say("recovery.failed", error=guard.last_error), severity="error", timeout=15
            )
        self.ticks += 1
        if self.ticks % DISK_EVERY == 0 and self.app.main_screen is not None:
            self._notice_disk_change()

    def _notice_disk_change(self) -> None:
        """Say once per change that someone else wrote the file (the save will ask)."""
        guard = self.guard
        if not guard.changed_on_disk(quick=True):
            return
        current = stamp(guard.path)
        if current == self.disk_noticed:
            return
        self.disk_noticed = current
        self.app.notify(
            say("disk.noticed", name=one_line(guard.path.name)), severity="warning", timeout=10
        )

    def ask_if_changed_on_disk(self, screen: EditorScreen) -> bool:
        """Before a save: when the file changed on disk, show ``DiskChangedDialog`` (then, for
        an overwrite, ``ask_if_write_protected``); else ask if the file is marked read-only.
        True when a dialog is shown: its choice saves with ``screen.save(checked=True)``,
        reloads, or cancels."""
        app, guard = self.app, self.guard
        if app.session.read_only:
            return False
        if not guard.changed_on_disk():
            return self.ask_if_write_protected(screen)
        target = suggest_target(app.session.path, label="mine")

        def chosen(choice: str | None) -> None:
            if choice == "overwrite":
                guard.accept_disk()
                if not self.ask_if_write_protected(screen):
                    screen.save(checked=True)
            elif choice == "save_as":
                guard.switch_path(target)
                screen.save(checked=True)
            elif choice == "reload":
                self._reload()

        from ..dialogs.safety import DiskChangedDialog  # when first shown (module doc)

        app.push_screen(DiskChangedDialog(app.session.path.name, target), chosen)
        return True

    def ask_if_write_protected(self, screen: EditorScreen) -> bool:
        """Before a save: when the file's write bits are all off (made read-only after it was
        opened), show ``ReadOnlyFileDialog`` and return True. Overwrite keeps the file's mode
        and is not asked again for it this session; save as writes a new file; cancel writes
        nothing."""
        app, guard = self.app, self.guard
        if not guard.write_protected():
            return False
        target = suggest_target(app.session.path, label="mine")

        def chosen(choice: str | None) -> None:
            if choice == "overwrite":
                guard.accept_write_protected()
                screen.save(checked=True)
            elif choice == "save_as":
                guard.switch_path(target)
                screen.save(checked=True)

        from ..dialogs.safety import ReadOnlyFileDialog  # when first shown (module doc)

        app.push_screen(ReadOnlyFileDialog(app.session.path.name, target), chosen)
        return True

    def _reload(self) -> None:
        app, guard = self.app, self.guard
        try:
            session = Session.open(app.session.path, read_only=app.session.read_only)
        except MeetingFileError as error:
            app.notify(str(error), severity="error", timeout=15)
            return
        guard.discard()
        guard.rebind(session)
        guard.accept_disk()
        app.show_session(session)

    def save_failed(self) -> str:
        """After a failed save: refresh the recovery copy; the sentence to add to the message."""
        return say("save.failed_kept") if self.guard.write_now() else ""

    # -- closing ------------------------------------------------------------------------

    def crash_save(self) -> None:
        """An unhandled error: write the recovery copy while the editor's widgets still exist."""
        with contextlib.suppress(Exception):
            self.guard.emergency_save()

    def shutdown(self) -> None:
        """The editor is closing: after a crash keep the work; release the lock; restore hooks."""
        if self.app.return_code:
            with contextlib.suppress(OSError, MeetingFileError):
                self.guard.emergency_save()
        self.guard.close()
        if self.handlers is not None:
            self.handlers.uninstall()
            self.handlers = None


def describe_set_aside(entry: SetAside) -> str:
    """The message for a recovery copy kept aside: why, whose, when, and where it is now."""
    from ..dialogs.safety import describe_time  # when first shown (module doc)

    path = one_line(str(entry.path))
    if entry.error:
        return say("recovery.not_moved", error=one_line(entry.error), path=path)
    if entry.reason == "damaged":
        text = say("recovery.damaged", detail=one_line(entry.detail), path=path)
        if entry.text_path is not None:
            text += say("recovery.readable", path=one_line(str(entry.text_path)))
        return text
    meta = entry.meta
    why = say(f"recovery.why.{entry.reason}", original=one_line(meta.original), pid=meta.pid)
    who = one_line(f"{meta.user or '?'}@{meta.host or '?'}")
    when = describe_time(meta.written_at) if meta.has_header else "?"
    return say("recovery.foreign", why=why, who=who, when=when, path=path)
