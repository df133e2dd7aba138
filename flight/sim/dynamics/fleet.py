"""The Fleet: N aircraft of any mix of types as one struct of arrays, advanced together by `step`.

The tick itself is one compiled kernel (flight.sim.dynamics.step); this class owns the state, places aircraft and
derives what the rest of the game reads. Imports numpy, numba (through the kernels) and the standard library only.
"""
from __future__ import annotations

import math

import numpy as np

from flight.sim.dynamics import atmosphere, quaternion, readings
from flight.sim.dynamics.gear import GroundHeight, flat_ground
from flight.sim.dynamics.heightfield import FLAT, GIVEN, GRID
from flight.sim.jit import KernelArgumentError, compile_kernels, describe_arrays
from flight.sim.dynamics.params import DAMAGE_PARTS, FleetParams
from flight.sim.dynamics.propulsion import torques
from flight.sim.dynamics.spec import CRASH_CAUSES, AircraftSpec
from flight.sim.dynamics.stablemath import atan2_1
from flight.sim.dynamics.step import contact_points, rotate_points, settled_engine_speed, step_fleet

DT = 1.0 / 120.0
CONTROL_NAMES = ("aileron", "elevator", "rudder", "throttle", "brake", "blip")
# every array the next step reads (or a snapshot shows): a copy of these is a keyframe
STATE_FIELDS = ("pos", "vel", "quat", "omega", "engine_omega", "fuel", "controls", "applied", "on_ground", "chocks",
                "crashed", "crash_cause", "damage", "damage_engine", "specific_force", "wind")


