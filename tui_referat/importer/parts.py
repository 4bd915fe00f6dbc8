"""The parts of Markdown minutes inside lists: participants, remarks, actions, attachments.

Each function takes markdown-it syntax-tree nodes (with line maps) and the source lines, and
returns model objects. Markdown texts (remarks) are copied from the source lines, so they come
back exactly as written; plain fields (names, titles) are read from the tokens, so Markdown
escapes are undone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.tree import SyntaxTreeNode

from ..domain.model import (
    REMARK_END,
    REMARK_MARK,
    Action,
    Attachment,
    Attendance,
    Participant,
    Presence,
    Remark,
    RemarkSource,
)
from ..text.presence import parse_presence
from ..text.words import LANGUAGES as LANGS
from ..text.words import say_in
from .values import attendance_of, date_or_none, inline_of, label_key, plain

Warn = Callable[[int, str], None]

_MARKER = re.compile(r"^(\s*)([-+*]|\d{1,9}[.)])([ \t]+|$)")
_ATTRIBUTION = re.compile(r"^([*_])\(((?:\\.|[^\\])*?)\)\1")
#: A note without an attendance label that reads as partial attendance ("fra kl. 13.20").
_PARTIAL_HINT = re.compile(r"(?i)\b(fra|til|kom|gik|from|until|left|arrived|joined|kl)\b.*\d")


def source_text(lines: list[str], nodes: list[SyntaxTreeNode]) -> str:
    """The source lines the top-level ``nodes`` span, without surrounding blank lines."""
    spans = [node.map for node in nodes if node.map]
    if not spans:
        return ""
    chunk = lines[spans[0][0] : spans[-1][1]]
    return "\n".join(line.rstrip() for line in chunk).strip("\n")


def item_text(lines: list[str], item: SyntaxTreeNode) -> str:
    """A list item's content as Markdown: the marker removed, the continuation dedented."""
    if not item.map:
        return ""
    chunk = lines[item.map[0] : item.map[1]]
    match = _MARKER.match(chunk[0])
    indent = len(match.group(0)) if match else 0
    if match and not match.group(3):
        indent += 1
    out = [chunk[0][len(match.group(0)) :] if match else chunk[0].lstrip()]
    for line in chunk[1:]:
        spaces = len(line) - len(line.lstrip(" "))
        out.append(line[min(spaces, indent) :])
    return "\n".join(line.rstrip() for line in out).strip("\n")


def first_inline(item: SyntaxTreeNode) -> SyntaxTreeNode | None:
    for child in item.children:
        if child.type == "paragraph":
            return inline_of(child)
    return None


def _line(node: SyntaxTreeNode) -> int:
    return (node.map[0] + 1) if node.map else 0


# -- participants ----------------------------------------------------------------------------


