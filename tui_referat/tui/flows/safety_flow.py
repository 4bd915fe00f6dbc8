"""The editor's safety steps, Textual side: what happens on open, on save, on quit, on signals.

``ReferatApp`` calls ``prepare(app)`` when it picks its first screen (emergency handlers, the
lock, a look for a recovery copy: with no dialog to show, the main screen is the first screen)
and ``open_meeting(app, show_main)`` from ``on_mount``: ``LockDialog`` when another editor holds
the lock, ``RecoveryDialog`` for a recovery copy, and only then ``show_main()`` with the session
decided. ``tick(app)`` runs on a timer; ``ask_if_changed_on_disk(screen)`` guards a save
against a file changed on disk; ``shutdown(app)`` releases the lock. The logic that needs no
Textual lives in ``tui_referat.safety`` (``SafetyGuard``).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...domain.errors import MeetingFileError
from ...safety import recovery
from ...safety.guard import SafetyGuard
from ...safety.lock import Lock, LockHeld
from ...safety.sanitize import one_line
from ...safety.signals import install_emergency_handlers
from ...storage.session import Session
from ...storage.stamp import stamp
from ...text.safety_strings import ts

if TYPE_CHECKING:
    from ..app import ReferatApp

#: How often the recovery keeper is asked whether to write (seconds): a copy is due
#: ``keeper.DELAY`` after the first change it lacks, and written at most a tick later.
TICK = 0.25


def _flush(app: ReferatApp) -> None:
    main = app.main_screen
    if main is not None:
        main.flush_pending()


def _emergency_flush(app: ReferatApp) -> bool:
    """Copy the text in the item editor's section areas into the model, touching no widget
    (a signal may arrive before the editor has even noted the change). True if any differed."""
    from ..widgets.item_editor import SectionArea, item_text

    main = app.main_screen
    item = main.item_editor.item if main is not None else None
    if main is None or item is None:
        return False
    changed = False
    for area in main.item_editor.query(SectionArea):
        if area.text != item_text(item, area.key):  # a section or the remarks note
            setattr(item, area.key, area.text)
            changed = True
    return changed


def make_guard(app: ReferatApp) -> SafetyGuard:
    return SafetyGuard(
        app.session,
        flush=lambda: _flush(app),
        emergency_flush=lambda: _emergency_flush(app),
    )


def _graceful_exit(app: ReferatApp) -> Callable[[int], None]:
    def leave(signum: int) -> None:
        shutdown(app)
        app.exit(return_code=128 + signum)

    return leave


def prepare(app: ReferatApp) -> bool:
    """Before the first screen: the emergency handlers, the lock, a look for a recovery copy.
    True when no dialog has to come first, so the main screen can be the app's first screen."""
    guard: SafetyGuard = app.guard
    app.safety_handlers = install_emergency_handlers(
        guard.emergency_save, graceful=_graceful_exit(app)
    )
    app.safety_lock = None if app.session.read_only else guard.acquire_lock()
    app.safety_recovery = None
    if app.safety_lock is None:
        return True
    if isinstance(app.safety_lock, LockHeld):
        return False
    scan = recovery.scan_recovery(app.session.path)
    app.safety_recovery = scan.offer
    app.safety_set_aside = scan.set_aside
    return app.safety_recovery is None


def open_meeting(app: ReferatApp, show_main: Callable[[], None]) -> None:
    """Lock, recovery, then ``show_main()``; read-only sessions skip straight to it.
    The lock and the recovery copy are those ``prepare`` found (it runs first if not yet)."""
    guard: SafetyGuard = app.guard
    if not hasattr(app, "safety_lock"):
        prepare(app)
    app.set_interval(TICK, lambda: tick(app), name="recovery-keeper")
    result = app.safety_lock
    if result is None:
        show_main()
        return
    if isinstance(result, LockHeld):

        def chosen(choice: str | None) -> None:
            if choice == "take_over":
                taken = guard.take_over_lock(result)
                if isinstance(taken, Lock):
                    holder = (result.info.host, result.info.pid)  # its copy is never offered
                    scan = recovery.scan_recovery(app.session.path, holder=holder)
                    tell_set_aside(app, scan.set_aside)
                    _offer_recovery(app, show_main, scan.offer)
                    return
            if choice in ("read_only", "take_over"):
                app.session.read_only = True
                show_main()
                return
            app.exit()

        from ..dialogs.safety import LockDialog  # dialogs are imported when first shown

        app.push_screen(LockDialog(app.session.path.name, result), chosen)
        return
    if result.took_over is not None:
        app.notify(
            ts("lock.stale", user=one_line(result.took_over.user), pid=result.took_over.pid),
            timeout=8,
        )
    elif not result.enforced:
        app.notify(ts("lock.unenforced", error=result.error), severity="warning", timeout=8)
    tell_set_aside(app, getattr(app, "safety_set_aside", []))
    app.safety_set_aside = []
    _offer_recovery(app, show_main, app.safety_recovery)


