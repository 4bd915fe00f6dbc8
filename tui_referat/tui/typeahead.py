"""Keys one at a time, each all the way through, in the order they were typed.

Textual hands a key to the widget that has the focus *when the app reads the key* and goes on
to the next key at once: the widget handles it later, from its own queue, and a key it does not
handle bubbles up through its parents' queues to the app, where the bindings run. So when keys
arrive in one burst (a fast typist, a paste without bracketed paste, a slow SSH link delivering
a backlog) "Tab" and the letters after it all go to the field Tab leaves, "a" (add a remark)
and the title after it both go to the list, and ctrl+s saves before the letters typed just
before it are in the field.

``Typeahead`` makes the app take the next key only when the last one has gone all the way:
handled by the focused widget, or bubbled through every parent to the app and its bindings
run, and what the widget posted on the key (Enter: Submitted) has bubbled the same way. It
follows the key's path twice with a callback queued behind it at each step (the focused widget,
each parent, the screen, the app), so it needs no private Textual API. What the key
started in the same turn (a focus change, a screen pushed) is done before the next key is read.
A key that has not come through in ``STUCK_AFTER`` seconds (a widget removed on the way) lets
the next one go.

Work a key starts that ends later (a form mounted, then focused) holds the keys after it with
``hold()`` until it calls the release it was given (or ``STUCK_AFTER`` has passed).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.widget import Widget

#: Seconds after which a key that has not come through no longer holds the others back.
STUCK_AFTER = 0.5

#: How many times the key's path is followed (see ``_start``).
PASSES = 2

_Event = events.Key | events.Paste


class Typeahead:
    """The app's keys and pastes, handed on one at a time (see the module's doc)."""

    def __init__(self, app: App, handle: Callable[[_Event], Awaitable[None]]) -> None:
        """``handle``: what Textual does with a key the app reads (``App.on_event``)."""
        self.app = app
        self._handle = handle
        self._waiting: deque[_Event] = deque()
        self._busy = 0  # the number of the key in flight; 0: none
        self._count = 0
        self._holds: set[int] = set()
        self._screen: object | None = None  # the screen when the key in flight was read
        #: Called each time a key has gone all the way (the recovery keeper hears of it).
        self.after_key: Callable[[], None] | None = None

    @staticmethod
    def wants(event: events.Event) -> bool:
        """A key or paste read from the terminal (not one already handed to a widget)."""
        return isinstance(event, events.Key | events.Paste) and not event.is_forwarded

    async def take(self, event: _Event) -> None:
        """Handle ``event`` now, or after the keys before it have gone through."""
        if not self.idle:
            self._waiting.append(event)
            return
        await self._start(event)

    @property
    def idle(self) -> bool:
        """No key in flight, none held back and none waiting."""
        return not self._busy and not self._holds and not self._waiting

    def hold(self) -> Callable[[], None]:
        """Keep the next keys waiting until the returned function is called."""
        self._count += 1
        number = self._count
        self._holds.add(number)

        def release() -> None:
            if number in self._holds:
                self._holds.discard(number)
                self._go_on()

        self.app.set_timer(STUCK_AFTER, release)
        return release

    async def _start(self, event: _Event) -> None:
        self._count += 1
        number = self._busy = self._count
        app = self.app
        target = app.focused or app.screen
        await self._handle(event)
        # Where the key went: the focused widget and its parents, then the app. A key a
        # priority binding took went nowhere, but what its action posted from the focused
        # widget (the agenda's "add item") bubbles the same way.
        path: list[MessagePump] = [node for node in target.ancestors_with_self if node is not app]
        path.append(app)
        self._screen = app.screen
        # Twice: what the key made its widget post (Enter: Submitted, which may close a
        # dialog; a letter: Changed) bubbles the same way, one step behind the first pass.
        self._step(number, path * PASSES)
        app.set_timer(STUCK_AFTER, lambda: self._done(number))

    def _step(self, number: int, path: list[MessagePump]) -> None:
        """The key is through ``path``'s nodes before the first: queue the next step behind
        it at the first node (or finish)."""
        while path:
            node, rest = path[0], path[1:]
            if node.call_later(self._step, number, rest):
                return
            path = rest  # a node that is closing: the key will not pass it
        self._settled(number)

    def _settled(self, number: int) -> None:
        """The key went all the way. If it opened a screen (a dialog), the next key waits
        until that screen is mounted and has given the focus to its first field."""
        screen = self.app.screen
        ready = screen.is_mounted and (screen.focused is not None or not screen.focus_chain)
        if screen is self._screen or self._busy != number or ready:
            self._done(number)
        else:
            self.app.call_after_refresh(self._settled, number)

    def _done(self, number: int) -> None:
        if self._busy != number:
            return  # that key was let go already
        self._busy = 0
        if self.after_key is not None:
            self.after_key()
        self._go_on()

    def _go_on(self) -> None:
        if not self._busy and not self._holds and self._waiting:
            self.app.call_later(self._next)

    async def _next(self) -> None:
        if not self._busy and not self._holds and self._waiting:
            await self._start(self._waiting.popleft())


def when_mounted(widget: Widget, then: Callable[[], None], *, laid_out: bool = False) -> None:
    """Call ``then`` now if ``widget`` is mounted (``laid_out``: and has its size), else as
    soon as it is; the keys typed meanwhile wait (they belong to what ``then`` focuses, and a
    key such as End needs the widget's lines). A widget removed meanwhile is let go."""

    def ready() -> bool:
        return widget.is_mounted and (not laid_out or widget.size.width > 0)

    if ready():
        then()
        return
    typeahead = getattr(widget.app, "typeahead", None)
    release = typeahead.hold() if isinstance(typeahead, Typeahead) else (lambda: None)
    app = widget.app

    def attempt() -> None:
        if widget.is_mounted and not widget.is_attached:
            release()  # removed before it was ready (the editor moved to another item)
            return
        if not ready():
            app.call_after_refresh(attempt)  # released at the latest by its timer
            return
        then()
        release()

    app.call_after_refresh(attempt)
