"""``tui_referat.model``, kept at its old address: the same module as ``domain.model``."""

import sys

from .domain import model

sys.modules[__name__] = model
