"""Sim <-> Panda3D frame conversion: attitudes checked with Panda3D's own quaternion maths, not a re-derivation."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from panda3d.core import LQuaternion, LVector3, NodePath

from flight.app import frames
from flight.sim.dynamics.quaternion import from_euler, to_matrix


def node_for(heading_deg: float = 0.0, pitch_deg: float = 0.0, roll_deg: float = 0.0) -> NodePath:
    q = from_euler(*np.radians([[roll_deg], [pitch_deg], [heading_deg]]))
    node = NodePath("aircraft")
    frames.set_node_transform(node, np.array([100.0, 200.0, -300.0]), q[0])
    return node


def axes(node: NodePath) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The node's forward, right and up vectors in Panda3D world coordinates."""
    quat = node.get_quat()
    return tuple(np.array(v) for v in (quat.get_forward(), quat.get_right(), quat.get_up()))


def test_position_north_east_down_becomes_east_north_up() -> None:
    assert frames.position_to_panda(np.array([[1.0, 2.0, 3.0]])).tolist() == [[2.0, 1.0, -3.0]]
    assert tuple(node_for().get_pos()) == (200.0, 100.0, 300.0)


def test_heading_east_points_forward_to_plus_x() -> None:
    forward, _, up = axes(node_for(heading_deg=90.0))
    np.testing.assert_allclose(forward, [1.0, 0.0, 0.0], atol=1e-6)
    np.testing.assert_allclose(up, [0.0, 0.0, 1.0], atol=1e-6)


def test_pitch_up_points_forward_up() -> None:
    forward, _, _ = axes(node_for(pitch_deg=30.0))
    np.testing.assert_allclose(forward, [0.0, np.cos(np.radians(30)), 0.5], atol=1e-6)


def test_roll_right_lowers_the_right_wing() -> None:
    _, right, up = axes(node_for(roll_deg=45.0))
    assert right[2] == pytest.approx(-np.sqrt(0.5), abs=1e-6)
    assert up[0] == pytest.approx(np.sqrt(0.5), abs=1e-6)  # the lift vector tilts into the turn (east)


def test_relative_vector_agrees_with_quat_axes() -> None:
    render = NodePath("render")
    node = node_for(heading_deg=90.0)
    node.reparent_to(render)
    np.testing.assert_allclose(np.array(render.get_relative_vector(node, LVector3(0, 1, 0))), [1, 0, 0], atol=1e-6)


unit = st.floats(-1.0, 1.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.tuples(unit, unit, unit, unit).filter(lambda q: np.linalg.norm(q) > 0.1))
def test_random_attitudes_match_body_axes(q: tuple[float, float, float, float]) -> None:
    q_ned_from_body = np.array([q]) / np.linalg.norm(q)
    R = to_matrix(q_ned_from_body)[0]  # columns: body forward, right, down in NED
    forward_ned, right_ned, down_ned = R.T
    panda = LQuaternion(*frames.quat_to_panda(q_ned_from_body)[0])
    for body_ned, panda_axis in ((forward_ned, LVector3(0, 1, 0)), (right_ned, LVector3(1, 0, 0)),
                                 (-down_ned, LVector3(0, 0, 1))):
        expected = frames.position_to_panda(body_ned[None])[0]
        np.testing.assert_allclose(np.array(panda.xform(panda_axis)), expected, atol=1e-5)


@settings(max_examples=100, deadline=None)
@given(unit, st.floats(-89.0, 89.0), unit)
def test_hpr_gives_the_same_orientation_as_the_quaternion(heading: float, pitch_deg: float, roll: float) -> None:
    q = from_euler(np.array([roll * 180.0]), np.radians([pitch_deg]), np.array([heading * 180.0]))
    h, p, r = frames.hpr_from_quat(q)[0]
    from_hpr = LQuaternion()
    from_hpr.set_hpr((h, p, r))
    assert from_hpr.almost_same_direction(LQuaternion(*frames.quat_to_panda(q)[0]), 1e-4)


def test_nlerp_endpoints_and_midpoint() -> None:
    q0 = from_euler(np.zeros(2), np.zeros(2), np.radians([0.0, 10.0]))
    q1 = from_euler(np.zeros(2), np.zeros(2), np.radians([40.0, 50.0]))
    np.testing.assert_allclose(frames.nlerp(q0, q1, 0.0), q0, atol=1e-12)
    np.testing.assert_allclose(frames.nlerp(q0, q1, 1.0), q1, atol=1e-12)
    mid = from_euler(np.zeros(2), np.zeros(2), np.radians([20.0, 30.0]))
    np.testing.assert_allclose(frames.nlerp(q0, q1, 0.5), mid, atol=1e-12)


def test_nlerp_takes_the_shorter_arc() -> None:
    q0 = from_euler(np.zeros(1), np.zeros(1), np.radians([170.0]))
    q1 = from_euler(np.zeros(1), np.zeros(1), np.radians([-170.0]))
    assert np.dot(q0[0], q1[0]) < 0.0  # 20 degrees apart, but the quaternions sit on opposite hemispheres
    mid = frames.nlerp(q0, q1, 0.5)
    assert np.linalg.norm(mid) == pytest.approx(1.0)
    assert abs(frames.hpr_from_quat(mid)[0, 0]) == pytest.approx(180.0)  # through south, not round by north


def test_lerp_blends_positions() -> None:
    np.testing.assert_allclose(frames.lerp(np.zeros((1, 3)), np.array([[2.0, 4.0, -6.0]]), 0.25), [[0.5, 1.0, -1.5]])
