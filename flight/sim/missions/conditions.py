"""Trigger conditions for mission scripts: pure functions of the running mission (its world, zones and units),
so a level can be checked and flown headless and a replay re-evaluates them to the same bits. Each returns a
Condition, a callable `condition(m) -> bool`; combine them with `all_of`, `any_of` and `not_`.

    yield m.until(landed("player", zone="aerodrome"))
    m.fail_if(any_of(crashed("player"), in_zone("player", "german_side") & landed("player")), "Captured again")
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    test: Callable  # (Mission) -> bool
    text: str  # what it waits for, in words (the debug overlay and error messages show it)

    def __call__(self, m) -> bool:
        return bool(self.test(m))

    def __and__(self, other: Condition) -> Condition:
        return all_of(self, other)

    def __or__(self, other: Condition) -> Condition:
        return any_of(self, other)

    def __invert__(self) -> Condition:
        return not_(self)


def all_of(*conditions: Condition) -> Condition:
    tests = tuple(c.test for c in conditions)

    def test(m) -> bool:  # a loop, not all() over a generator: the missions check these every tick
        for one in tests:
            if not one(m):
                return False
        return True
    return Condition(test, " and ".join(c.text for c in conditions))


def any_of(*conditions: Condition) -> Condition:
    tests = tuple(c.test for c in conditions)

    def test(m) -> bool:
        for one in tests:
            if one(m):
                return True
        return False
    return Condition(test, " or ".join(c.text for c in conditions))


def not_(condition: Condition) -> Condition:
    return Condition(lambda m: not condition(m), f"not ({condition.text})")


def after(seconds: float) -> Condition:
    """Mission time (from the start) has reached `seconds`."""
    return Condition(lambda m: m.seconds >= seconds, f"after {seconds:g} s")


def airborne(unit: str) -> Condition:
    return Condition(lambda m: m.unit(unit).airborne, f"{unit} airborne")


def landed(unit: str, zone: str | None = None, stopped: bool = True) -> Condition:
    """On its wheels after having flown (and, with `stopped`, at a standstill), in `zone` if given."""
    def test(m):
        u = m.unit(unit)
        return u.landed and (not stopped or u.stopped) and (zone is None or u.in_zone(zone))
    return Condition(test, f"{unit} landed" + (f" in {zone}" if zone else ""))


def moving(unit: str, speed_ms: float = 2.0) -> Condition:
    """Faster than `speed_ms` over the ground (rolling, once the chocks are away)."""
    return Condition(lambda m: m.unit(unit).speed > speed_ms, f"{unit} moving")


def in_zone(unit: str, zone: str) -> Condition:
    return Condition(lambda m: m.unit(unit).in_zone(zone), f"{unit} in {zone}")


def left_zone(unit: str, zone: str) -> Condition:
    return Condition(lambda m: not m.unit(unit).in_zone(zone), f"{unit} out of {zone}")


def above(unit: str, height_m: float) -> Condition:
    """Higher than `height_m` over the ground below it."""
    return Condition(lambda m: m.unit(unit).height > height_m, f"{unit} above {height_m:g} m")


def heading_near(unit: str, heading_deg: float, within_deg: float = 15.0) -> Condition:
    def test(m):
        off = (m.unit(unit).heading_deg - heading_deg + 180.0) % 360.0 - 180.0
        return m.unit(unit).airborne and abs(off) <= within_deg
    return Condition(test, f"{unit} heading {heading_deg:03.0f}")


def stalled(unit: str) -> Condition:
    return Condition(lambda m: m.unit(unit).stalled, f"{unit} stalled")


def crashed(unit: str) -> Condition:
    return Condition(lambda m: m.unit(unit).crashed, f"{unit} crashed")


def shot_down(unit: str) -> Condition:
    """Brought down by fire (see UnitView.shot_down): the mission can tell it from a crash of the pilot's own."""
    return Condition(lambda m: m.unit(unit).shot_down, f"{unit} shot down")


def destroyed(unit: str) -> Condition:
    """Crashed, or shot down."""
    return Condition(lambda m: m.unit(unit).destroyed, f"{unit} destroyed")


def damaged(unit: str, fraction: float = 0.2) -> Condition:
    """At least `fraction` of the aircraft's integrity gone."""
    return Condition(lambda m: m.unit(unit).damage >= fraction, f"{unit} damaged")


def fired(unit: str) -> Condition:
    return Condition(lambda m: m.unit(unit).shots_fired > 0, f"{unit} fired")
