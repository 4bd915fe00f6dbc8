"""Keys and their labels, one way for the status line, the F1 help and the command palette.

A binding's description and tooltip are keys into ``text.strings`` (or literal text); they are
translated when they are shown (``describe``), never rewritten in the bindings. What keys a
widget class has is read from what it declares (``BINDINGS``, its bases' first) with the app's
keymap applied, through Textual's public ``BindingsMap``: ``declared_bindings``.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from ..text.words import WORDS, say, say_in

_KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Del",
    "insert": "Ins",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "space": "Space",
}


def key_label(key: str) -> str:
    """ "ctrl+s" -> "^S", "f1" -> "F1", "ctrl+up" -> "^↑", "shift+tab" -> "Shift+Tab"."""
    *modifiers, base = key.strip().split("+")
    if base in _KEY_NAMES:
        name = _KEY_NAMES[base]
    elif (base.startswith("f") and base[1:].isdigit()) or (len(base) == 1 and "ctrl" in modifiers):
        name = base.upper()
    else:
        name = base
    prefix = "".join("^" if m == "ctrl" else f"{m.capitalize()}+" for m in modifiers)
    return prefix + name


def key_display(binding: Binding) -> str:
    """ "^S", "F1", "Esc", "^↑/K": short, and every key of a binding."""
    if binding.key_display:
        return binding.key_display
    return "/".join(key_label(key) for key in binding.key.split(","))


def describe(text: str, lang: str | None = None) -> str:
    """A binding's description or tooltip as shown: a key into ``text.strings`` translated
    (into ``lang``, by default the UI language), or literal text as it is."""
    if text not in WORDS:
        return text
    return say(text) if lang is None else say_in(lang, text)


def keymap_of(node: DOMNode) -> Mapping[str, str]:
    """The keymap of ``node``'s app (binding id -> keys), as ``ReferatApp.keymap`` keeps it."""
    return getattr(node.app, "keymap", {})


def declared_bindings(cls: type[DOMNode], keymap: Mapping[str, str] | None = None) -> BindingsMap:
    """The bindings an instance of ``cls`` has, with ``keymap`` applied: the ``BINDINGS`` of
    ``cls`` and its bases, the bases' first; a key declared again further down replaces the
    one above and takes its place in the order of declaration. A binding the keymap moves to
    other keys keeps its place too."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        for key, bindings in BindingsMap(vars(base).get("BINDINGS", [])).key_to_bindings.items():
            keys.pop(key, None)
            keys[key] = bindings
    merged = BindingsMap.from_keys(keys)
    if not keymap:
        return merged
    place: dict[str, int] = {}
    for number, (key, binding) in enumerate(merged):
        place.setdefault(binding.id or f" {key}", number)
    merged.apply_keymap(_normalized(keymap))
    return BindingsMap.from_keys(
        dict(
            sorted(
                merged.key_to_bindings.items(),
                key=lambda item: place.get(item[1][0].id or f" {item[0]}", len(place)),
            )
        )
    )


def _normalized(keymap: Mapping[str, str]) -> dict[str, str]:
    """A keymap's keys written as Textual writes them ("?" -> "question_mark"), as
    ``App.set_keymap`` applies them (a one-character key is normalised by ``BindingsMap``)."""

    def normal(key: str) -> str:
        return next(iter(BindingsMap([Binding(key, "")]).key_to_bindings)) if len(key) == 1 else key

    return {
        binding_id: ",".join(normal(key.strip()) for key in keys.split(","))
        for binding_id, keys in keymap.items()
    }


def bindings_by_id(
    bindings: BindingsMap, skip: tuple[str, ...] = ()
) -> list[tuple[Binding, list[str]]]:
    """(binding, every key of it) per binding id, in the order of declaration; bindings
    without an id (Textual's own) and system bindings are left out."""
    first: dict[str, Binding] = {}
    keys: dict[str, list[str]] = {}
    for key, found in bindings.key_to_bindings.items():
        for binding in found:
            if not binding.id or binding.system or binding.id in skip:
                continue
            first.setdefault(binding.id, binding)
            found_keys = keys.setdefault(binding.id, [])
            if key not in found_keys:  # a keymap binds each of a binding's keys anew
                found_keys.append(key)
    return [(binding, keys[binding_id]) for binding_id, binding in first.items()]
