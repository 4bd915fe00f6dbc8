"""Markdown export: clean CommonMark a person could have written, laid out as the reference.

The layout is regular so that ``referat import`` can read it back (see docs/EXPORTS.md).
Markdown fields are copied as written, unless cleaning removed something from them (raw HTML,
an unsafe link): then the text is regenerated from the cleaned tokens.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..domain.model import LAYOUT_MARK, REMARK_END, REMARK_MARK, REMARKS_MARK, Meeting
from ..text import markdown_html as mdr
from .doc_parts import single_lines
from .document import Doc, ParticipantLine, RemarkView, Section, build
from .longtext import is_long, join_lines, parse_pieces
from .md_tree import markdown_lines, md_escape, md_url, to_markdown

#: Cheap pre-check: only texts with one of these can hold raw HTML or a link worth checking.
_MAYBE = re.compile(r"<|\]\s*[(\[:]|&#|%[0-9a-fA-F]{2}", re.S)
#: A link reference definition with a URL that is not http(s)/mailto/relative.
_BAD_DEFINITION = re.compile(
    r"(?im)^ {0,3}\[[^\]]+\]:\s*<?\s*(?!https?:|mailto:)[a-z][a-z0-9+.\-]*:"
)


def _trimmed(text: str) -> str:
    """``text.strip("\\n").rstrip()``, made with one copy at most (a long text is big)."""
    start, end = 0, len(text)
    while start < end and text[start] == "\n":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end]


def safe_markdown(text: str) -> str:
    """``text`` as written when it is harmless, else Markdown rebuilt from its cleaned tokens.

    Harmless: parsing removed nothing (no raw HTML, no unsafe link or image) and there is no
    unused link definition with an unsafe URL. A long text is parsed a piece at a time.
    """
    text = _trimmed(text)
    if not _MAYBE.search(text):
        return text
    env: dict[str, object] = {}
    if not is_long(text):
        tokens = mdr.parse(text, env=env)
        if not env.get(mdr.NEUTRALISED) and not _BAD_DEFINITION.search(text):
            return text
        return to_markdown(tokens)
    for _ in parse_pieces(text, env=env):
        if env.get(mdr.NEUTRALISED):
            break
    if not env.get(mdr.NEUTRALISED) and not _BAD_DEFINITION.search(text):
        return text
    return "\n".join(join_lines(markdown_lines(tokens) for tokens in parse_pieces(text)))


def _lines(pairs: list[tuple[str, str]]) -> str:
    """ "Label: value" lines joined with hard line breaks (two trailing spaces)."""
    return "  \n".join(f"{md_escape(label)}: {md_escape(value)}" for label, value in pairs)


def _cell(text: str) -> str:
    return md_escape(text).replace("\n", " ")


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def _starts_paragraph(text: str) -> bool:
    first = text.lstrip("\n").split("\n", 1)[0]
    return bool(first.strip()) and not re.match(r"\s*([-+*>#|`~]|\d+[.)]|\s{4})", first)


def _remark(remark: RemarkView) -> str:
    text = safe_markdown(remark.text)
    if remark.attribution:
        tag = f"*({md_escape(remark.attribution)})*"
        text = f"{tag} {text}" if _starts_paragraph(text) else f"{tag}\n\n{text}"
    body = _indent(text, "  ").lstrip()
    return f"- {body}"


def _remark_list(remarks: list[RemarkView]) -> list[str]:
    """Bullets when every remark is one line; else each remark as written (its paragraphs,
    or its list after the attribution on a line of its own), each after an unseen mark so
    that ``referat import`` can tell where one ends and the next begins."""
    if single_lines(remarks):
        return ["\n".join(_remark(r) for r in remarks)]
    out: list[str] = []
    for remark in remarks:
        out.append(f"<!-- {REMARK_MARK} -->")
        text = safe_markdown(remark.text)
        if remark.attribution:
            tag = f"*({md_escape(remark.attribution)})*"
            text = f"{tag} {text}" if _starts_paragraph(text) else f"{tag}\n\n{text}"
        out.append(text)
    out.append(f"<!-- {REMARK_END} -->")
    return out


def _remarks(doc: Doc, section: Section) -> list[str]:
    out: list[str] = []
    if section.intro.strip():
        out.append(safe_markdown(section.intro))
    for group in section.groups:
        if group.top:
            out.append(f"**{md_escape(group.top)}**")
        if group.sub:
            out.append(f"*{md_escape(group.sub)}*")
        if group.said:
            out += _remark_list(group.said)
        if group.written:
            out.append(f"{md_escape(doc.written_label)}:")
            out += _remark_list(group.written)
    if section.text.strip():
        out.append(safe_markdown(section.text))
    return out


def _section(doc: Doc, section: Section) -> list[str]:
    out = [f"### {md_escape(section.label)}"] if section.label else []
    if section.kind == "markdown":
        out.append(safe_markdown(section.text))
    elif section.kind == "remarks":
        if not section.label:  # right after the minutes: mark the place for referat import
            out.append(f"<!-- {REMARKS_MARK} -->")
        out += _remarks(doc, section)
    elif section.kind == "actions":
        due_word = doc.label("due").lower()
        lines = []
        for action in section.actions:
            tail = [md_escape(action.owner)] if action.owner else []
            if action.due_iso:
                tail.append(f"{due_word} {action.due_iso}")
            text = md_escape(action.text)
            if tail:
                text += " — " + ", ".join(tail)
            lines.append(f"- [{'x' if action.done else ' '}] {text}")
        out.append("\n".join(lines))
    elif section.kind == "attachments":
        lines = []
        for att in section.attachments:
            title = md_escape(att.title)
            target = att.url or (att.path if _is_relative_path(att.path) else "")
            if target:
                title = f"[{title}]({md_url(target)})"
            late = f" ({md_escape(att.late)})" if att.late else ""
            lines.append(f"- {md_escape(att.label)}: {title}{late}")
        out.append("\n".join(lines))
    return out


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _is_relative_path(path: str) -> bool:
    """A file path relative to the meeting (e.g. ``bilag/5.1.pdf``): linked in Markdown only,
    where it resolves next to the file (GitHub, a folder of minutes); never a scheme."""
    return bool(path) and not _SCHEME.match(path) and not path.startswith(("/", "\\"))


def _participant_line(person: ParticipantLine) -> str:
    name = md_escape(person.name)
    if person.email and mdr.is_safe_url(f"mailto:{person.email}"):
        name = f"[{name}]({md_url('mailto:' + person.email)})"
    parts = [f"**{name}**" + (f" – {md_escape(person.role)}" if person.role else "")]
    if person.title:
        parts.append(md_escape(person.title))
    if person.organisation:
        parts.append(f"*{md_escape(person.organisation)}*")
    line = ", ".join(parts)
    if person.note:
        line += f" ({md_escape(person.note)})"
    return f"- {line}"


def _agenda(doc: Doc) -> str:
    """The agenda table; without the "Ca. tid" column when no item has a planned time."""
    columns = list(doc.agenda_columns)
    if not doc.agenda_times:
        del columns[1]
    rows = ["| " + " | ".join(_cell(c) for c in columns) + " |"]
    rows.append("| ---: | --- | --- |" if doc.agenda_times else "| ---: | --- |")
    for r in doc.agenda:
        time = f" {_cell(r.time)} |" if doc.agenda_times else ""
        rows.append(
            f"| {_cell(r.number)} |{time} {_cell(r.activity)}{_confidential(r.confidential)} |"
        )
    return "\n".join(rows)


def _confidential(mark: str) -> str:
    """ " *(Fortroligt)*" after a closed item's heading and agenda row; "" for the others."""
    return f" *({md_escape(mark)})*" if mark else ""


