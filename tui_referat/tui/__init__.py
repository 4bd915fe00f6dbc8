"""The Textual editor's screens and widgets. Only ``app.py`` and this package import Textual."""
