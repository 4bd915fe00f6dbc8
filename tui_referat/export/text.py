"""Plain-text export: the email's text part, wrapped at 72 columns, readable as is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from markdown_it.token import Token

from ..domain.model import Meeting
from ..text import markdown_html as mdr
from .doc_parts import single_lines
from .document import Doc, RemarkView, Section, build, markdown_texts
from .longtext import is_long, join_lines, parse_pieces
from .md_tree import to_text, wrap
from .sink import drain

WIDTH = 72

#: Joins the words of a name while wrapping, so that no name is split over two lines.
_BIND = "\ue003"


def _bind_names(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        if " " in name:
            text = text.replace(name, name.replace(" ", _BIND))
    return text


def wrap_names(
    text: str, names: list[str], width: int, first: str = "", rest: str = ""
) -> list[str]:
    """:func:`wrap`, keeping each of ``names`` (presenters) whole on one line."""
    lines = wrap(_bind_names(text, names), width, first, rest)
    return [line.replace(_BIND, " ") for line in lines]


def _shape(tokens: list[Token]) -> str:
    """ "list" when the text is one bullet list and nothing else; "para" when it starts with
    a paragraph without hard line breaks; else ""."""
    if not tokens:
        return ""
    first = tokens[0]
    if first.type == "bullet_list_open":
        closes = [i for i, t in enumerate(tokens) if t.type == "bullet_list_close" and not t.level]
        return "list" if closes == [len(tokens) - 1] else ""
    if first.type == "paragraph_open" and len(tokens) > 1:
        children = tokens[1].children or []
        return "" if any(c.type == "hardbreak" for c in children) else "para"
    return ""


def _long_shaped(text: str, width: int) -> tuple[list[str], str]:
    """:func:`to_text` and :func:`_shape` of a long text, parsed a piece at a time."""
    shapes: list[str] = []

    def pieces() -> Iterator[list[str]]:
        for tokens in parse_pieces(text):
            if tokens:
                shapes.append(_shape(tokens))
                yield to_text(tokens, width)

    lines = join_lines(pieces())
    # The first piece's shape, but a list followed by more is not the text's only block.
    shape = shapes[0] if shapes else ""
    return lines, "" if shape == "list" and len(shapes) > 1 else shape


def _attributed(body: list[str], shape: str, attribution: str, width: int) -> list[str]:
    """A remark's lines with its attribution: opening its first paragraph, "(Carl Dahl,
    modtaget …) First words …", or on a line of its own before a list."""
    if attribution and shape == "para":
        end = body.index("") if "" in body else len(body)
        first = " ".join([f"({attribution})", *body[:end]])
        return [*wrap(first, width), *body[end:]]
    if attribution:
        return [f"({attribution})", *body]
    return body


