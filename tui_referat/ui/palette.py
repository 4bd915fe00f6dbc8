"""The command palette (ctrl+p): every action of the editor with its key, plus the themes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from .status import describe
from .strings import t


def _flat(node: DOMNode) -> list[Binding]:
    """A node's bindings (keymap applied), one per id, keys joined as in the keymap."""
    found: dict[str, Binding] = {}
    keys: dict[str, list[str]] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        for binding in bindings:
            if not binding.id or binding.system:
                continue
            found.setdefault(binding.id, binding)
            keys.setdefault(binding.id, []).append(key)
    return [
        Binding(",".join(keys[i]), b.action, b.description, tooltip=b.tooltip, id=i)
        for i, b in found.items()
    ]


def palette_commands(screen: DOMNode) -> Iterator[tuple[str, str, Callable[[], object]]]:
    """(title, help, callback) for every action reachable from ``screen``."""
    from .main_screen import MainScreen
    from .nav import NavPanel

    app = screen.app
    nodes: list[DOMNode] = [app, screen]
    if isinstance(screen, MainScreen):
        nodes.append(screen.query_one(NavPanel))
    seen: set[str] = set()
    for node in nodes:
        for binding in _flat(node):
            if binding.id in seen or binding.id == "palette" or binding.id in _NAV_MOVES:
                continue
            seen.add(binding.id)
            key = app.get_key_display(binding)
            title = f"{describe(binding.description)}  ({key})"
            help_text = describe(binding.tooltip) if binding.tooltip else ""
            yield title, help_text, partial(node.run_action, binding.action)
    for name in sorted(app.available_themes):
        yield t("palette.theme", name=name), "", partial(setattr, app, "theme", name)


#: Plain cursor moves: not worth a palette entry.
_NAV_MOVES = {
    "nav.undo",
    "nav.up",
    "nav.down",
    "nav.first",
    "nav.last",
    "nav.page_up",
    "nav.page_down",
}


class ReferatCommands(Provider):
    """Lists every bound action with its key; runs it on the screen it belongs to."""

    async def discover(self) -> Hits:
        for title, help_text, callback in palette_commands(self.screen):
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in palette_commands(self.screen):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
