"""Plain-text export: the email's text part, wrapped at 72 columns, readable as is."""

from __future__ import annotations

from .. import markdown as mdr
from ..model import Meeting
from .common import Doc, RemarkView, Section, build
from .mdtree import to_text, wrap

WIDTH = 72


class _Text:
    def __init__(self, doc: Doc, width: int) -> None:
        self.doc = doc
        self.width = width
        self.out: list[str] = []
        self._cache: dict[str, list[str]] = {}

    def md(self, text: str, width: int) -> list[str]:
        key = f"{width}\0{text}"
        lines = self._cache.get(key)
        if lines is None:
            lines = to_text(mdr.parse(text), width)
            self._cache[key] = lines
        return lines

    def para(self, *lines: str) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.out.extend(lines)

    def heading(self, text: str, underline: str) -> None:
        lines = wrap(text, self.width)
        self.para(*lines, underline * min(self.width, max(len(line) for line in lines)))

    def pairs(self, pairs: list[tuple[str, str]]) -> None:
        lines: list[str] = []
        for label, value in pairs:
            lines += wrap(f"{label}: {value}", self.width, "", "    ")
        if lines:
            self.para(*lines)

    def bullets(self, texts: list[str], indent: str = "") -> None:
        lines: list[str] = []
        for text in texts:
            lines += wrap(text, self.width, f"{indent}- ", f"{indent}  ")
        if lines:
            self.para(*lines)

    def agenda(self) -> None:
        doc = self.doc
        if not doc.agenda:
            return
        self.heading(doc.agenda_label, "-")
        number_w = max(len(doc.agenda_columns[0]), *(len(r.number) for r in doc.agenda))
        time_w = max(len(doc.agenda_columns[1]), *(len(r.time) for r in doc.agenda))
        pad = " " * (number_w + time_w + 4)
        lines = [
            f"{doc.agenda_columns[0]:<{number_w}}  {doc.agenda_columns[1]:<{time_w}}  "
            f"{doc.agenda_columns[2]}"
        ]
        for row in doc.agenda:
            first = f"{row.number:<{number_w}}  {row.time:<{time_w}}  "
            lines += wrap(row.activity, self.width, first, pad)
        self.para(*lines)

    def remark(self, remark: RemarkView, indent: str) -> list[str]:
        body = self.md(remark.text, self.width - len(indent) - 2)
        if remark.attribution:
            body = [f"({remark.attribution})", *body]
        lines = []
        for index, line in enumerate(body or [""]):
            prefix = f"{indent}- " if index == 0 else f"{indent}  "
            lines.append(prefix + line if line else "")
        return lines

    def remarks(self, section: Section) -> None:
        for group in section.groups:
            indent = "  " if group.topic else ""
            lines: list[str] = []
            if group.top:
                lines += wrap(group.top, self.width)
            if group.sub:
                lines += wrap(group.sub, self.width, indent, indent)
            lines += [line for r in group.said for line in self.remark(r, indent)]
            if group.written:
                if group.said:
                    lines.append("")
                lines.append(f"{indent}{self.doc.written_label}:")
                lines += [line for r in group.written for line in self.remark(r, indent)]
            self.para(*lines)
        if section.text.strip():
            self.para(*self.md(section.text, self.width))

    def section(self, section: Section) -> None:
        self.para(section.label)
        self.out.append("")
        if section.kind == "markdown":
            self.out += self.md(section.text, self.width)
        elif section.kind == "remarks":
            self.remarks(section)
        elif section.kind == "actions":
            due = self.doc.label("due").lower()
            lines = []
            for action in section.actions:
                tail = [action.owner] if action.owner else []
                if action.due_text:
                    tail.append(f"{due} {action.due_text}")
                text = action.text + (" — " + ", ".join(tail) if tail else "")
                box = "[x] " if action.done else "[ ] "
                lines += wrap(text, self.width, "- " + box, "      ")
            self.para(*lines)
        elif section.kind == "attachments":
            self.bullets(
                [
                    f"{a.label}: {a.title}" + (f" ({a.url})" if a.url else "")
                    for a in section.attachments
                ]
            )

    def render(self) -> str:
        doc = self.doc
        self.para(f"{doc.doc_type} · {doc.marker}")
        self.pairs(doc.header)
        if doc.title:
            self.heading(doc.title, "=")
        self.pairs(doc.facts)
        self.agenda()
        if doc.participants:
            self.heading(doc.participants_label, "-")
            self.bullets([p.text for p in doc.participants])
        for item in doc.items:
            self.out += ["", ""]
            self.heading(item.heading, "-")
            for section in item.sections:
                self.section(section)
        if doc.closing:
            self.para("", "-" * 8)
            self.pairs(doc.closing)
        lines = [line.rstrip() for line in self.out]
        while lines and not lines[0]:
            lines.pop(0)
        text = "\n".join(lines).strip("\n") + "\n"
        while "\n\n\n\n" in text:
            text = text.replace("\n\n\n\n", "\n\n\n")
        return text


def render_doc(doc: Doc, width: int = WIDTH) -> str:
    return _Text(doc, width).render()


def render(meeting: Meeting) -> str:
    """The meeting as plain text wrapped at 72 columns."""
    return render_doc(build(meeting))
