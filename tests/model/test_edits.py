from tui_referat.domain.edits import History, Insert, Move, Remove, SetField
from tui_referat.domain.model import AgendaItem, Meeting


def make() -> Meeting:
    return Meeting(title="M", items=[AgendaItem("A"), AgendaItem("B"), AgendaItem("C")])


def titles(meeting: Meeting) -> list[str]:
    return [item.title for item in meeting.items]


def test_undo_redo_restores_every_kind_of_edit() -> None:
    meeting = make()
    history = History()
    history.apply(SetField(meeting.items[0], "minutes", "typed"))
    history.apply(Move(meeting, "items", 0, 2))
    history.apply(Insert(meeting, "items", 1, AgendaItem("New")))
    history.apply(Remove(meeting, "items", 0))
    assert titles(meeting) == ["New", "C", "A"]
    while history.can_undo:
        history.undo()
    assert titles(meeting) == ["A", "B", "C"]
    assert meeting.items[0].minutes == ""
    while history.can_redo:
        history.redo()
    assert titles(meeting) == ["New", "C", "A"]
    assert meeting.items[2].minutes == "typed"


def test_a_new_edit_clears_redo() -> None:
    meeting = make()
    history = History()
    history.apply(SetField(meeting, "title", "X"))
    history.undo()
    history.apply(SetField(meeting, "title", "Y"))
    assert not history.can_redo
    assert meeting.title == "Y"
