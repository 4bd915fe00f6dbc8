"""When the recovery copy is written: debounce after typing, at most every 10 s, item switch."""

from __future__ import annotations

from tui_referat.safety.keeper import RecoveryKeeper


def test_nothing_to_write_when_clean() -> None:
    keeper = RecoveryKeeper()
    assert not keeper.tick(100.0)
    assert not keeper.on_item_switch()


def test_written_two_seconds_after_typing_stops() -> None:
    keeper = RecoveryKeeper()
    keeper.mark_changed(0.0)
    keeper.mark_changed(1.5)
    assert not keeper.tick(3.0)
    assert keeper.tick(3.5)
    keeper.written(3.5)
    assert not keeper.tick(10.0)
    assert keeper.has_copy


def test_written_at_least_every_ten_seconds_while_typing() -> None:
    keeper = RecoveryKeeper()
    writes = []
    now = 0.0
    while now < 30.0:  # a keystroke every half second, never a pause
        keeper.mark_changed(now)
        if keeper.tick(now):
            keeper.written(now)
            writes.append(now)
        now += 0.5
    assert writes == [10.0, 20.5]


def test_item_switch_forces_a_write_only_when_pending() -> None:
    keeper = RecoveryKeeper()
    keeper.mark_changed(0.0)
    assert keeper.on_item_switch()
    keeper.written(0.1)
    assert not keeper.on_item_switch()


def test_failed_write_is_retried_later_and_save_clears() -> None:
    keeper = RecoveryKeeper()
    keeper.mark_changed(0.0)
    assert keeper.tick(2.0)
    keeper.write_failed(2.0)
    assert not keeper.tick(3.0)
    assert keeper.tick(7.0)
    assert keeper.failures == 1
    keeper.clear()
    assert not keeper.pending and not keeper.has_copy and not keeper.tick(100.0)
