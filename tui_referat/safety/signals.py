"""Emergency handlers: write the recovery copy on SIGHUP, SIGTERM and crashes, then exit.

Textual 8.2.8 installs handlers only for SIGTSTP, SIGCONT, SIGWINCH (and SIGTTOU/SIGTTIN while
resuming); SIGHUP and SIGTERM keep their default action, which kills the editor at once with
nothing saved. ``install_emergency_handlers`` replaces those two with a handler that

1. writes the recovery copy FIRST, never touching the terminal (after SIGHUP the pty is gone and
   a write to it may fail or block), with every error swallowed;
2. on SIGTERM, if a ``graceful`` callback was given, calls it (e.g. to let the app restore the
   terminal and exit) and arms a watchdog that ends the process after ``grace`` seconds anyway;
3. otherwise ends the process with ``os._exit(128 + signum)``, the shell's convention.

Before any ``os._exit`` the temp files of atomic writes still in progress (a slow save the
signal interrupted) are removed (``_atomic.remove_partial``): ``os._exit`` skips the writers'
own clean-up.

Python runs signal handlers in the main thread between bytecodes, so the handler may run in the
middle of any main-thread code; ``save_recovery`` must therefore be safe to call at any moment
(it serialises the meeting and writes atomically, errors are caught here). A second signal
during the handler exits at once. A signal that was ignored when we were installed (``nohup``)
stays ignored.

Textual catches exceptions raised in message handlers itself (the app exits with return code 1
and prints the traceback), so a crash inside the app never reaches ``sys.excepthook``: the
caller must also call ``save_recovery`` after ``App.run()`` returns with an error. The hooks
installed here cover everything outside the app's loop and other threads.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

from ..storage.atomic import remove_partial

SIGNALS: tuple[signal.Signals, ...] = (signal.SIGHUP, signal.SIGTERM)
GRACE = 3.0


class EmergencyHandlers:
    """The installed handlers; ``uninstall()`` puts back what was there before."""

    def __init__(
        self,
        save_recovery: Callable[[], None],
        graceful: Callable[[int], None] | None,
        grace: float,
    ) -> None:
        self.save_recovery = save_recovery
        self.graceful = graceful
        self.grace = grace
        self.installed_signals: list[signal.Signals] = []
        self._previous_signals: dict[signal.Signals, Any] = {}
        self._previous_excepthook: Callable[..., Any] | None = None
        self._previous_threading_hook: Callable[..., Any] | None = None
        self._busy = False
        self._saved = False

    # -- the emergency save -----------------------------------------------------------------

    def save_now(self) -> bool:
        """Call ``save_recovery``, swallowing every error (and any output it tries)."""
        try:
            self.save_recovery()
        except BaseException:  # nothing may stop an emergency exit
            return False
        self._saved = True
        return True

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self._busy:
            _exit(128 + signum)
        self._busy = True
        self.save_now()
        if signum == signal.SIGTERM and self.graceful is not None:
            _watchdog(self.grace, 128 + signum)
            try:
                self.graceful(signum)
            except BaseException:
                _exit(128 + signum)
            return
        _quiet_flush()
        _exit(128 + signum)

    def _excepthook(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            self.save_now()
        previous = self._previous_excepthook or sys.__excepthook__
        with contextlib.suppress(Exception):
            previous(kind, value, traceback)

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            self.save_now()
        previous = self._previous_threading_hook or threading.__excepthook__
        with contextlib.suppress(Exception):
            previous(args)

    # -- install / uninstall ------------------------------------------------------------------

    def _install(self) -> None:
        for signum in SIGNALS:
            try:
                previous = signal.getsignal(signum)
                if previous is signal.SIG_IGN:
                    continue  # nohup: the user asked to survive hang-ups
                signal.signal(signum, self._on_signal)
            except (ValueError, OSError):  # not the main thread, or no such signal
                continue
            self._previous_signals[signum] = previous
            self.installed_signals.append(signum)
        self._previous_excepthook = sys.excepthook
        sys.excepthook = self._excepthook
        self._previous_threading_hook = threading.excepthook
        threading.excepthook = self._threading_hook

    def uninstall(self) -> None:
        global _current
        for signum, previous in self._previous_signals.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        self._previous_signals.clear()
        self.installed_signals.clear()
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_excepthook or sys.__excepthook__
        if threading.excepthook == self._threading_hook:
            threading.excepthook = self._previous_threading_hook or threading.__excepthook__
        if _current is self:
            _current = None


_current: EmergencyHandlers | None = None


def install_emergency_handlers(
    save_recovery: Callable[[], None],
    *,
    graceful: Callable[[int], None] | None = None,
    grace: float = GRACE,
) -> EmergencyHandlers:
    """Install the handlers (replacing ones installed earlier by this function)."""
    global _current
    if _current is not None:
        _current.uninstall()
    handlers = EmergencyHandlers(save_recovery, graceful, grace)
    handlers._install()
    _current = handlers
    return handlers


def current() -> EmergencyHandlers | None:
    return _current


def _exit(code: int) -> None:
    """End the process now, removing the temp files of unfinished atomic writes first."""
    remove_partial()
    os._exit(code)


def _watchdog(seconds: float, code: int) -> None:
    timer = threading.Timer(seconds, _exit, args=(code,))
    timer.daemon = True
    timer.start()


def _quiet_flush() -> None:
    """Flush Python's buffered output where that is possible; never raise, never block long."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):
            if stream is not None and not stream.isatty():
                stream.flush()
