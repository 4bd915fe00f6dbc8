"""Exports of a meeting: Markdown, HTML, email HTML, plain text, an .eml draft, Word and PDF.

Each format is a pure function of the meeting (``export/<format>.py``). :func:`render` is the
one entry point for the CLI and the editor's export screen.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.model import Meeting
from .themes import DEFAULT_THEME, UnknownThemeError, available

#: Format name -> what it is. The order is the order shown to users.
FORMATS: dict[str, str] = {
    "md": "Markdown (CommonMark, renders on GitHub)",
    "html": "standalone HTML page, themed, for screen and print",
    "email": "email HTML with every style inlined",
    "text": "plain text wrapped at 72 columns",
    "eml": "email draft (.eml) with text and HTML parts",
    "docx": "Word document (.docx) with Word's own styles",
}

#: Paginated documents typeset by an engine (slow: tested by their own files, not in the loops
#: over FORMATS). Like docx they are binary files, never printed on a terminal.
DOCUMENT_FORMATS: dict[str, str] = {
    "pdf": "archival PDF (PDF/A-2a, PDF/UA-1), A4, paginated",
}

_SUFFIX = {"md": ".md", "html": ".html", "email": ".html", "text": ".txt", "eml": ".eml",
           "pdf": ".pdf", "docx": ".docx"}  # fmt: skip

__all__ = [
    "DEFAULT_THEME",
    "DOCUMENT_FORMATS",
    "FORMATS",
    "UnknownThemeError",
    "available_themes",
    "default_suffix",
    "render",
]


def available_themes() -> list[str]:
    """Names of the export themes (for ``--theme``)."""
    return available()


def default_suffix(fmt: str) -> str:
    """The file suffix for ``fmt``: ".md", ".html", ".txt", ".eml", ".docx" or ".pdf"."""
    if fmt not in _SUFFIX:
        names = ", ".join([*FORMATS, *DOCUMENT_FORMATS])
        raise ValueError(f"unknown export format {fmt!r} (choose from {names})")
    return _SUFFIX[fmt]


def render(
    meeting: Meeting,
    fmt: str,
    *,
    theme: str | None = None,
    base_dir: Path | None = None,
    attach: bool = False,
    include_closed: bool = False,
    subject: str | None = None,
) -> bytes:
    """The meeting exported as ``fmt`` (a key of :data:`FORMATS`, as UTF-8 bytes, or of
    :data:`DOCUMENT_FORMATS`, as the file's bytes).

    ``theme`` names an export theme for html (default "memo"); ``subject`` is the eml's
    subject template (``text/subject.py``; None: "Referat: TITLE (UDKAST)"); ``base_dir`` is
    the meeting file's folder, where ``attach=True`` finds attachment files for the eml draft.
    A closed item shows as its number and "Lukket punkt" (or its public title) only, unless
    ``include_closed``: then it is shown whole and marked confidential, and so is the document.
    Raises ``ValueError`` for an unknown format and ``UnknownThemeError`` for an unknown theme.
    """
    # Each format's parts are encoded one after another: a big meeting's export is never
    # held as one string as well as its bytes (see ``export/sink.py``).
    from .document import build
    from .sink import drain, utf8
    from .themes import load_css

    if theme is not None:
        load_css(theme)  # an unknown theme is an error in every format, not only html

    if fmt == "md":
        from .markdown import render_parts as md_parts

        return utf8(drain(md_parts(build(meeting, include_closed=include_closed))))
    if fmt == "html":
        from .html import render_parts as html_parts

        return utf8(html_parts(build(meeting, include_closed=include_closed), theme=theme))
    if fmt == "email":
        from .email import render_parts as email_parts

        return utf8(email_parts(build(meeting, include_closed=include_closed)))
    if fmt == "text":
        from .text import render_parts as text_parts

        return utf8(text_parts(build(meeting, include_closed=include_closed)))
    if fmt == "eml":
        from .eml import render as render_eml

        return render_eml(
            meeting,
            theme=theme,
            base_dir=base_dir,
            attach=attach,
            include_closed=include_closed,
            subject=subject,
        )
    if fmt == "pdf":
        from .pdf import pdf_bytes

        return pdf_bytes(meeting, theme=theme, include_closed=include_closed)

    if fmt == "docx":
        from .docx import docx_bytes

        return docx_bytes(meeting, include_closed=include_closed)
    default_suffix(fmt)  # raises for an unknown format
    raise AssertionError(fmt)
