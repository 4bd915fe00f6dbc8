"""Email HTML: the minutes as one table-based page with every style inlined.

Built for Outlook's Word engine and Gmail: a 680 px centred table (``role="presentation"``,
``width``/``bgcolor``/``cellpadding`` attributes), web-safe fonts, no ``<style>``, ``<script>``
or ``<link>``. The stylesheet below is inlined once per document with css-inline (remote
loading off). The export theme does not apply: email clients need their own, simpler rules.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import css_inline

from ..model import Meeting
from .common import Doc, build
from .html import page_title
from .htmlbody import Body

WIDTH = 680

FONT = "Arial, Helvetica, sans-serif"

CSS = f"""
body {{ margin: 0; padding: 0; background-color: #f2f2f2; }}
td.outer-cell {{ padding: 16px 8px; }}
td.content {{ padding: 28px 36px; font-family: {FONT}; font-size: 14px; line-height: 20px;
  color: #1a1a1a; }}
p {{ margin: 0 0 10px 0; font-family: {FONT}; font-size: 14px; line-height: 20px; }}
li {{ margin: 0 0 4px 0; font-family: {FONT}; font-size: 14px; line-height: 20px; }}
li p {{ margin: 0 0 4px 0; }}
ul, ol {{ margin: 0 0 10px 0; padding: 0 0 0 24px; }}
h1 {{ margin: 20px 0 12px 0; font-family: {FONT}; font-size: 22px; line-height: 28px;
  color: #1f3864; }}
h2 {{ margin: 24px 0 8px 0; padding: 0 0 3px 0; border-bottom: 1px solid #8eaadb;
  font-family: {FONT}; font-size: 17px; line-height: 22px; color: #1f3864; }}
h3 {{ margin: 16px 0 6px 0; font-family: {FONT}; font-size: 15px; line-height: 20px;
  color: #2f5496; }}
h4, h5, h6 {{ margin: 12px 0 6px 0; font-family: {FONT}; font-size: 14px; }}
p.doctype {{ margin: 0 0 8px 0; font-size: 24px; line-height: 30px; font-weight: bold;
  color: #1f3864; }}
span.marker {{ padding: 1px 6px; border: 2px solid #b00020; color: #b00020; font-size: 13px;
  letter-spacing: 1px; }}
span.marker.approved {{ border-color: #1e6b30; color: #1e6b30; letter-spacing: 0; }}
table.case th, table.case td {{ font-family: {FONT}; font-size: 12px; line-height: 16px;
  color: #444444; text-align: left; font-weight: normal; padding: 0 10px 0 0; }}
table.facts th, table.facts td {{ font-family: {FONT}; font-size: 14px; line-height: 20px;
  text-align: left; vertical-align: top; padding: 0 10px 0 0; }}
table.agenda {{ border-collapse: collapse; margin: 4px 0 12px 0; }}
table.agenda th {{ font-family: {FONT}; font-size: 14px; text-align: left;
  background-color: #d9e2f3; border-bottom: 1px solid #8eaadb; }}
table.agenda td {{ font-family: {FONT}; font-size: 14px; line-height: 20px; vertical-align: top;
  border-bottom: 1px solid #d9d9d9; }}
td.num, td.time {{ white-space: nowrap; width: 60px; }}
ul.participants {{ padding: 0; list-style-type: none; }}
p.topic {{ margin: 12px 0 4px 0; }}
p.subtopic {{ margin: 8px 0 4px 0; }}
p.written-label {{ margin: 6px 0 4px 0; font-style: italic; color: #404040; }}
em.attribution {{ color: #595959; }}
li.done {{ color: #595959; }}
blockquote {{ margin: 0 0 10px 0; padding: 0 0 0 10px; border-left: 3px solid #d9d9d9;
  color: #404040; }}
code {{ font-family: Consolas, 'Courier New', monospace; font-size: 13px; }}
pre {{ margin: 0 0 10px 0; padding: 8px; background-color: #f2f2f2; white-space: pre-wrap; }}
div.text table {{ border-collapse: collapse; margin: 0 0 10px 0; }}
div.text th, div.text td {{ border: 1px solid #bfbfbf; padding: 3px 6px; font-family: {FONT};
  font-size: 14px; }}
a {{ color: #2f5496; }}
div.closing {{ margin: 28px 0 0 0; padding: 8px 0 0 0; border-top: 1px solid #8eaadb; }}
"""


@lru_cache(maxsize=1)
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(
        load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False
    )


def render_doc(doc: Doc) -> str:
    body = Body(doc, email=True).render()
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(page_title(doc))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0"'
        ' border="0" bgcolor="#f2f2f2"><tr><td class="outer-cell" align="center">\n'
        f'<table role="presentation" class="sheet" width="{WIDTH}" cellpadding="0"'
        f' cellspacing="0" border="0" bgcolor="#ffffff" style="width:{WIDTH}px;'
        f'max-width:{WIDTH}px"><tr><td class="content" align="left">\n'
        f"{body}\n</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n"
    )
    return _inliner().inline(page).rstrip("\n") + "\n"


def render(meeting: Meeting) -> str:
    """The meeting as email-ready HTML (styles inlined)."""
    return render_doc(build(meeting))
