"""Keyframes kept as changes (issue 21): applying the changes gives back every bit of the state, whatever its
arrays hold or however a list grew; a minute's keyframe is whole; Level 2 with the gate's 122 men fits the budget."""
import numpy as np
from hypothesis import given, strategies as st
from hypothesis.extra import numpy as hnp

from flight.sim.replay import arrays, load_replay
from flight.sim.replay.keyframe_changes import applied, changes
from flight.sim.replay.keyframes import CHANGES, FULL
from flight.sim.replay.layout import FULL_KEYFRAME_TICKS

KINDS = st.sampled_from([np.float64, np.int64, np.int8, np.uint8, np.bool_, np.int32])


@st.composite
def before_and_after(draw):
    """Two states of the same names: each array kept, changed in place, or of another length."""
    before, after = {}, {}
    for n in range(draw(st.integers(1, 5))):
        kind = draw(KINDS)
        shape = draw(hnp.array_shapes(min_dims=0, max_dims=2, max_side=4))
        a = draw(hnp.arrays(kind, shape))
        how = draw(st.sampled_from(["same", "changed", "resized"]))
        b = a.copy() if how == "same" else draw(hnp.arrays(kind, shape if how == "changed" else (draw(st.integers(0, 5)),)))
        before[f"group/{n}"], after[f"group/{n}"] = a, b
    return before, after


@given(before_and_after())
def test_changes_applied_give_back_every_bit(states):
    before, after = states
    changed = changes(before, after)
    assert arrays.to_bytes(applied(before, changed)) == arrays.to_bytes(after)
    assert set(changed) == {n for n in after if arrays.to_bytes({n: before[n]}) != arrays.to_bytes({n: after[n]})}


def test_a_nan_keeps_its_bits_through_a_change():
    before = {"x": np.array([1.0, 2.0])}
    after = {"x": np.frombuffer(np.array([0x7FF4000000000001, 0xFFF8000000000000], np.uint64).tobytes(), np.float64)}
    assert arrays.to_bytes(applied(before, changes(before, after))) == arrays.to_bytes(after)


def test_level_2_keeps_a_whole_keyframe_a_minute_and_fits_the_budget(breakout_recording):
    path, _ = breakout_recording  # 70 s of the gate and the squadron
    replay = load_replay(path)
    kinds = {tick: replay.keyframes.stored(tick)[0] for tick in replay.keyframes}
    assert {t for t, kind in kinds.items() if kind == FULL} == {0, FULL_KEYFRAME_TICKS}
    assert all(kind == CHANGES for t, kind in kinds.items() if t % FULL_KEYFRAME_TICKS)
    assert path.stat().st_size / 1000.0 / replay.seconds * 60.0 < 100, "KB per minute"
