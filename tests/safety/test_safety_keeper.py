"""When the recovery copy is written: 1.5 s after the first change it lacks (typing or not),
item switch."""

from __future__ import annotations

from tui_referat.safety.keeper import RecoveryKeeper


def test_nothing_to_write_when_clean() -> None:
    keeper = RecoveryKeeper()
    assert not keeper.tick(100.0)
    assert not keeper.on_item_switch()


def test_written_one_and_a_half_seconds_after_the_first_change() -> None:
    keeper = RecoveryKeeper()
    keeper.mark_changed(0.0)
    keeper.mark_changed(1.0)  # typing on does not put the write off
    assert not keeper.tick(1.25)
    assert keeper.tick(1.5)
    keeper.written(1.5)
    assert not keeper.tick(10.0)
    assert keeper.has_copy


def test_written_every_one_and_a_half_seconds_while_typing() -> None:
    keeper = RecoveryKeeper()
    writes = []
    now = 0.0
    while now < 6.0:  # a keystroke every quarter second, never a pause
        keeper.mark_changed(now)
        if keeper.tick(now):
            keeper.written(now)
            writes.append(now)
        now += 0.25
    assert writes == [1.5, 3.25, 5.0]


def test_keys_that_changed_nothing_settle_without_a_copy() -> None:
    keeper = RecoveryKeeper()
    keeper.mark_changed(0.0)
    assert keeper.tick(1.5)
    keeper.settled()
    assert not keeper.pending and not keeper.has_copy and not keeper.tick(10.0)


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
