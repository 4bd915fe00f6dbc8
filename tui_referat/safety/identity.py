"""Who and which process we are: user, host, pid and a token that survives pid reuse."""

from __future__ import annotations

import os
import socket
from pathlib import Path

_PROC = Path("/proc")


def user_name() -> str:
    """The login name, as ``getpass.getuser()`` finds it (``getpass`` is not imported: it
    costs 0.2 ms of start-up, where the editor takes its lock)."""
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if name := os.environ.get(variable):
            return name
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except Exception:  # no passwd entry
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def host_name() -> str:
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def _boot_id() -> str:
    try:
        return (_PROC / "sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, starttime) from /proc/<pid>/stat, or None when unreadable."""
    try:
        raw = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may contain spaces or ')'.
    fields = raw[raw.rfind(")") + 2 :].split()
    if len(fields) < 20:
        return None
    return fields[0], fields[19]  # state (field 3), starttime (field 22)


def start_token(pid: int) -> str:
    """A token naming this exact process: boot id + start time. Empty off Linux."""
    stat = _proc_stat(pid)
    if stat is None:
        return ""
    return f"{_boot_id()}:{stat[1]}"


def process_alive(pid: int, token: str = "") -> bool:
    """Whether process ``pid`` (on this host) still runs and is the one ``token`` names.

    A zombie counts as gone; a different start time (the pid was reused) counts as gone.
    """
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's live process
    except OSError:
        return False
    stat = _proc_stat(pid)
    if stat is None:
        return True  # no /proc (not Linux): trust kill(0)
    if stat[0] in ("Z", "X"):
        return False
    if token:
        return token == start_token(pid)
    return True