def describe_set_aside(entry: recovery.SetAside) -> str:
    """The message for a recovery copy kept aside: why, whose, when, and where it is now."""
    from ..dialogs.safety import describe_time

    path = one_line(str(entry.path))
    if entry.error:
        return ts("recovery.not_moved", error=one_line(entry.error), path=path)
    if entry.reason == "damaged":
        text = ts("recovery.damaged", detail=one_line(entry.detail), path=path)
        if entry.text_path is not None:
            text += ts("recovery.readable", path=one_line(str(entry.text_path)))
        return text
    meta = entry.meta
    why = ts(f"recovery.why.{entry.reason}", original=one_line(meta.original), pid=meta.pid)
    who = one_line(f"{meta.user or '?'}@{meta.host or '?'}")
    when = describe_time(meta.written_at) if meta.has_header else "?"
    return ts("recovery.foreign", why=why, who=who, when=when, path=path)


def tell_set_aside(app: ReferatApp, entries: list[recovery.SetAside]) -> None:
    """Tell the user about every recovery copy kept aside (they stay until dismissed: 60 s)."""
    for entry in entries:
        app.notify(
            describe_set_aside(entry),
            title=ts("recovery.title"),
            severity="error" if entry.error else "warning",
            timeout=60,
        )


def _offer_recovery(
    app: ReferatApp, show_main: Callable[[], None], info: recovery.RecoveryInfo | None
) -> None:
    path = app.session.path
    if info is None:
        show_main()
        return
    target = recovery.suggest_target(path)

    def chosen(choice: str | None) -> None:
        if choice == "quit":
            app.exit()
            return
        if choice == "restore":
            _restore(app, info)
        elif choice == "save_as":
            try:
                recovery.save_recovery_as(path, target)
            except (OSError, MeetingFileError) as error:
                app.notify(str(error), severity="error", timeout=15)
                _restore(app, info)  # do not lose it: keep it in the editor instead
            else:
                recovery.discard_recovery(path)
                app.notify(ts("recovery.saved_as", path=str(target)), timeout=10)
        elif choice == "discard":
            recovery.discard_recovery(path)
            app.notify(ts("recovery.discarded"), timeout=4)
        show_main()

    from ..dialogs.safety import RecoveryDialog

    app.push_screen(RecoveryDialog(info, target), chosen)


def _restore(app: ReferatApp, info: recovery.RecoveryInfo) -> None:
    from ...storage import loads_meeting

    try:
        meeting = loads_meeting(info.text, info.original)
    except MeetingFileError as error:
        # Checked when found, but keep it aside all the same: new typing must not replace it.
        entry = recovery.SetAside(info.path, "damaged", info.meta, detail=str(error))
        try:
            entry = dataclasses.replace(entry, path=recovery.keep_aside(info.path, "damaged"))
        except OSError as move_error:
            entry = dataclasses.replace(entry, error=str(move_error))
        tell_set_aside(app, [entry])
        return
    session = Session(info.original, meeting)
    session.dirty = True
    app.session = session
    guard: SafetyGuard = app.guard
    guard.rebind(session)
    if info.meta.base is not None:
        guard.base = info.meta.base  # a file changed since then is noticed on save
    guard.keeper.has_copy = True
    app.notify(ts("recovery.restored"), timeout=8)


#: Check the file on disk every this many ticks (a stat; the contents only if it changed).
DISK_EVERY = 8


