"""The Fleet: N aircraft of any mix of types as one struct of arrays, advanced together by `step`.

Order within a tick: sanitise controls -> air data -> propulsion, aerodynamics, ground contact -> semi-implicit
Euler (velocities first, then positions with the new velocities; attitude by the exact rotation over the tick)
-> crash checks. Crashed aircraft are frozen where they lie. Imports numpy and the standard library only.
"""
from __future__ import annotations

import math

import numpy as np

from flight.sim.dynamics import atmosphere, quaternion
from flight.sim.dynamics.aero import aerodynamics
from flight.sim.dynamics.gear import GroundHeight, cross, flat_ground, ground_contact
from flight.sim.dynamics.params import DAMAGE_PARTS, FleetParams
from flight.sim.dynamics.propulsion import propulsion, torques
from flight.sim.dynamics.spec import CRASH_CAUSES, AircraftSpec
from flight.sim.dynamics.stablemath import atan2

DT = 1.0 / 120.0
CONTROL_NAMES = ("aileron", "elevator", "rudder", "throttle", "brake", "blip")
_CONTROL_LOW = np.array([-1.0, -1.0, -1.0, 0.0, 0.0, 0.0])
_CONTROL_HIGH = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
_NUMERICAL = CRASH_CAUSES.index("numerical")
_CHOCKS_AWAY_THROTTLE = 0.5  # opening up past this is the pilot's signal to pull the chocks away
_CHOCK_SPEED = 0.5  # m/s: chocks go back in (brake held, on a type without brakes) only once stopped
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
        self.specs = list(specs)
        self.params = p = FleetParams(self.specs)
        self.ground = ground
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

    @property
    def airspeed(self) -> np.ndarray:
        """True airspeed, m/s."""
        v = self.vel - self.wind
        return np.sqrt(np.einsum("ij,ij->i", v, v))

    @property
    def eas(self) -> np.ndarray:
        """Equivalent airspeed (what an airspeed indicator shows), m/s."""
        return self.airspeed * np.sqrt(atmosphere.density(self.altitude) / atmosphere.SEA_LEVEL_DENSITY)

    @property
    def alpha(self) -> np.ndarray:
        v = self.air_velocity_body()
        return atan2(v[:, 2], v[:, 0])

    @property
    def beta(self) -> np.ndarray:
        v = self.air_velocity_body()
        return atan2(v[:, 1], np.sqrt(v[:, 0] ** 2 + v[:, 2] ** 2))

    @property
    def euler(self) -> np.ndarray:
        """(N, 3) roll, pitch, heading in rad (heading 0..2pi, 0 = north)."""
        return quaternion.to_euler(self.quat)

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

    # ---- writers ------------------------------------------------------------------------------------------
    def reset(self, i: int, pos=(0.0, 0.0, 0.0), speed: float = 0.0, heading: float = 0.0, pitch: float = 0.0,
              roll: float = 0.0, throttle: float = 0.0, on_ground: bool = False) -> None:
        """Place aircraft i. Angles in degrees. On the ground it sits on its wheels and skid at the terrain height
        under pos (pos[2] ignored), engine idling, wheels chocked until the throttle opens; in the air it flies at
        `speed` along its nose, the engine turning at the speed it would settle at."""
        p = self.params
        north, east, down = (float(v) for v in pos)
        if on_ground:
            pitch, roll, speed, throttle = self._three_point_pitch(i), 0.0, 0.0, 0.0
        q = quaternion.from_euler(*(np.radians([[roll], [pitch], [heading]])))
        self.quat[i] = q[0]
        if on_ground:
            rot = quaternion.to_matrix(self.quat[i:i + 1])[0]
            lowest = (rot @ p.gear.position[i][p.gear.is_gear[i]].T)[2].max()
            sag = self.mass[i] * atmosphere.GRAVITY / p.gear.stiffness[i].sum()  # about the static compression
            down = -float(self.ground(np.array([north]), np.array([east]))[0]) - lowest + sag
        self.pos[i] = (north, east, down)
        self.vel[i] = quaternion.to_matrix(self.quat[i:i + 1])[0] @ np.array([speed, 0.0, 0.0])
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
        return math.degrees(math.atan2(main[2] - tail[2], main[0] - tail[0]))

    def _settled_engine_speed(self, i: int, speed: float, throttle: float) -> np.ndarray:
        """Engine speeds where engine and propeller torque balance (bisection; at reset only)."""
        p = self.params
        rho = atmosphere.density(self.altitude)
        lo, hi = np.zeros_like(self.engine_omega), 3.0 * np.broadcast_to(p.rated_omega, self.engine_omega.shape)
        axial = np.full(self.n, speed)
        setting = np.full(self.n, throttle)
        for _ in range(50):
            mid = 0.5 * (lo + hi)
            engine, prop, _, _ = torques(p, mid, axial, rho, setting, np.ones(self.n), self.damage_engine)
            faster = engine > prop
            lo, hi = np.where(faster, mid, lo), np.where(faster, hi, mid)
        return (0.5 * (lo + hi))[i] * p.engine_mask[i]

    def step(self, controls: np.ndarray | None = None, dt: float = DT) -> None:
        """Advance every aircraft by dt (the game always uses DT)."""
        p = self.params
        u = self._sanitise(self.controls if controls is None else controls)
        self.applied = u
        rot = quaternion.to_matrix(self.quat)
        altitude = -self.pos[:, 2]
        rho = atmosphere.density(altitude)
        v_body = np.einsum("nji,nj->ni", rot, self.vel - self.wind)
        height = altitude - self.ground(self.pos[:, 0], self.pos[:, 1])
        ignition = (u[:, 5] < 0.5) & (self.fuel > 0.0)
        prop = propulsion(p, self.engine_omega, v_body[:, 0], rho, u[:, 3], ignition.astype(float),
                          self.damage_engine)
        aero_force, aero_moment = aerodynamics(p, v_body, self.omega, rho, height, prop.tail_dynamic_pressure, u,
                                               self.damage)
        mass = p.mass_dry + self.fuel
        air_force = aero_force + prop.force
        other_ned = np.einsum("nij,nj->ni", rot, air_force)
        other_ned[:, 2] += mass * atmosphere.GRAVITY
        air_moment = aero_moment + prop.moment
        self._update_chocks(u)
        ground_force, ground_moment, cause = self._ground(rot, mass, other_ned, air_moment, height, u, dt)

        force = air_force + ground_force
        moment = air_moment + ground_moment
        self.specific_force = force / (mass * atmosphere.GRAVITY)[:, None]
        self._integrate(rot, force, moment, prop, mass, dt)
        self._check_crashes(cause)

    def _ground(self, rot, mass, other_ned, air_moment, height, u, dt):
        """Ground contact for the aircraft low enough to touch (the rest, and the wrecks, skip the solver)."""
        p = self.params
        near = np.flatnonzero((height < 2.0 * p.contact_reach) & ~self.crashed)
        force, moment = np.zeros((self.n, 3)), np.zeros((self.n, 3))
        cause = np.zeros(self.n, dtype=np.int8)
        self.on_ground = np.zeros(self.n, dtype=bool)
        if near.size:
            yaw = np.einsum("nj,nj->n", rot[near, 2, :], air_moment[near])
            force[near], moment[near], self.on_ground[near], cause[near] = ground_contact(
                p.gear.take(near), self.ground, self.pos[near], self.vel[near], rot[near], self.omega[near],
                mass[near], other_ned[near], yaw, u[near, 2], u[near, 4], self.chocks[near], dt)
        return force, moment, cause

    def _update_chocks(self, u: np.ndarray) -> None:
        """Chocks come away when the throttle opens; on a type without brakes, holding the brake while stopped on
        the ground puts them back."""
        stopped = self.on_ground & (np.sqrt(self.vel[:, 0] ** 2 + self.vel[:, 1] ** 2) < _CHOCK_SPEED)
        wanted = stopped & ~self.params.gear.has_brakes & (u[:, 4] > 0.5)
        self.chocks = (self.chocks & (u[:, 3] < _CHOCKS_AWAY_THROTTLE)) | wanted

    def _sanitise(self, u: np.ndarray) -> np.ndarray:
        """Clip controls to range; non-finite values read as centred (throttle: the last applied setting)."""
        u = np.asarray(u, dtype=float).reshape(self.n, 6)
        finite = np.isfinite(u)
        if not finite.all():
            neutral = np.zeros_like(u)
            neutral[:, 3] = self.applied[:, 3]
            u = np.where(finite, u, neutral)
        u = np.minimum(np.maximum(u, _CONTROL_LOW), _CONTROL_HIGH)
        u[:, 5] = u[:, 5] >= 0.5
        return u

    def _integrate(self, rot, force, moment, prop, mass, dt):
        p = self.params
        alive = (~self.crashed).astype(float)[:, None]  # crashed aircraft have no velocity and gain none
        accel = np.einsum("nij,nj->ni", rot, force) / mass[:, None]
        accel[:, 2] += atmosphere.GRAVITY
        self.vel = self.vel + accel * (alive * dt)
        self.pos = self.pos + self.vel * dt
        # Euler's equations with the spinning engines' angular momentum h: I w' = M - w x (I w + h)
        momentum = np.einsum("nij,nj->ni", p.inertia, self.omega) + prop.angular_momentum
        omega_dot = np.einsum("nij,nj->ni", p.inertia_inv, moment - cross(self.omega, momentum))
        self.omega = self.omega + omega_dot * (alive * dt)
        self.quat = quaternion.integrate(self.quat, self.omega, dt)
        self.engine_omega = np.maximum(self.engine_omega + prop.omega_dot * (alive * dt), 0.0)
        self.fuel = np.maximum(self.fuel - prop.fuel_flow * dt, 0.0)

    def _check_crashes(self, cause: np.ndarray) -> None:
        # a sum is non-finite when any term is: one cheap test (positions and attitudes integrate these)
        finite = np.isfinite(np.add.reduce(self.vel, 1) + np.add.reduce(self.omega, 1)
                             + np.add.reduce(self.engine_omega, 1))
        new = ~self.crashed & ((cause > 0) | ~finite)
        if not new.any():
            return
        cause = np.where(finite, cause, _NUMERICAL)
        self.crashed |= new
        self.crash_cause = np.where(new, cause, self.crash_cause).astype(np.int8)
        for name in ("vel", "omega", "engine_omega"):
            getattr(self, name)[new] = 0.0
        # a non-finite aircraft keeps its last finite place
        bad = new & ~finite
        self.pos[bad] = np.nan_to_num(self.pos[bad])
        self.quat[bad] = (1.0, 0.0, 0.0, 0.0)
