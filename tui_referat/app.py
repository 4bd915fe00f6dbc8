"""``tui_referat.app`` (``ReferatApp``), kept at its old address: the same module as ``tui.app``."""

import sys

from .tui import app

sys.modules[__name__] = app
