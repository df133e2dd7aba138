"""The slip ball shows -y of the body specific force: pushed to the left (f_y < 0, a skid to the left), the
ball rolls right; it moves only by a visible amount and stops at the tube's ends."""
import dataclasses

import numpy as np
import pytest

from flight.hud.slip_ball import BALL_STOP, VISIBLE_MOVE, SlipBall, ball_angle, ball_position
from tests.hud.helpers import frames


def side_force(provider, g):
    provider.set(specific_force=np.array([[0.0, g, -1.0]]))


def test_a_push_to_the_left_rolls_the_ball_right(base, provider):
    ball = SlipBall(base.a2dBottomCenter, (0.0, 0.06), provider, base.task_mgr)
    frames(base)
    assert ball.ball.get_x() == 0.0, "centred in balanced flight and parked"
    side_force(provider, -0.1)
    frames(base)
    right = ball.ball.get_pos()
    assert right.x > 0.02 and right.z > 0.0, "right, and up the curve of the tube"
    side_force(provider, 0.1)
    frames(base)
    assert ball.ball.get_x() == pytest.approx(-right.x)
    ball.destroy()


def test_the_ball_stays_put_for_an_invisible_change_and_stops_at_the_end(base, provider):
    ball = SlipBall(base.a2dBottomCenter, (0.0, 0.06), provider, base.task_mgr)
    side_force(provider, -0.1)
    frames(base)
    x = ball.ball.get_x()
    side_force(provider, -0.1 - 0.5 * VISIBLE_MOVE / 0.6)
    frames(base)
    assert ball.ball.get_x() == x
    side_force(provider, -3.0)
    frames(base)
    assert ball.ball.get_x() == pytest.approx(ball_position(BALL_STOP)[0])
    ball.destroy()


def test_the_ball_angle_is_clipped(parked):
    assert ball_angle(dataclasses.replace(parked, specific_force=np.array([[0.0, 5.0, -1.0]]))) == -BALL_STOP
