"""Emergency handlers in real processes: SIGHUP, SIGTERM, a dropped terminal, a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pexpect
import pytest

from tui_referat.safety import recovery, signals

CHILD = textwrap.dedent(
    """
    import os, signal, sys, threading, time
    from pathlib import Path
    from tui_referat.safety.recovery import write_recovery
    from tui_referat.safety.signals import install_emergency_handlers

    path = Path(sys.argv[1])
    mode = sys.argv[2]
    typed = []

    def save():
        # an emergency save may not print: the terminal may be gone
        write_recovery(None, path, text="format = 1\\nminutes = '" + "".join(typed) + "'\\n")

    graceful = None
    if mode == "graceful":
        def graceful(signum):
            Path(str(path) + ".graceful").write_text(str(signum))
            os._exit(0)
    if mode == "nohup":
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    install_emergency_handlers(save, graceful=graceful)
    typed.append("unsaved words")
    if mode == "crash":
        raise RuntimeError("boom")
    if mode == "thread-crash":
        thread = threading.Thread(target=lambda: 1 / 0)
        thread.start()
        thread.join()
        print("survived", flush=True)
        sys.exit(0)
    print("ready", flush=True)
    while True:
        time.sleep(1)
    """
)


def _start(tmp_path: Path, mode: str = "plain") -> tuple[subprocess.Popen[str], Path]:
    path = tmp_path / "m.toml"
    path.write_text("format = 1\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return proc, path


def _recovered(path: Path) -> str:
    info = recovery.find_recovery(path)
    assert info is not None, "no recovery copy was left"
    return info.text


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_signal_leaves_a_recovery_copy_and_exits(tmp_path: Path, signum: int) -> None:
    proc, path = _start(tmp_path)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        proc.stdout.close()  # like a vanished terminal: the handler must not need it
        os.kill(proc.pid, signum)
        assert proc.wait(timeout=20) == 128 + signum
    finally:
        proc.kill()
        proc.wait()
    assert "unsaved words" in _recovered(path)


@pytest.mark.slow
def test_dropped_terminal_hangup_leaves_a_recovery_copy(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text("format = 1\n")
    child = pexpect.spawn(
        sys.executable, ["-c", CHILD, str(path), "plain"], dimensions=(24, 80), timeout=20
    )
    child.expect("ready")
    child.close(force=False)  # closing the pty master hangs up the terminal: SIGHUP
    assert child.signalstatus is None and child.exitstatus == 128 + signal.SIGHUP
    assert "unsaved words" in _recovered(path)


@pytest.mark.slow
def test_sigterm_with_graceful_callback_saves_first_then_calls_it(tmp_path: Path) -> None:
    proc, path = _start(tmp_path, "graceful")
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
        proc.wait()
    assert "unsaved words" in _recovered(path)
    assert Path(str(path) + ".graceful").read_text() == str(int(signal.SIGTERM))


@pytest.mark.slow
def test_nohup_keeps_hangups_ignored(tmp_path: Path) -> None:
    proc, _path = _start(tmp_path, "nohup")
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        os.kill(proc.pid, signal.SIGHUP)
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=20) == 128 + signal.SIGTERM
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.slow
def test_crash_leaves_a_recovery_copy_and_the_traceback(tmp_path: Path) -> None:
    proc, path = _start(tmp_path, "crash")
    _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 1
    assert "RuntimeError: boom" in err
    assert "unsaved words" in _recovered(path)


@pytest.mark.slow
def test_crash_in_a_thread_leaves_a_recovery_copy(tmp_path: Path) -> None:
    proc, path = _start(tmp_path, "thread-crash")
    out, err = proc.communicate(timeout=20)
    assert "survived" in out and "ZeroDivisionError" in err
    assert "unsaved words" in _recovered(path)


def test_install_is_idempotent_and_uninstall_restores() -> None:
    before = {signum: signal.getsignal(signum) for signum in signals.SIGNALS}
    hook = sys.excepthook
    calls: list[str] = []
    first = signals.install_emergency_handlers(lambda: calls.append("first"))
    second = signals.install_emergency_handlers(lambda: calls.append("second"))
    try:
        assert signals.current() is second and first.installed_signals == []
        handler = signal.getsignal(signal.SIGHUP)
        assert getattr(handler, "__self__", None) is second  # the later one answers SIGHUP
        assert second.save_now() and calls == ["second"]
    finally:
        second.uninstall()
    assert {signum: signal.getsignal(signum) for signum in signals.SIGNALS} == before
    assert sys.excepthook is hook and signals.current() is None


def test_a_failing_save_never_raises() -> None:
    def broken() -> None:
        raise OSError(28, "No space left on device")

    handlers = signals.install_emergency_handlers(broken)
    try:
        assert handlers.save_now() is False
    finally:
        handlers.uninstall()
