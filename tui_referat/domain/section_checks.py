"""What ``referat check`` says about a meeting's own item sections (``[sections]``).

Pure: returns (level, field path, message) for ``checks.check_meeting`` to place in the file.
"""

from __future__ import annotations

from .model import LAYOUT_KEYS, Meeting

#: (level, field path, message)
Finding = tuple[str, str, str]


def _known() -> str:
    return ", ".join(LAYOUT_KEYS)


def check_sections(meeting: Meeting) -> list[Finding]:
    """Unknown names in ``[sections]`` (errors) and item text the order leaves out (warnings:
    the exports still show it, after the listed sections)."""
    found: list[Finding] = []
    layout = meeting.sections
    if layout is None:
        return found
    seen: set[str] = set()
    for index, key in enumerate(layout.order):
        where = f"sections.order[{index}]"
        if key not in LAYOUT_KEYS:
            found.append(("error", where, f"unknown section {key!r}; known: {_known()}"))
        elif key in seen:
            found.append(("warning", where, f"{key!r} is listed twice"))
        seen.add(key)
    for key in layout.labels:
        if key not in LAYOUT_KEYS:
            where = f"sections.labels.{key}"
            found.append(("error", where, f"unknown section {key!r}; known: {_known()}"))
    if not layout.order:
        return found
    for index, item in enumerate(meeting.items):
        for key in meeting.unlisted(item):
            found.append(
                (
                    "warning",
                    f"items[{index}].{key}",
                    f"has text, but [sections].order leaves {key!r} out; the minutes show "
                    "it after the listed sections",
                )
            )
    return found
