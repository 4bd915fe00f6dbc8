"""PDF export: an archival, accessible A4 document (PDF/A-2a and PDF/UA-1), made with Typst.

The document view (``export/document.py``) becomes JSON data (``export/pdf_data.py``) that
the Typst template ``pdf_template.typ`` lays out; the compiler ships in the ``typst`` wheel
(no system libraries). Only Typst's own embedded fonts are used (Libertinus Serif, DejaVu
Sans Mono), never the machine's, and the document date is the meeting's date, not the
clock: the same meeting gives the same bytes on every machine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from ..domain.model import Meeting
from ..text import i18n
from .document import Doc, build, clean_meeting
from .pdf_data import document_data, footer_fields
from .themes import load_css

#: PDF/A-2a (archival, tagged) and PDF/UA-1 (accessible) at once.
PDF_STANDARDS = ["a-2a", "ua-1"]
TEMPLATE = Path(__file__).with_name("pdf_template.typ")
#: The agenda header's shade and the heading rule, per export theme.
_THEME_COLOURS = {
    "memo": {"shade": "#d9e2f3", "rule": "#8eaadb"},
    "plain": {"shade": "#eeeeee", "rule": "#999999"},
}

__all__ = ["PDF_STANDARDS", "PdfError", "pdf_bytes", "render_doc"]


class PdfError(RuntimeError):
    """The PDF could not be made (a one-line reason)."""


@lru_cache(maxsize=1)
def _template() -> bytes:
    return TEMPLATE.read_bytes()


def _timestamp(date: dt.date | None) -> int:
    """The creation time written into the PDF: the meeting's date (midnight UTC), else 0."""
    if date is None:
        return 0
    return int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())


def render_doc(
    doc: Doc,
    *,
    theme: str | None = None,
    footer: str = "",
    author: str = "",
    date: dt.date | None = None,
) -> bytes:
    """The PDF of the document view ``doc``; ``footer`` is the running footer's left part
    (the case and document number), ``author`` and ``date`` go into the metadata."""
    import typst

    load_css(theme)  # an unknown theme is an error here as in every format
    colours = _THEME_COLOURS.get(theme or "memo", _THEME_COLOURS["memo"])
    data = document_data(doc, footer=footer, author=author, date=date)
    inputs = {"data": json.dumps(data, ensure_ascii=False), **colours}
    try:
        pdf = typst.compile(
            _template(),
            root=str(TEMPLATE.parent),
            format="pdf",
            sys_inputs=inputs,
            pdf_standards=PDF_STANDARDS,
            ignore_system_fonts=True,
            timestamp=_timestamp(date),
        )
    except RuntimeError as err:  # typst.TypstError: a bug here, said in one line
        message = str(getattr(err, "message", "") or err).splitlines()[0]
        raise PdfError(f"cannot make the PDF: {message}") from None
    assert isinstance(pdf, bytes)
    return pdf


def pdf_bytes(
    meeting: Meeting,
    *,
    theme: str | None = None,
    include_closed: bool = False,
    lang: str | None = None,
) -> bytes:
    """The meeting as an archival PDF (PDF/A-2a, PDF/UA-1), A4.

    ``lang`` ("da" or "en") overrides the meeting's own language; closed items are shown as
    "Lukket punkt" only unless ``include_closed``, as in every export. Raises
    ``UnknownThemeError`` for an unknown ``theme`` and :class:`PdfError` if Typst fails.
    """
    if lang is not None:
        meeting = dataclasses.replace(meeting, lang=lang)
    doc = build(meeting, include_closed=include_closed)
    clean = clean_meeting(meeting)
    author = clean.secretary.strip() or clean.chair.strip()
    return render_doc(
        doc,
        theme=theme,
        footer=footer_fields(clean, doc.lang if doc.lang in i18n.LANGUAGES else "en"),
        author=author,
        date=meeting.date,
    )
