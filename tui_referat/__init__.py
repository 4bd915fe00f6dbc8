"""tui-referat: write meeting minutes (referat) in the terminal and send them by email."""

__version__ = "0.1.0"