def _split_note(rest: str) -> tuple[str, str]:
    """ "kontorchef (afbud, fra kl. 14)" -> ("kontorchef", "afbud, fra kl. 14")."""
    rest = rest.rstrip()
    if not rest.endswith(")"):
        return rest, ""
    depth = 0
    for index in range(len(rest) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(rest[index], 0)
        if depth == 0:
            return rest[:index].rstrip(), rest[index + 1 : -1].strip()
    return rest, ""


_ROLE = re.compile(r" – ([^,(]*?)(?=,| \(|$)")


def _role(text: str) -> tuple[str, str]:
    """ " – formand, kontorchef" -> ("formand", ", kontorchef"); no role: ("", text)."""
    match = _ROLE.match(text)
    if match is None:
        return "", text
    return match.group(1).strip(), text[match.end() :]


def _extras(note: str, lang: str) -> tuple[str, str, list[Presence]]:
    """The substitute's member, the presence events and the free note in what follows the
    attendance: "suppleant for Bo Berg, fra kl. 14, forlod mødet kl. 20.25 (pkt. 5)"."""
    substitute = ""
    bits = note.split(", ") if note else []
    for code in (lang, *(c for c in LANGS if c != lang)):
        prefix = say_in(code, "substitute_for", name="")
        if bits and bits[0].startswith(prefix):
            substitute = bits.pop(0)[len(prefix) :].strip()
            break
    events: list[Presence] = []
    for start in range(len(bits)):
        tail = ", ".join(bits[start:])
        found = next((e for c in LANGS if (e := parse_presence(c, tail)) is not None), None)
        if found is not None:
            events = [Presence(name, moment, number) for name, moment, number in found]
            bits = bits[:start]
            break
    return substitute, ", ".join(bits), events


def participant(item: SyntaxTreeNode, lang: str = "da") -> Participant | None:
    """ "- **[Name](mailto:e)** – role, title, *organisation* (note)", or "Name, title, org
    (note)"; the note may hold "suppleant for NAME" and the presence events."""
    inline = first_inline(item)
    if inline is None:
        return None
    children = [c for c in inline.children if not (c.type == "text" and not c.content)]
    name = email = organisation = ""
    if children and children[0].type == "strong":
        strong = children.pop(0)
        name = plain(strong).strip()
        for link in strong.children:
            href = str(link.attrs.get("href", "")) if link.type == "link" else ""
            if href.lower().startswith("mailto:"):
                email = href[len("mailto:") :]
        role = ""
        token = children[0].token if children and children[0].type == "text" else None
        if token is not None:
            role, token.content = _role(token.content)
        em_at = max((i for i, c in enumerate(children) if c.type == "em"), default=-1)
        if em_at >= 0:
            organisation = plain(children[em_at]).strip()
            title = "".join(plain_node(c) for c in children[:em_at])
            tail = "".join(plain_node(c) for c in children[em_at + 1 :])
            note = _split_note(tail)[1] if tail.strip() else ""
        else:
            title, note = _split_note("".join(plain_node(c) for c in children))
        title = title.strip().strip(",").strip()
    else:
        text, note = _split_note(plain(inline))
        parts = [part.strip() for part in text.split(", ")]
        name, _, role = parts[0].partition(" – ")
        title = parts[1] if len(parts) > 1 else ""
        organisation = ", ".join(parts[2:])
    if not name:
        return None
    first, _, others = note.partition(", ")
    said = attendance_of(first) if note else None
    if said is not None:
        note = others.strip()
    substitute, note, presence = _extras(note, lang)
    attendance = said or (Attendance.PARTIAL if _PARTIAL_HINT.search(note) else Attendance.PRESENT)
    return Participant(
        name=name,
        title=title,
        organisation=organisation,
        email=email,
        attendance=attendance,
        note=note,
        role=role.strip(),
        substitute_for=substitute,
        presence=presence,
    )


def plain_node(node: SyntaxTreeNode) -> str:
    if node.type == "text":
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return plain(node)


# -- remarks ---------------------------------------------------------------------------------


def remark(
    lines: list[str], item: SyntaxTreeNode, source: RemarkSource, topic: list[str]
) -> Remark:
    """A remark written as one bullet: "*(Name, modtaget 3. maj 2025)* text"."""
    return _attributed(item_text(lines, item), first_inline(item), source, topic)


def block_remark(
    lines: list[str], nodes: list[SyntaxTreeNode], source: RemarkSource, topic: list[str]
) -> Remark:
    """A remark written as it is (paragraphs, a list) between the export's marks."""
    first = inline_of(nodes[0]) if nodes and nodes[0].type == "paragraph" else None
    return _attributed(source_text(lines, nodes), first, source, topic)


def _attributed(
    text: str, inline: SyntaxTreeNode | None, source: RemarkSource, topic: list[str]
) -> Remark:
    author, received = "", None
    first = inline.children[0] if inline is not None and inline.children else None
    match = _ATTRIBUTION.match(text)
    if first is not None and first.type == "em" and match:
        said = plain(first).strip()
        if said.startswith("(") and said.endswith(")"):
            text = text[match.end() :].strip()
            author = said[1:-1].strip()
            head, sep, tail = author.rpartition(", ")
            word, _, day = (tail if sep else author).partition(" ")
            if label_key(word, ("received",)) and date_or_none(day):
                received = date_or_none(day)
                author = head if sep else ""
    return Remark(text=text, source=source, topic=list(topic), author=author, received=received)


def _mark(node: SyntaxTreeNode, mark: str) -> bool:
    return node.type == "html_block" and node.content.strip() == f"<!-- {mark} -->"


def is_written_label(text: str) -> bool:
    return text.rstrip().endswith(":") and label_key(text, ("written_remarks",)) is not None


def remarks(
    lines: list[str], nodes: list[SyntaxTreeNode]
) -> tuple[list[Remark], list[SyntaxTreeNode]]:
    """Remarks grouped under "**Topic**" / "*sub › topic*" markers, and the note after them.

    Lists after "Skriftlige bemærkninger:" / "Written remarks:" are written remarks.
    """
    found: list[Remark] = []
    top = ""
    topic: list[str] = []
    pending: list[tuple[str, str, int]] = []
    last_source: RemarkSource | None = None
    index = -1
    while index + 1 < len(nodes):
        index += 1
        node = nodes[index]
        block: list[list[SyntaxTreeNode]] = []  # remarks written as they are, between marks
        while index < len(nodes) and _mark(nodes[index], REMARK_MARK):
            end = index + 1
            while end < len(nodes) and not (
                _mark(nodes[end], REMARK_MARK) or _mark(nodes[end], REMARK_END)
            ):
                end += 1
            block.append(nodes[index + 1 : end])
            index = end
        if block:
            if index < len(nodes) and _mark(nodes[index], REMARK_END):
                index += 1
            index -= 1  # the loop steps on to the node after the block
        if node.type == "paragraph" and not block:
            inline = inline_of(node)
            kids = [c for c in (inline.children if inline else []) if c.content or c.children]
            if len(kids) == 1 and kids[0].type in ("strong", "em"):
                pending.append((kids[0].type, plain(kids[0]).strip(), index))
                continue
            if is_written_label(plain(inline)):
                pending.append(("written", "", index))
                continue
        if node.type != "bullet_list" and not block:
            return found, nodes[pending[0][2] if pending else index :]
        kinds = [kind for kind, _, _ in pending]
        source = RemarkSource.WRITTEN if "written" in kinds else RemarkSource.MEETING
        for kind, value, _ in pending:
            if kind == "strong":
                top, topic = value, [value]
            elif kind == "em":
                topic = ([top] if top else []) + [p.strip() for p in value.split(" › ")]
        if "strong" not in kinds and "em" not in kinds and last_source is RemarkSource.WRITTEN:
            topic = [top] if top else []
        if block:
            found += [block_remark(lines, chunk, source, topic) for chunk in block]
        else:
            found += [remark(lines, child, source, topic) for child in node.children]
        last_source = source
        pending = []
    return found, nodes[pending[0][2] :] if pending else []


# -- actions and attachments -----------------------------------------------------------------

_TASK = re.compile(r"^\[([ xX])\]\s+(.*)$", re.S)
_DUE = re.compile(r"^(\S+)\s+(\d{4}-\d{2}-\d{2})$")


def action(item: SyntaxTreeNode) -> Action:
    """ "[ ] text — owner, frist 2025-10-21"."""
    text = " ".join(plain(first_inline(item)).split())
    done = False
    match = _TASK.match(text)
    if match:
        done = match.group(1) != " "
        text = match.group(2)
    owner, due = "", None
    body, sep, tail = text.rpartition(" — ")
    if sep:
        text = body
        head, comma, last = tail.rpartition(", ")
        words = _DUE.match(last)
        if words and label_key(words.group(1), ("due",)) and date_or_none(words.group(2)):
            due = date_or_none(words.group(2))
            owner = head if comma else ""
        else:
            owner = tail
    return Action(text=text.strip(), owner=owner.strip(), due=due, done=done)


_ATTACHMENT = re.compile(r"^\s*\S+\s+\d+(?:\.\d+)*\s*:\s*")


def attachment(item: SyntaxTreeNode) -> Attachment:
    """ "Bilag 5.1: [Title](url)" or "Bilag 5.1: Title"."""
    inline = first_inline(item)
    path = ""
    for child in inline.children if inline else []:
        if child.type == "link":
            path = str(child.attrs.get("href", ""))
    text = " ".join(plain(inline).split())
    match = _ATTACHMENT.match(text)
    return Attachment(title=text[match.end() :] if match else text, path=path)