def tick(app: ReferatApp) -> None:
    guard: SafetyGuard = app.guard
    before = guard.last_error
    guard.tick()
    if guard.last_error and guard.last_error != before:
        app.notify(ts("recovery.failed", error=guard.last_error), severity="error", timeout=15)
    app.safety_ticks = getattr(app, "safety_ticks", 0) + 1
    if app.safety_ticks % DISK_EVERY == 0 and app.main_screen is not None:
        _notice_disk_change(app, guard)


def _notice_disk_change(app: ReferatApp, guard: SafetyGuard) -> None:
    """Say once per change that someone else wrote the file (the save will ask)."""
    if not guard.changed_on_disk(quick=True):
        return
    current = stamp(guard.path)
    if current == getattr(app, "safety_disk_noticed", None):
        return
    app.safety_disk_noticed = current
    app.notify(ts("disk.noticed", name=one_line(guard.path.name)), severity="warning", timeout=10)


def ask_if_changed_on_disk(screen: Any) -> bool:
    """Before a save: when the file changed on disk, show ``DiskChangedDialog`` (then, for an
    overwrite, ``ask_if_write_protected``); else ask if the file is marked read-only. True when
    a dialog is shown: its choice saves with ``screen.save(checked=True)``, reloads, or cancels."""
    app = screen.app
    guard: SafetyGuard | None = getattr(app, "guard", None)
    if guard is None or app.session.read_only:
        return False
    if not guard.changed_on_disk():
        return ask_if_write_protected(screen)
    target = recovery.suggest_target(app.session.path, label="mine")

    def chosen(choice: str | None) -> None:
        if choice == "overwrite":
            guard.accept_disk()
            if not ask_if_write_protected(screen):
                screen.save(checked=True)
        elif choice == "save_as":
            guard.switch_path(target)
            screen.save(checked=True)
        elif choice == "reload":
            _reload(app)

    from ..dialogs.safety import DiskChangedDialog

    app.push_screen(DiskChangedDialog(app.session.path.name, target), chosen)
    return True


def ask_if_write_protected(screen: Any) -> bool:
    """Before a save: when the file's write bits are all off (made read-only after it was
    opened), show ``ReadOnlyFileDialog`` and return True. Overwrite keeps the file's mode and
    is not asked again for it this session; save as writes a new file; cancel writes nothing."""
    app = screen.app
    guard: SafetyGuard | None = getattr(app, "guard", None)
    if guard is None or not guard.write_protected():
        return False
    target = recovery.suggest_target(app.session.path, label="mine")

    def chosen(choice: str | None) -> None:
        if choice == "overwrite":
            guard.accept_write_protected()
            screen.save(checked=True)
        elif choice == "save_as":
            guard.switch_path(target)
            screen.save(checked=True)

    from ..dialogs.safety import ReadOnlyFileDialog

    app.push_screen(ReadOnlyFileDialog(app.session.path.name, target), chosen)
    return True


def _reload(app: ReferatApp) -> None:
    from ..screens.main_screen import MainScreen

    guard: SafetyGuard = app.guard
    try:
        session = Session.open(app.session.path, read_only=app.session.read_only)
    except MeetingFileError as error:
        app.notify(str(error), severity="error", timeout=15)
        return
    guard.discard()
    app.session = session
    guard.rebind(session)
    guard.accept_disk()
    app.switch_screen(MainScreen(session))


def save_failed(app: ReferatApp) -> str:
    """After a failed save: refresh the recovery copy; the sentence to add to the message."""
    guard: SafetyGuard | None = getattr(app, "guard", None)
    if guard is not None and guard.write_now():
        return ts("save.failed_kept")
    return ""


def crash_save(app: ReferatApp) -> None:
    """An unhandled error: write the recovery copy while the editor's widgets still exist."""
    guard: SafetyGuard | None = getattr(app, "guard", None)
    if guard is not None:
        with contextlib.suppress(Exception):
            guard.emergency_save()


def shutdown(app: ReferatApp) -> None:
    """The editor is closing: after a crash keep the work; release the lock; restore hooks."""
    guard: SafetyGuard | None = getattr(app, "guard", None)
    if guard is None:
        return
    if app.return_code:
        with contextlib.suppress(OSError, MeetingFileError):
            guard.emergency_save()
    guard.close()
    handlers = getattr(app, "safety_handlers", None)
    if handlers is not None:
        handlers.uninstall()
        app.safety_handlers = None
