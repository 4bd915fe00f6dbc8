"""The email's subject line, made from a template with three fields.

The default is ``"{type}: {title}{draft}"``: "Referat: Møde i styregruppen (UDKAST)" while the
minutes are a draft, "Referat: Møde i styregruppen" once approved. The user's config can set
another template (``[send] subject``); :func:`subject_problem` says what is wrong with one.
"""

from __future__ import annotations

import string

#: The subject when the config sets none.
DEFAULT_SUBJECT = "{type}: {title}{draft}"
#: The fields a template may use: the document type ("Referat" / "Minutes"), the title, and
#: " (UDKAST)" / " (DRAFT)" while a draft ("" once approved).
SUBJECT_FIELDS: tuple[str, ...] = ("type", "title", "draft")


def subject_problem(template: str) -> str | None:
    """Why ``template`` cannot make a subject, or None when it can."""
    try:
        parsed = string.Formatter().parse(template)
        fields = [(name, spec or conv) for _, name, spec, conv in parsed]
    except ValueError as error:
        return f"not a template ({error}); write fields as {{title}}"
    names = [name for name, _ in fields if name]
    specs = [spec for name, spec in fields if name]
    unknown = sorted({name for name in names if name not in SUBJECT_FIELDS})
    if unknown:
        fields = ", ".join("{" + name + "}" for name in SUBJECT_FIELDS)
        return f"unknown field {{{unknown[0]}}} (the fields are {fields})"
    if any(specs):
        return "write the fields without formats, e.g. {title}"
    if not names:
        return "the template has no field: write at least {title}"
    return None


def format_subject(template: str | None, doc_type: str, title: str, draft: str) -> str:
    """The subject line; ``draft`` is the draft marker ("UDKAST") or "" once approved. A
    template with a problem gives the default subject."""
    if template is None or subject_problem(template) is not None:
        template = DEFAULT_SUBJECT
    fields = {"type": doc_type, "title": title, "draft": f" ({draft})" if draft else ""}
    return " ".join(template.format_map(fields).split())
