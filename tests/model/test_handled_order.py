"""handled_order: the fewest moved runs, the sentence under the agenda and its inverse."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui_referat.domain.handled_order import MovedRun, moved_runs, order_from_runs, problem
from tui_referat.domain.model import AgendaItem, Meeting
from tui_referat.export.doc_parts import handled_sentence
from tui_referat.importer.extras import handled_order


def _meeting(order: list[int], lang: str = "da", count: int = 9) -> Meeting:
    items = [AgendaItem(f"Punkt {n}") for n in range(1, count + 1)]
    return Meeting(lang=lang, items=items, handled_order=order)


def test_items_taken_early_are_named() -> None:
    order = [1, 2, 3, 6, 7, 8, 9, 4, 5]
    assert moved_runs(order) == [MovedRun(6, 9, 3)]
    assert handled_sentence(_meeting(order), "da") == "Pkt. 6-9 blev behandlet efter pkt. 3."
    assert handled_sentence(_meeting(order), "en") == "Items 6-9 were handled after item 3."


def test_one_item_and_an_item_first() -> None:
    assert handled_sentence(_meeting([1, 3, 2], count=3), "en") == (
        "Item 3 was handled after item 1."
    )
    assert handled_sentence(_meeting([2, 1], count=2), "da") == "Pkt. 2 blev behandlet først."


def test_the_agenda_order_and_no_order_say_nothing() -> None:
    assert handled_sentence(_meeting(list(range(1, 10))), "da") == ""
    assert handled_sentence(_meeting([]), "da") == ""
    assert handled_sentence(_meeting([1, 1, 2]), "da") == ""  # check reports it


def test_problem_says_what_is_wrong() -> None:
    assert problem([1, 2, 3], 3) == ""
    assert problem([], 3) == ""
    assert problem([1, 2, 2], 3) == "item 2 is listed twice"
    assert problem([1, 2], 3) == "item 3 is missing"
    assert problem([1, 2, 7], 3) == "item 7 does not exist (the agenda has 3 items)"


@given(st.permutations(list(range(1, 13))))
def test_the_runs_describe_the_order_and_read_back(order: list[int]) -> None:
    runs = moved_runs(order)
    assert order_from_runs(len(order), runs) == order
    # never more runs than items out of the agenda's order
    assert len(runs) <= sum(1 for i, n in enumerate(order) if n != i + 1)
    for lang in ("da", "en"):
        sentence = handled_sentence(_meeting(order, lang, len(order)), lang)
        assert bool(sentence) == bool(runs)
        if sentence:
            assert handled_order(sentence, len(order)) == order


@given(st.permutations(list(range(1, 9))))
def test_the_runs_are_fewest(order: list[int]) -> None:
    """No description moves fewer blocks: the kept blocks form a longest increasing sequence."""
    blocks: list[list[int]] = []
    for n in order:
        if blocks and blocks[-1][-1] + 1 == n:
            blocks[-1].append(n)
        else:
            blocks.append([n])
    heads = [b[0] for b in blocks]
    best = [1] * len(heads)
    for i in range(len(heads)):
        for j in range(i):
            if heads[j] < heads[i]:
                best[i] = max(best[i], best[j] + 1)
    assert len(moved_runs(order)) == len(blocks) - max(best)


def test_who_was_away_follows_the_order_the_items_were_handled_in() -> None:
    """Left at item 5 and back at 7, with 6 handled right after 3: present for 6, away for 5."""
    from tui_referat.domain.model import AgendaItem, Meeting, Participant, Presence

    person = Participant(
        "Henrik",
        presence=[Presence("left", item=5), Presence("returned", item=7)],
    )
    meeting = Meeting(items=[AgendaItem(str(n)) for n in range(1, 9)], participants=[person])
    assert [n for n in range(1, 9) if meeting.absent_at(n)] == [5, 6]  # the agenda's order
    meeting.handled_order = [1, 2, 3, 6, 4, 5, 7, 8]
    assert [n for n in range(1, 9) if meeting.absent_at(n)] == [5]
    meeting.handled_order = [1, 2, 3]  # not every item once: the agenda's order
    assert [n for n in range(1, 9) if meeting.absent_at(n)] == [5, 6]
