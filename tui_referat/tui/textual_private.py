"""Every use of Textual's private API in the editor, in one place.

Each is here because Textual has no public hook for it and its benefit is shown: by a test, or
by a measurement described with it. Everything else uses Textual's public API. All of it was
checked against Textual ``TEXTUAL_VERSION``.
"""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from .keys import describe

#: The Textual version everything here was checked against.
TEXTUAL_VERSION = "8.2.8"


# -- 1. Binding descriptions in the UI language, for Textual's own key displays --------------
#
# Why: a binding's description is a key into ``text.strings``; the editor shows it through
# ``keys.describe`` (status line, F1, palette), but Textual's ``Footer`` and key panel show
# ``binding.description`` as it is, and a widget's bindings are made from its class when it is
# created. Textual has no public way to give an instance bindings of its own.
# Shown by: the snapshots in tests/ui/forms (the footer under the participants table and the
# remarks editor reads "Tilføj", "Slet" ...).


def translate_bindings(node: DOMNode) -> None:
    """Replace the descriptions and tooltips of ``node``'s bindings by their text in the UI
    language (``keys.describe``), for Textual's footer and key panel."""
    mapping = node._bindings.key_to_bindings
    for key, bindings in mapping.items():
        mapping[key] = [
            dataclasses.replace(
                binding,
                description=describe(binding.description),
                tooltip=describe(binding.tooltip),
            )
            for binding in bindings
        ]
