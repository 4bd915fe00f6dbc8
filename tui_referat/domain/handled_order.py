"""The order the items were handled in, described in one sentence for the minutes.

Pure: :func:`moved_runs` finds the fewest runs of consecutive item numbers that, moved, turn
the agenda's order into the handled order; :func:`problem` says why a ``handled_order`` is
not a permutation of the item numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MovedRun:
    """Items ``first``..``last`` were handled after item ``after`` (0: first of all)."""

    first: int
    last: int
    after: int


def problem(order: list[int], count: int) -> str:
    """Why ``order`` is not a permutation of 1..``count``; "" when it is (or is empty)."""
    if not order:
        return ""
    seen: set[int] = set()
    for number in order:
        if not 1 <= number <= count:
            return f"item {number} does not exist (the agenda has {count} items)"
        if number in seen:
            return f"item {number} is listed twice"
        seen.add(number)
    missing = [n for n in range(1, count + 1) if n not in seen]
    if missing:
        return "item " + ", ".join(map(str, missing)) + " is missing"
    return ""


def _blocks(order: list[int]) -> list[list[int]]:
    """``order`` cut into maximal runs of consecutive numbers: [1,2,3,6,7,4] -> [1-3][6-7][4]."""
    blocks: list[list[int]] = []
    for number in order:
        if blocks and blocks[-1][-1] + 1 == number:
            blocks[-1].append(number)
        else:
            blocks.append([number])
    return blocks


def moved_runs(order: list[int]) -> list[MovedRun]:
    """The fewest moved runs that describe ``order`` (a permutation of 1..n), in handled order.

    The runs that stay are a longest increasing sequence of blocks; of several, the one with
    the lowest numbers, so "6-9 after 3" rather than "4-5 after 9": what was taken early is
    named. Empty when ``order`` is the agenda's order.
    """
    blocks = _blocks(order)
    heads = [block[0] for block in blocks]
    # longest[i]: the longest increasing sequence of blocks that starts at block i.
    longest = [1] * len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        for j in range(i + 1, len(blocks)):
            if heads[j] > heads[i]:
                longest[i] = max(longest[i], 1 + longest[j])
    kept: set[int] = set()
    need = max(longest, default=0)
    last = 0
    start = 0
    while need:
        candidates = [
            i for i in range(start, len(blocks)) if longest[i] == need and heads[i] > last
        ]
        pick = min(candidates, key=lambda i: heads[i])
        kept.add(pick)
        last, start, need = heads[pick], pick + 1, need - 1
    runs = []
    for index, block in enumerate(blocks):
        if index not in kept:
            after = blocks[index - 1][-1] if index else 0
            runs.append(MovedRun(block[0], block[-1], after))
    return runs


def order_from_runs(count: int, runs: list[MovedRun]) -> list[int]:
    """The handled order of items 1..``count`` that ``runs`` (in handled order) describe: the
    inverse of :func:`moved_runs`. Runs that do not fit (unknown items) are left out."""
    moved = {n for run in runs for n in range(run.first, run.last + 1)}
    if any(not 1 <= n <= count for n in moved):
        return []
    order = [n for n in range(1, count + 1) if n not in moved]
    for run in runs:
        block = list(range(run.first, run.last + 1))
        at = order.index(run.after) + 1 if run.after in order else 0
        order[at:at] = block
    return order