def layout_note(layout: dict[str, Any]) -> str:
    """The meeting's ``[sections]`` as an HTML comment (invisible where the Markdown is shown)
    for ``referat import``: ``<!-- referat:sections {"order": [...], ...} -->``. The JSON has
    no ``<``, ``>``, ``-`` or ``&`` (escaped as ``\\u003c`` …), so no label can end it."""
    text = json.dumps(layout, ensure_ascii=False)
    for char in "<>-&":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return f"<!-- {LAYOUT_MARK} {text} -->"


def render_parts(doc: Doc) -> list[str]:
    """The Markdown document in parts (joined: :func:`render_doc`)."""
    # The draft or approved marker goes in the header block, not in the first heading.
    blocks: list[str] = [f"**{md_escape(doc.doc_type)}**"]
    if doc.layout is not None:
        blocks.append(layout_note(doc.layout))
    if doc.confidential:
        blocks.append(f"**{md_escape(doc.confidential)}**")
    blocks.append(f"**{md_escape(doc.marker)}**")
    if doc.header:
        blocks.append(_lines(doc.header))
    if doc.title:
        blocks.append(f"# {md_escape(doc.title)}")
    if doc.facts:
        blocks.append(_lines(doc.facts))
    if doc.held:
        blocks.append(md_escape(doc.held))
    if doc.agenda:
        blocks.append(f"## {md_escape(doc.agenda_label)}")
        blocks.append(_agenda(doc))
        if doc.agenda_note:
            blocks.append(md_escape(doc.agenda_note))
    if doc.participants:
        blocks.append(f"## {md_escape(doc.participants_label)}")
        for label, lines in doc.participant_groups:
            blocks.append(f"### {md_escape(label)}")
            blocks.append("\n".join(_participant_line(person) for person in lines))
        if not doc.participant_groups:
            blocks.append("\n".join(_participant_line(person) for person in doc.participants))
    for item in doc.items:
        blocks.append(f"## {md_escape(item.heading)}{_confidential(item.confidential)}")
        for section in item.sections:
            blocks += _section(doc, section)
    if doc.closing:
        blocks.append("---")
        blocks.append(_lines(doc.closing))
    parts: list[str] = []
    for block in blocks:
        if block and not block.isspace():  # block.strip(), without copying a long one
            parts += [block, "\n\n"]
    parts[-1:] = ["\n"]
    return parts


def render_doc(doc: Doc) -> str:
    return "".join(render_parts(doc))


def render(meeting: Meeting, *, include_closed: bool = False) -> str:
    """The meeting as a Markdown document (closed items shown whole only if asked)."""
    return render_doc(build(meeting, include_closed=include_closed))
