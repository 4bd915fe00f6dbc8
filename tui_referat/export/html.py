"""HTML export: a standalone HTML5 page with the theme's CSS embedded."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from ..domain.model import Meeting
from .document import Doc, build
from .fragments import fill
from .html_body import Body
from .themes import load_css


def page_title(doc: Doc) -> str:
    return f"{doc.doc_type}: {doc.title}" if doc.title else doc.doc_type


def render_parts(doc: Doc, *, theme: str | None = None) -> Iterator[str]:
    """The page in parts, the Markdown rendered as they are given (``export/fragments.py``)."""
    css = load_css(theme).replace("</", "<\\/")
    body = Body(doc, placeholders=True)
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page_title(doc))}</title>\n"
        f"<style>\n{css.strip()}\n</style>\n</head>\n<body>\n<main>\n{body.render()}\n</main>\n"
        "</body>\n</html>\n"
    )
    return fill(page, body.fragments)


def render_doc(doc: Doc, *, theme: str | None = None) -> str:
    return "".join(render_parts(doc, theme=theme))


def render(meeting: Meeting, *, theme: str | None = None, include_closed: bool = False) -> str:
    """The meeting as a standalone HTML page (closed items shown whole only if asked)."""
    return render_doc(build(meeting, include_closed=include_closed), theme=theme)
