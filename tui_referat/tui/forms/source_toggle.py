"""Where a remark comes from, on one focusable line: "▸møde◂ skriftlig protokol".

Letters set it at once in either language (M møde/meeting, S skriftlig, W written, P
protokol/protocol), Space and →/← go to the next/previous one, Enter sets it and goes on to
the remark's text. Textual's ``Select`` is six widgets,
opens a list for two values and ignores letters.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget

from ...domain.model import RemarkSource
from ...text import i18n
from ...text.words import get_lang, say

ORDER = (RemarkSource.MEETING, RemarkSource.WRITTEN, RemarkSource.PROTOCOL)


class SourceToggle(Widget, can_focus=True):
    """``value``: the remark's source; tells its form (``source_chosen``) when the user sets it."""

    DEFAULT_CSS = """
    SourceToggle { width: auto; height: 1; padding: 0 1 0 0; }
    SourceToggle:focus { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('meeting')", show=False, id="source.meeting"),
        Binding("s,w", "choose('written')", show=False, id="source.written"),
        Binding("p", "choose('protocol')", show=False, id="source.protocol"),
        Binding("space,right", "toggle", show=False, id="source.toggle"),
        Binding("left", "toggle(-1)", show=False, id="source.back"),
        Binding("enter", "done", show=False, id="source.done"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._value = RemarkSource.MEETING
        self.tooltip = say("source.tip")

    @property
    def value(self) -> RemarkSource:
        return self._value

    @value.setter
    def value(self, value: RemarkSource) -> None:
        """Set from the model: shown, nothing told."""
        if value is not self._value:
            self._value = value
            self.refresh()

    def render(self) -> Text:
        lang = get_lang()
        text = Text(no_wrap=True, end="")
        for source in ORDER:
            label = i18n.source_label(source, lang)
            if source is self._value:
                text.append(f"▸{label}◂", "reverse" if self.has_focus else "bold")
            else:
                text.append(f" {label} ", "dim")
        return text

    def _chosen(self, source: RemarkSource, done: bool = False) -> None:
        self.value = source
        form = next((a for a in self.ancestors if hasattr(a, "source_chosen")), None)
        if form is not None:
            form.source_chosen(source, done)

    def action_choose(self, name: str) -> None:
        self._chosen(RemarkSource(name))

    def action_toggle(self, step: int = 1) -> None:
        self._chosen(ORDER[(ORDER.index(self._value) + step) % len(ORDER)])

    def action_done(self) -> None:
        self._chosen(self._value, done=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
