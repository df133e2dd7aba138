"""The AI pilot's inner loops: bank, flight path and pitch attitude, rudder and throttle for K aircraft at once,
turning commands (what the behaviour wants) into the Fleet's control columns. Gains are the flight-test pilot's
(flight/tools/flight_test/pilots.py, after JSBSim's generic autopilot), with the aileron scaled by each type's roll authority.
One kernel, `fly`, runs them every tick over the K aircraft, from the table `sensing.sense` fills; only CPU-stable
arithmetic (stablemath's sin and cos, no libm): replays must be exact. Imports numpy, numba and flight only.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.jit import KernelArgumentError, describe_arrays, kernel
from flight.sim.dynamics.stablemath import cos1, maximum, minimum, sin1
from flight.sim.world.ai.orders import table_row
from flight.sim.world.ai.tuning import Tuning


@dataclass
class Commands:
    """What the behaviours ask of the loops, (K,) arrays. NaN switches an optional command off."""
    bank: np.ndarray  # rad, + right wing down
    climb_rate: np.ndarray  # m/s: the flight path, unless `pitch` is given
    min_speed: np.ndarray  # m/s EAS: the elevator gives up climb rather than fly slower (0: no floor)
    pitch: np.ndarray  # rad: hold this attitude with the elevator instead (on the ground); NaN: flight path
    pitch_max: np.ndarray  # rad: a ceiling on the attitude in the air (the flare: tail skid first, not the fin)
    speed: np.ndarray  # m/s EAS held by the throttle; NaN: `throttle` as given
    throttle: np.ndarray  # 0..1
    heading: np.ndarray  # rad: the rudder steers this heading (ground, flare); NaN: it keeps the slip ball centred
    blip: np.ndarray  # bool: ignition cut regardless of the throttle loop
    brake: np.ndarray  # 0..1
    load_max: np.ndarray | float = 4.0  # g: the most the elevator pulls (a pilot's tolerance in a fight)


COMMAND_ROWS = ("bank", "climb_rate", "min_speed", "pitch", "pitch_max", "speed", "throttle", "heading", "blip",
                "brake", "load_max")  # Commands as the rows of the loops' table (blip as 0 or 1)
# the sensing table's rows (sensing.INSTRUMENT_ROWS)
_ROLL, _PITCH, _HEADING, _P, _Q, _R, _EAS, _TAS, _ALPHA, _BETA, _CLIMB_RATE, _LOAD_FACTOR = range(12)
_BANK, _CLIMB, _MIN_SPEED, _PITCH_CMD, _PITCH_MAX, _SPEED, _THROTTLE, _HEADING_CMD, _BLIP, _BRAKE, _LOAD_MAX = range(11)
_NZ, _SPEED_I, _BANK_I, _YAW_I, _THROTTLE_I = range(5)  # the integrators' rows (InnerLoops.STATE)

# elevator: PI on load factor, n_cmd = (1 + CLIMB (hdot_cmd - hdot) / g) / cos(bank), pitch-rate damping
CLIMB, NZ, NZ_INTEGRAL, PITCH_DAMPING = 0.8, 0.3, 1.5, 0.3
ALPHA_LIMIT = 10.0  # g given up per rad beyond the alpha limit
PITCH_LIMIT = 5.0  # g given up per rad above the pitch ceiling
SPEED, SPEED_INTEGRAL = 1.0, 0.3  # climb rate per m/s below the minimum speed, and per m
ATTITUDE, ATTITUDE_DAMPING = 4.0, 1.0  # elevator per rad of pitch error and per rad/s, on the ground
BANK, ROLL_RATE, BANK_INTEGRAL = 1.5, 1.0, 1.0  # roll-rate cmd per rad; extra rate per rate error; per rad.s
ROLL_RATE_SHARE = 0.6  # commanded roll rate at most this share of what full aileron gives
BETA, BETA_INTEGRAL, YAW_DAMPING = 2.0, 2.0, 0.5
HEADING, HEADING_INTEGRAL, HEADING_DAMPING = 4.6, 0.5, 1.0
THROTTLE, THROTTLE_INTEGRAL = 0.15, 0.04
BLIP_ON, BLIP_OFF = -0.1, 0.0  # throttle-loop demand below idle that cuts the ignition, and that restores it


@kernel
def _clip(x, low, high):
    return minimum(maximum(x, low), high)


@kernel
def wrap1(angle):
    """Angle to -pi..pi with floor only (CPU-stable)."""
    turns = np.floor((angle + np.pi) * (0.5 / np.pi))
    return angle - (2.0 * np.pi) * turns


@kernel(types.void(types.float64[::1], types.float64[::1]))
def _wrap_all(angle, out):
    for k in range(angle.size):
        out[k] = wrap1(angle[k])


def wrap(angle: np.ndarray) -> np.ndarray:
    """wrap1 over an array (the guidance's numpy code)."""
    angle = np.asarray(angle, dtype=np.float64)
    out = np.empty(angle.shape)
    _wrap_all(np.ascontiguousarray(angle).ravel(), out.reshape(-1))
    return out


@kernel
def _elevator(s, c, loops, k, stall_alpha):
    # the commanded climb rate, less whatever would take the speed below the minimum (speed by pitch)
    error = s[_EAS, k] - c[_MIN_SPEED, k]
    by_speed = SPEED * error + loops[_SPEED_I, k]
    if by_speed < c[_CLIMB, k]:
        loops[_SPEED_I, k] = _clip(loops[_SPEED_I, k] + SPEED_INTEGRAL * error * DT, -5.0, 10.0)
    else:
        loops[_SPEED_I, k] = _clip(c[_CLIMB, k] - SPEED * error, -5.0, 10.0)
    climb_rate = minimum(c[_CLIMB, k], by_speed)
    nz_cmd = (1.0 + (CLIMB / GRAVITY) * (climb_rate - s[_CLIMB_RATE, k])) / maximum(cos1(s[_ROLL, k]), 0.25)
    nz_cmd = minimum(nz_cmd, s[_LOAD_FACTOR, k] + ALPHA_LIMIT * (stall_alpha - 0.05 - s[_ALPHA, k]))
    nz_cmd = minimum(nz_cmd, 1.0 + PITCH_LIMIT * (c[_PITCH_MAX, k] - s[_PITCH, k]))
    nz_error = _clip(nz_cmd, -1.0, c[_LOAD_MAX, k]) - s[_LOAD_FACTOR, k]
    integral = _clip(loops[_NZ, k] + NZ_INTEGRAL * DT * nz_error, -1.0, 1.0)
    if c[_PITCH_CMD, k] != c[_PITCH_CMD, k]:  # no attitude given: fly the flight path
        loops[_NZ, k] = integral
        return _clip(NZ * nz_error + integral - PITCH_DAMPING * s[_Q, k], -1.0, 1.0)
    elevator = _clip(ATTITUDE * (c[_PITCH_CMD, k] - s[_PITCH, k]) - ATTITUDE_DAMPING * s[_Q, k], -1.0, 1.0)
    loops[_NZ, k] = elevator
    return elevator


@kernel
def _aileron(s, c, loops, k, roll_authority, on_ground):
    full_rate = roll_authority * maximum(s[_TAS, k], 10.0)  # steady roll rate at full aileron
    limit = ROLL_RATE_SHARE * full_rate
    error = wrap1(c[_BANK, k] - s[_ROLL, k])
    rate_cmd = _clip(BANK * error, -limit, limit)
    if abs(s[_P, k]) < 0.1 and not on_ground:
        loops[_BANK_I, k] = _clip(loops[_BANK_I, k] + BANK_INTEGRAL * DT * error, -0.4, 0.4)
    return _clip((rate_cmd + ROLL_RATE * (rate_cmd - s[_P, k])) / full_rate + loops[_BANK_I, k], -1.0, 1.0)


@kernel
def _rudder(s, c, loops, k):
    heading = c[_HEADING_CMD, k]
    steering = heading == heading
    heading_error = wrap1((heading if steering else s[_HEADING, k]) - s[_HEADING, k])
    coordinated_r = GRAVITY * sin1(s[_ROLL, k]) / maximum(s[_TAS, k], 10.0)
    integrand = HEADING_INTEGRAL * heading_error if steering else BETA_INTEGRAL * s[_BETA, k]
    loops[_YAW_I, k] = _clip(loops[_YAW_I, k] + integrand * DT, -1.0, 1.0)
    if steering:
        rudder = HEADING * heading_error - HEADING_DAMPING * s[_R, k]
    else:
        rudder = BETA * s[_BETA, k] - YAW_DAMPING * (s[_R, k] - coordinated_r)
    return _clip(rudder + loops[_YAW_I, k], -1.0, 1.0)


@kernel
def _throttle(s, c, loops, k, rotary, blipping):
    """Throttle, and the rotary's blip switch (1.0) where the loop wants less than idle."""
    speed = c[_SPEED, k]
    holding = speed == speed
    error = speed - s[_EAS, k] if holding else 0.0
    demand = loops[_THROTTLE_I, k] + THROTTLE * error
    if holding:
        loops[_THROTTLE_I, k] = _clip(loops[_THROTTLE_I, k] + THROTTLE_INTEGRAL * DT * error, -0.3, 1.0)
        throttle = _clip(demand, 0.0, 1.0)
    else:
        loops[_THROTTLE_I, k] = c[_THROTTLE, k]
        throttle = c[_THROTTLE, k]
    blipping[k] = rotary and holding and (demand < BLIP_OFF if blipping[k] else demand < BLIP_ON)
    return throttle, 1.0 if blipping[k] or c[_BLIP, k] != 0.0 else 0.0


_F2, _B1 = types.float64[:, ::1], types.boolean[::1]


@kernel(types.void(types.intp[::1], _F2, _F2, _F2, _F2, _B1, _B1, _B1, _B1, _F2))
def fly(index, instruments, commands, tuning, loops, blipping, on_ground, crashed, rotary, controls):
    """The control rows of the aircraft `index` (K,) into the fleet's `controls` (N, 6): from the readings
    (sensing.INSTRUMENT_ROWS, K columns) and the commands (COMMAND_ROWS); `tuning` rows stall alpha and roll
    authority; the integrators (`loops`, InnerLoops.STATE's rows) and `blipping` updated in place. A crashed
    aircraft's controls are all 0."""
    for k in range(index.size):
        n = index[k]
        u = controls[n]
        u[0] = _aileron(instruments, commands, loops, k, tuning[1, k], on_ground[n])
        u[1] = _elevator(instruments, commands, loops, k, tuning[0, k])
        u[2] = _rudder(instruments, commands, loops, k)
        u[3], u[5] = _throttle(instruments, commands, loops, k, rotary[k], blipping)
        u[4] = commands[_BRAKE, k]
        if crashed[n]:
            u[:] = 0.0


class InnerLoops:
    """Integrator state for K aircraft (`integrals`, (5, K), rows by STATE; each also by its name); `run` writes
    the fleet's control rows. An integrator whose loop is not in charge tracks the control so the loop takes over
    without a jump (bumpless transfer)."""

    STATE = ("nz_integral", "speed_integral", "bank_integral", "yaw_integral", "throttle_integral", "blipping")

    def __init__(self, tuning: Tuning):
        k = len(tuning.stall_speed)
        self.tuning = tuning
        self.integrals = np.zeros((5, k))
        self.blipping = np.zeros(k, dtype=bool)
        self._tuning = np.stack([tuning.stall_alpha, tuning.roll_authority]).astype(np.float64)
        self._rotary = np.ascontiguousarray(tuning.rotary, dtype=bool)

    def take_over(self, rows: np.ndarray, applied: np.ndarray) -> None:
        """Start the loops of `rows` from the controls `applied` (their (R, 6) rows) as a pilot leaves them: the
        elevator and throttle integrators hold what he held, so nothing jumps."""
        self.nz_integral[rows], self.throttle_integral[rows] = applied[:, 1], applied[:, 3]
        self.speed_integral[rows] = self.bank_integral[rows] = self.yaw_integral[rows] = 0.0

    def run(self, index: np.ndarray, instruments: np.ndarray, commands: np.ndarray, fleet,
            controls: np.ndarray | None = None) -> None:
        """One tick of the loops of the fleet's aircraft `index`: writes their rows of `fleet.controls` (or of
        `controls`, as the player's assists read them: flight.sim.run.assists)."""
        controls = fleet.controls if controls is None else controls
        try:
            fly(index, instruments, commands, self._tuning, self.integrals, self.blipping, fleet.on_ground,
                fleet.crashed, self._rotary, controls)
        except TypeError:
            raise KernelArgumentError("InnerLoops.run: " + describe_arrays(dict(
                instruments=instruments, commands=commands, integrals=self.integrals, blipping=self.blipping,
                controls=controls))) from None


for _row, _name in enumerate(InnerLoops.STATE[:5]):
    setattr(InnerLoops, _name, table_row("integrals", _row))


def command_table(c: Commands) -> np.ndarray:
    """The commands as the loops' (11, K) table, rows by COMMAND_ROWS."""
    k = len(c.bank)
    table = np.empty((len(COMMAND_ROWS), k))
    for row, f in enumerate(fields(Commands)):
        table[row] = getattr(c, f.name)
    return table
