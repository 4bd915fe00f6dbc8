"""When to write the recovery copy: pure scheduling, no timers or threads of its own.

The editor calls ``mark_changed(now)`` on every edit and on every key typed (a key may have
changed text the model does not have yet), and ``tick(now)`` from a timer (every 0.25 s);
``tick`` answers whether to write now. The clock starts at the first change the copy does not
hold, not at a pause in typing: a ``kill -9`` at any moment loses at most ``DELAY`` seconds of
typing (plus a tick). ``on_item_switch()`` asks for a write on every move between items. After
a write the editor calls ``written(now)`` (or ``write_failed``); when there turned out to be
nothing to write, ``settled()``; after a save or a deliberate discard, ``clear()``. Tests drive
it with a fake clock.
"""

from __future__ import annotations

#: Longest time (seconds) a change may stay out of the recovery copy, typing or not.
DELAY = 1.5
#: After a failed write, wait this long before trying again.
RETRY = 5.0


class RecoveryKeeper:
    """When the recovery copy is due: a delay after the first change it lacks.

    A plain class (a dataclass costs about 0.6 ms to make at import, before the first screen)."""

    def __init__(self, delay: float = DELAY, retry: float = RETRY) -> None:
        self.delay = delay
        self.retry = retry
        #: Changes exist that the recovery copy does not have yet.
        self.pending = False
        #: A recovery copy exists on disk (to remove after a save).
        self.has_copy = False
        self._first_change: float | None = None
        self._retry_at: float | None = None
        self.failures = 0

    def mark_changed(self, now: float) -> None:
        if not self.pending:
            self.pending = True
            self._first_change = now

    def tick(self, now: float) -> bool:
        """Whether the recovery copy should be written now."""
        if not self.pending or self._first_change is None:
            return False
        if self._retry_at is not None and now < self._retry_at:
            return False
        return now - self._first_change >= self.delay

    def on_item_switch(self) -> bool:
        """Moving to another item: write now if anything is pending."""
        return self.pending

    def written(self, now: float) -> None:
        self.pending = False
        self.has_copy = True
        self._first_change = self._retry_at = None
        self.failures = 0

    def settled(self) -> None:
        """Nothing needed writing after all (keys that changed nothing)."""
        self.pending = False
        self._first_change = None

    def write_failed(self, now: float) -> None:
        self.failures += 1
        self._retry_at = now + self.retry

    def clear(self) -> None:
        """The meeting was saved, or its changes discarded on purpose: nothing to keep."""
        self.pending = False
        self.has_copy = False
        self._first_change = self._retry_at = None
        self.failures = 0