class _Text:
    def __init__(self, doc: Doc, width: int) -> None:
        self.doc = doc
        self.width = width
        self.out: list[str] = []
        self._cache: dict[tuple[int, str], tuple[list[str], str]] = {}
        # Parsed a batch at a time, as they are needed: the same tokens as one by one.
        texts = [t for t in markdown_texts(doc) if not is_long(t)]
        self._waiting = set(texts)
        self._parsed = zip(texts, mdr.parse_each(texts), strict=True)
        self._early: dict[str, list[Token]] = {}  # parsed before they were asked for

    def _tokens(self, text: str) -> list[Token]:
        tokens = self._early.pop(text, None)
        while tokens is None and text in self._waiting:
            done, tokens = next(self._parsed)
            self._waiting.discard(done)
            if done != text:
                self._early[done], tokens = tokens, None
        return mdr.parse(text) if tokens is None else tokens

    def md_shaped(self, text: str, width: int) -> tuple[list[str], str]:
        """The wrapped lines of ``text`` and its :func:`_shape`."""
        key = (width, text)
        found = self._cache.get(key)
        if found is None:
            if is_long(text):
                found = _long_shaped(text, width)
            else:
                tokens = self._tokens(text)
                found = (to_text(tokens, width), _shape(tokens))
            self._cache[key] = found
        return found

    def md(self, text: str, width: int) -> list[str]:
        return self.md_shaped(text, width)[0]

    def para(self, *lines: str) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.out.extend(lines)

    def heading(self, text: str, underline: str, names: list[str] | None = None) -> None:
        lines = wrap_names(text, names or [], self.width)
        self.para(*lines, underline * min(self.width, max(len(line) for line in lines)))

    def pairs(self, pairs: list[tuple[str, str]], first: str = "") -> None:
        lines: list[str] = [first] if first else []
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
        times = doc.agenda_times  # without the "Ca. tid" column when no item has a time
        pad = " " * (number_w + (time_w + 2 if times else 0) + 2)
        time_head = f"{doc.agenda_columns[1]:<{time_w}}  " if times else ""
        lines = [f"{doc.agenda_columns[0]:<{number_w}}  {time_head}{doc.agenda_columns[2]}"]
        for row in doc.agenda:
            time = f"{row.time:<{time_w}}  " if times else ""
            first = f"{row.number:<{number_w}}  {time}"
            activity = row.activity + (f" ({row.confidential})" if row.confidential else "")
            lines += wrap_names(activity, row.presenters, self.width, first, pad)
        self.para(*lines)
        if doc.agenda_note:
            self.para(*wrap(doc.agenda_note, self.width))

    def remark(self, remark: RemarkView, indent: str) -> list[str]:
        width = self.width - len(indent) - 2
        body, shape = self.md_shaped(remark.text, width)
        if shape == "list" and not remark.attribution:
            # A remark written as a list reads as that many remarks ("- - x" looks broken).
            return [f"{indent}{line}" if line else "" for line in body]
        body = _attributed(body, shape, remark.attribution, width)
        lines = []
        for index, line in enumerate(body or [""]):
            prefix = f"{indent}- " if index == 0 else f"{indent}  "
            lines.append(prefix + line if line else "")
        return lines

    def remark_list(self, remarks: list[RemarkView], indent: str) -> list[str]:
        """Bullets when every remark is one line; else each remark as written, a blank line
        between them: its paragraphs, or its list after the attribution on its own line."""
        if single_lines(remarks):
            return [line for r in remarks for line in self.remark(r, indent)]
        width = self.width - len(indent)
        lines: list[str] = []
        for remark in remarks:
            body, shape = self.md_shaped(remark.text, width)
            body = _attributed(body, shape, remark.attribution, width)
            if lines:
                lines.append("")
            lines += [f"{indent}{line}" if line else "" for line in body]
        return lines

    def remarks(self, section: Section) -> None:
        if section.intro.strip():
            self.para(*self.md(section.intro, self.width))
        for group in section.groups:
            indent = "  " if group.topic else ""
            lines: list[str] = []
            if group.top:
                lines += wrap(group.top, self.width)
            if group.sub:
                lines += wrap(group.sub, self.width, indent, indent)
            lines += self.remark_list(group.said, indent)
            if group.written:
                if group.said:
                    lines.append("")
                lines.append(f"{indent}{self.doc.written_label}:")
                lines += self.remark_list(group.written, indent)
            self.para(*lines)
        if section.text.strip():
            self.para(*self.md(section.text, self.width))

    def section(self, section: Section) -> None:
        if section.label:
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
                tail, text = action.tail(due), action.line(due)
                box = "[x] " if action.done else "[ ] "
                # The owner's name and the due date ("due 31 July 2025") stay whole.
                lines += wrap_names(text, [*tail], self.width, "- " + box, "      ")
            self.para(*lines)
        elif section.kind == "attachments":
            self.bullets(
                [
                    f"{a.label}: {a.title}"
                    + (f" ({a.url})" if a.url else "")
                    + (f" ({a.late})" if a.late else "")
                    for a in section.attachments
                ]
            )

    def render(self) -> Iterator[str]:
        doc = self.doc
        self.para(doc.doc_type)
        if doc.confidential:
            self.out.append(doc.confidential)
        # The draft or approved marker opens the header block, not the first heading.
        self.pairs(doc.header, doc.marker)
        if doc.title:
            self.heading(doc.title, "=")
        self.pairs(doc.facts)
        if doc.held:
            self.para(*wrap(doc.held, self.width))
        self.agenda()
        if doc.participants:
            self.heading(doc.participants_label, "-")
            for label, lines in doc.participant_groups:
                self.para(f"{label}:")
                self.bullets([p.text for p in lines])
            if not doc.participant_groups:
                self.bullets([p.text for p in doc.participants])
        for item in doc.items:
            self.out += ["", ""]
            heading = item.heading + (f" ({item.confidential})" if item.confidential else "")
            self.heading(heading, "-", item.presenters)
            for section in item.sections:
                self.section(section)
        if doc.closing:
            self.para("", "-" * 8)
            self.pairs(doc.closing)
        self._cache.clear()  # the lines are in ``out``, which is emptied as it is written
        return _parts(_final_lines(drain(self.out)))


def _final_lines(out: Iterable[str]) -> Iterator[str]:
    """The lines of the text: trailing white space removed, no empty lines at either end, at
    most two empty lines in a row (a line holding a line break counts as its lines)."""
    empty = 0
    started = False
    for line in out:
        line = line.rstrip()
        for sub in line.split("\n") if "\n" in line else (line,):
            if not sub:
                if started:
                    empty += 1
                continue
            if empty:
                yield from ("",) * min(empty, 2)
                empty = 0
            started = True
            yield sub


def _parts(lines: Iterator[str], size: int = 4096) -> Iterator[str]:
    """The lines, each ended by a newline, a batch of ``size`` lines a part; "\\n" if none."""
    batch: list[str] = []
    empty = True
    for line in lines:
        batch.append(line)
        empty = False
        if len(batch) == size:
            yield "\n".join(batch) + "\n"
            batch = []
    if batch:
        yield "\n".join(batch) + "\n"
    elif empty:
        yield "\n"


def render_parts(doc: Doc, width: int = WIDTH) -> Iterator[str]:
    """The plain text of ``doc`` in parts (joined: :func:`render_doc`)."""
    return _Text(doc, width).render()


def render_doc(doc: Doc, width: int = WIDTH) -> str:
    return "".join(render_parts(doc, width))


def render(meeting: Meeting, *, include_closed: bool = False) -> str:
    """The meeting as plain text wrapped at 72 columns (closed items whole only if asked)."""
    return render_doc(build(meeting, include_closed=include_closed))