class Fleet:
    """State of N aircraft. Every array has a leading (N,) axis; the app and the world read them, only `step`
    and `reset` write them (the world may also write `damage`, `damage_engine` and `wind`).

    | field          | shape  | unit   | frame          | range / meaning                                        |
    |----------------|--------|--------|----------------|--------------------------------------------------------|
    | pos            | (N,3)  | m      | NED            | north, east, down from the map origin                  |
    | vel            | (N,3)  | m/s    | NED            | inertial velocity                                      |
    | quat           | (N,4)  | -      | body -> NED    | unit quaternion w, x, y, z                             |
    | omega          | (N,3)  | rad/s  | body           | roll, pitch, yaw rates p, q, r                         |
    | engine_omega   | (N,E)  | rad/s  | -              | engine (and propeller) speed per engine slot           |
    | fuel           | (N,)   | kg     | -              | 0 .. capacity                                          |
    | controls       | (N,6)  | -      | -              | aileron, elevator, rudder -1..1, throttle, brake 0..1, blip 0/1 |
    | applied        | (N,6)  | -      | -              | the controls the last step used (sanitised)            |
    | on_ground      | (N,)   | bool   | -              | a wheel or the skid touches the ground                 |
    | chocks         | (N,)   | bool   | -              | wheel chocks in (parked; brake held when stopped)      |
    | crashed        | (N,)   | bool   | -              | frozen; `crash_cause` says why (CRASH_CAUSES)          |
    | damage         | (N,5)  | -      | -              | 1 intact .. 0 gone, per DAMAGE_PARTS                   |
    | damage_engine  | (N,E)  | -      | -              | 1 intact .. 0 dead, per engine                         |
    | specific_force | (N,3)  | g      | body           | what an accelerometer feels, from the last step: the   |
    |                |        |        |                | slip ball reads y, the g-meter -z (1 in level flight)  |
    | wind           | (3,)   | m/s    | NED            | steady wind (air velocity over the ground)             |
    """

    def __init__(self, specs: list[AircraftSpec], ground: GroundHeight = flat_ground):
        if not specs:
            raise ValueError("a Fleet needs at least one aircraft")
        compile_kernels()  # where the game deferred them: done in the background by now, or waited for here
        self.specs = list(specs)
        self.params = p = FleetParams(self.specs)
        self.ground = ground
        self._terrain = _terrain_of(ground, p)
        n, e = p.n, p.engine_mask.shape[1]
        self.n = n
        self.pos = np.zeros((n, 3))
        self.vel = np.zeros((n, 3))
        self.quat = np.tile([1.0, 0.0, 0.0, 0.0], (n, 1))
        self.omega = np.zeros((n, 3))
        self.engine_omega = np.zeros((n, e))
        self.fuel = p.fuel_capacity.copy()
        self.controls = np.zeros((n, 6))
        self.applied = np.zeros((n, 6))
        self.on_ground = np.zeros(n, dtype=bool)
        self.chocks = np.zeros(n, dtype=bool)
        self.crashed = np.zeros(n, dtype=bool)
        self.crash_cause = np.zeros(n, dtype=np.int8)
        self.damage = np.ones((n, len(DAMAGE_PARTS)))
        self.damage_engine = p.engine_mask.copy()
        self.specific_force = np.tile([0.0, 0.0, -1.0], (n, 1))
        self.wind = np.zeros(3)

    def state(self) -> dict[str, np.ndarray]:
        """Copies of the whole state (STATE_FIELDS): hashed for replays and restored to seek in them."""
        return {name: np.array(getattr(self, name), copy=True) for name in STATE_FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        """Put back a `state()`; arrays of another shape or kind (a keyframe of another fleet) are refused."""
        for name in STATE_FIELDS:
            mine, theirs = getattr(self, name), np.asarray(state[name])
            if theirs.shape != mine.shape or theirs.dtype != mine.dtype:
                raise ValueError(f"fleet state {name}: {theirs.dtype}{theirs.shape}, expected {mine.dtype}{mine.shape}")
        for name in STATE_FIELDS:
            setattr(self, name, np.array(state[name], copy=True))

    # ---- derived quantities (always consistent with the current state) -------------------------------------
    @property
    def altitude(self) -> np.ndarray:
        """Height above sea level, m."""
        return -self.pos[:, 2]

    @property
    def load_factor(self) -> np.ndarray:
        """Normal load factor, g (1 in level flight)."""
        return -self.specific_force[:, 2]

    @property
    def mass(self) -> np.ndarray:
        return self.params.mass_dry + self.fuel

    def air_velocity_body(self) -> np.ndarray:
        """(N, 3) velocity relative to the air, body axes."""
        rot = quaternion.to_matrix(self.quat)
        return np.einsum("nji,nj->ni", rot, self.vel - self.wind)

    def readings(self) -> np.ndarray:
        """(8, N) what the instruments read, rows flight.sim.dynamics.readings.ROWS: TAS and EAS (m/s),
        alpha and beta, roll, pitch and heading (rad, heading 0..2pi, 0 = north) and the CG's height above the
        ground (m), all from one kernel call."""
        out = np.empty((len(readings.ROWS), self.n))
        readings.fleet_readings(self.pos, self.vel, self.quat, self.wind, self.terrain_now(), out)
        return out

    def height_of(self, i: int) -> float:
        """m between aircraft i's CG and the ground under it: the readings' HEIGHT without the rest."""
        return readings.height_of(self.pos, self.terrain_now(), i)

    @property
    def airspeed(self) -> np.ndarray:
        """True airspeed, m/s."""
        return self.readings()[readings.AIRSPEED]

    @property
    def eas(self) -> np.ndarray:
        """Equivalent airspeed (what an airspeed indicator shows), m/s."""
        return self.readings()[readings.EAS]

    @property
    def alpha(self) -> np.ndarray:
        return self.readings()[readings.ALPHA]

    @property
    def beta(self) -> np.ndarray:
        return self.readings()[readings.BETA]

    @property
    def euler(self) -> np.ndarray:
        """(N, 3) roll, pitch, heading in rad (heading 0..2pi, 0 = north)."""
        return np.ascontiguousarray(self.readings()[readings.ROLL:readings.HEADING + 1].T)

    @property
    def engine_rpm(self) -> np.ndarray:
        """(N, E) rpm per engine slot (0 in empty slots)."""
        return self.engine_omega * (30.0 / math.pi)

    @property
    def rpm(self) -> np.ndarray:
        """Rpm of the first engine, (N,)."""
        return self.engine_rpm[:, 0]

    def crash_cause_name(self, i: int) -> str:
        return CRASH_CAUSES[self.crash_cause[i]]

    def crash_cause_names(self) -> tuple[str, ...]:
        """Every aircraft's crash cause by name (the snapshot's, once a frame)."""
        return tuple(CRASH_CAUSES[cause] for cause in self.crash_cause.tolist())

    # ---- writers ------------------------------------------------------------------------------------------
    def reset(self, i: int, pos=(0.0, 0.0, 0.0), speed: float = 0.0, heading: float = 0.0, pitch: float = 0.0,
              roll: float = 0.0, throttle: float = 0.0, on_ground: bool = False) -> None:
        """Place aircraft i. Angles in degrees. On the ground it sits on its wheels and skid at the terrain height
        under pos (pos[2] ignored), engine idling, wheels chocked until the throttle opens; in the air it flies at
        `speed` along its nose, the engine turning at the speed it would settle at. A throttle that is not a
        finite number reads as closed, as a control does in the step."""
        p = self.params
        north, east, down = (float(v) for v in pos)
        throttle = float(throttle) if math.isfinite(throttle) else 0.0
        if on_ground:
            pitch, roll, speed, throttle = self._three_point_pitch(i), 0.0, 0.0, 0.0
        q = quaternion.from_euler(*(np.radians([[roll], [pitch], [heading]])))
        self.quat[i] = q[0]
        if on_ground:
            lowest = _rotated(self.quat[i], p.gear.position[i][p.gear.is_gear[i]])[:, 2].max()
            sag = self.mass[i] * atmosphere.GRAVITY / p.gear.stiffness[i].sum()  # about the static compression
            down = -float(self.ground(np.array([north]), np.array([east]))[0]) - lowest + sag
        self.pos[i] = (north, east, down)
        self.vel[i] = _rotated(self.quat[i], np.array([[speed, 0.0, 0.0]]))[0]
        self.omega[i] = 0.0
        self.fuel[i] = p.fuel_capacity[i]
        self.controls[i] = self.applied[i] = (0.0, 0.0, 0.0, throttle, 0.0, 0.0)
        self.on_ground[i] = self.chocks[i] = on_ground
        self.crashed[i] = False
        self.crash_cause[i] = 0
        self.damage[i] = 1.0
        self.damage_engine[i] = p.engine_mask[i]
        self.specific_force[i] = (0.0, 0.0, -1.0)
        self.engine_omega[i] = self._settled_engine_speed(i, speed, throttle)

    def _three_point_pitch(self, i: int) -> float:
        """Pitch (deg) at which the wheels and the tail skid touch level ground together."""
        p = self.params
        g = p.gear
        gear = g.position[i][g.is_gear[i]]
        main, tail = gear[g.is_wheel[i][g.is_gear[i]]].mean(0), gear[gear[:, 0].argmin()]
        return math.degrees(atan2_1(main[2] - tail[2], main[0] - tail[0]))

    def _settled_engine_speed(self, i: int, speed: float, throttle: float) -> np.ndarray:
        """Engine speeds where engine and propeller torque balance (bisection; at reset only)."""
        p = self.params
        rho = atmosphere.density1(-self.pos[i, 2])
        return np.array([settled_engine_speed(p.aircraft, p.engines, p.power_curve.flat, p.propeller_tables.flat,
                                              i, k, float(speed), float(throttle), rho, self.damage_engine[i, k])
                         for k in range(self.engine_omega.shape[1])])

    def engine_output(self, ignition: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(N, E) thrust (N) and shaft power (W) of every engine as it runs now, at the applied throttle; with
        `ignition` (N,) 0/1 given, as if switched so (default: on unless blipped or out of fuel, as in the step)."""
        p = self.params
        if ignition is None:
            ignition = ((self.applied[:, 5] < 0.5) & (self.fuel > 0.0)).astype(float)
        axial = self.air_velocity_body()[:, 0]
        thrust, power = np.zeros(self.engine_omega.shape), np.zeros(self.engine_omega.shape)
        for i in range(self.n):
            rho = atmosphere.density1(-self.pos[i, 2])
            for k in range(self.engine_omega.shape[1]):
                _, _, thrust[i, k], power[i, k] = torques(
                    p.aircraft, p.engines, p.power_curve.flat, p.propeller_tables.flat, i, k,
                    float(self.engine_omega[i, k]), float(axial[i]), rho, float(self.applied[i, 3]),
                    float(ignition[i]), float(self.damage_engine[i, k]))
        return thrust, power

    def step(self, controls: np.ndarray | None = None, dt: float = DT) -> None:
        """Advance every aircraft by dt (the game always uses DT)."""
        p = self.params
        u = self.controls if controls is None else controls
        if not (isinstance(u, np.ndarray) and u.dtype == np.float64 and u.shape == (self.n, 6)
                and u.flags.c_contiguous):
            u = np.ascontiguousarray(np.asarray(u, dtype=np.float64).reshape(self.n, 6))
        terrain = self.terrain_now()
        state = (self.pos, self.vel, self.quat, self.omega, self.engine_omega, self.fuel, u, self.applied,
                 self.on_ground, self.chocks, self.crashed, self.crash_cause, self.damage, self.damage_engine,
                 self.specific_force, self.wind)
        try:
            step_fleet(p.aircraft, p.engines, p.contacts, p.aero_tables.flat, p.power_curve.flat,
                       p.propeller_tables.flat, terrain, *state, float(dt))
        except TypeError:
            raise KernelArgumentError("Fleet.step: " + describe_arrays(dict(zip(STATE_FIELDS, state)))) from None

    def terrain_now(self) -> tuple:
        """The kernels' view of the ground under the fleet now (heightfield.surface's `terrain` tuple)."""
        return self._terrain if self._terrain[0] != GIVEN else self._given_terrain()

    def _given_terrain(self):
        """For a ground function that is not a kernel: its heights under every point the step will ask about."""
        north = np.empty((self.n, 1 + self.params.contacts.shape[1]))
        east = np.empty_like(north)
        contact_points(self.params.contacts, self.pos, self.quat, north, east)
        heights = np.ascontiguousarray(self.ground(north.ravel(), east.ravel()), dtype=np.float64)
        return GIVEN, self._terrain[1], 0.0, 0.0, 1.0, heights.reshape(north.shape)


def _rotated(q: np.ndarray, points: np.ndarray) -> np.ndarray:
    out = np.empty((len(points), 3))
    rotate_points(np.ascontiguousarray(q, dtype=np.float64), np.ascontiguousarray(points, dtype=np.float64), out)
    return out


def _terrain_of(ground: GroundHeight, p: FleetParams) -> tuple:
    """The step kernel's view of the ground (heightfield.surface): flat, a Terrain's grid (ground is the bound
    `height_at` of an object with a `heightfield`), or any other function, asked before each step."""
    none = np.zeros((2, 2))
    if ground is flat_ground:
        return FLAT, none, 0.0, 0.0, 1.0, none
    grid = getattr(getattr(ground, "__self__", None), "heightfield", None)
    if grid is not None:
        heights, north0, east0, spacing = grid
        return GRID, np.ascontiguousarray(heights, dtype=np.float64), float(north0), float(east0), float(spacing), none
    return GIVEN, none, 0.0, 0.0, 1.0, none
