"""Mount the form widgets of ``tui_referat.tui.forms``, or a placeholder until one exists."""

from __future__ import annotations

import importlib
from typing import Any

from textual.widget import Widget
from textual.widgets import Static

from ..text.strings import t


def form_class(name: str) -> type[Widget] | None:
    """The form widget class ``name`` exported by ``tui_referat.tui.forms``, if it is there."""
    try:
        forms = importlib.import_module("tui_referat.tui.forms")
    except ImportError:
        return None
    return getattr(forms, name, None)


def make_form(name: str, *args: Any) -> Widget:
    """``forms.<name>(*args)``, or a Static saying the form is not available yet."""
    cls = form_class(name)
    if cls is None:
        return Static(t("form.missing", name=name), classes="form-placeholder")
    return cls(*args)
