"""What a mission script can ask about an aircraft: a read-only view of one fleet slot in plain floats and bools.
Imports no panda3d."""
from __future__ import annotations

import math

from flight.sim.world.ai.tuning import tuning_for

_AIRBORNE_TICKS = 120  # off the ground a second before it counts as airborne (a bounce is not)
_FLOWN_TICKS = 1200  # 10 s in the air, in all, before a standstill on the ground counts as having landed
_STOPPED = 0.5  # m/s over the ground


class UnitView:
    """Aircraft `index` of `world`, as it is at this tick; `zone` finds the level's zones by name (Mission.zone)."""

    def __init__(self, world, index: int, zone):
        self.world, self.index, self._zone = world, index, zone
        self._fleet = world.fleet  # the world keeps its Fleet (a restore writes its arrays)

    @property
    def north(self) -> float:
        return float(self._fleet.pos[self.index, 0])

    @property
    def east(self) -> float:
        return float(self._fleet.pos[self.index, 1])

    def in_zone(self, zone: str) -> bool:
        """Over the named zone of the level: `m.player.in_zone("allied_side")`, over the Allied lines."""
        return self._zone(zone).contains(self.north, self.east)

    @property
    def altitude(self) -> float:
        return float(self._fleet.altitude[self.index])

    @property
    def height(self) -> float:
        """Above the ground under it, m."""
        return self._fleet.height_of(self.index)

    @property
    def speed(self) -> float:
        """Over the ground, m/s."""
        vn, ve, vd = self._fleet.vel[self.index].tolist()
        return math.sqrt(vn * vn + ve * ve + vd * vd)

    @property
    def airspeed(self) -> float:
        return float(self._fleet.airspeed[self.index])

    @property
    def heading_deg(self) -> float:
        return math.degrees(float(self._fleet.euler[self.index, 2])) % 360.0

    @property
    def on_ground(self) -> bool:
        return bool(self._fleet.on_ground[self.index])

    @property
    def airborne(self) -> bool:
        return not self.on_ground and not self.crashed and self.world.airborne_run[self.index] >= _AIRBORNE_TICKS

    @property
    def has_flown(self) -> bool:
        return bool(self.world.airborne_ticks[self.index] >= _FLOWN_TICKS)

    @property
    def stopped(self) -> bool:
        return self.on_ground and self.speed < _STOPPED

    @property
    def landed(self) -> bool:
        """On the ground, in one piece, after a real flight."""
        return self.on_ground and not self.crashed and self.has_flown

    @property
    def stalled(self) -> bool:
        """Past the angle of attack of the highest lift, in the air."""
        spec = self._fleet.specs[self.index]
        return not self.on_ground and float(self._fleet.alpha[self.index]) > stall_alpha(spec.name, spec)

    @property
    def crashed(self) -> bool:
        return bool(self._fleet.crashed[self.index])

    @property
    def shot_down(self) -> bool:
        """Brought down by fire: its pilot killed, a wing gone, on fire, or crashed after being hit."""
        return bool(self.world.combat.condition.downed[self.index])

    @property
    def destroyed(self) -> bool:
        return self.crashed or self.shot_down

    @property
    def crash_cause(self) -> str:
        return self._fleet.crash_cause_name(self.index) if self.crashed else ""

    @property
    def impact_speed(self) -> float:
        """m/s just before it crashed."""
        return float(self.world.last_speed[self.index])

    @property
    def damage(self) -> float:
        """0 intact .. 1 wrecked: the worst part's loss."""
        return 1.0 - float(self._fleet.damage[self.index].min())

    @property
    def shots_fired(self) -> int:
        return int(self.world.shots_fired[self.index])

    @property
    def touchdown_sink(self) -> float:
        """m/s downwards at the last touchdown."""
        return float(self.world.touchdown_sink[self.index])


_STALL_ALPHA: dict[str, float] = {}


def stall_alpha(name: str, spec) -> float:
    """The type's stalling angle of attack, rad (worked out once per type)."""
    if name not in _STALL_ALPHA:
        _STALL_ALPHA[name] = float(tuning_for([spec]).stall_alpha[0])
    return _STALL_ALPHA[name]
