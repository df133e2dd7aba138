"""Pursuit and evasion: a pursuing AI gets a firing solution on a straight-flying target within 60 s and fires
short bursts; a better pilot aims better; an AI with an enemy on its tail breaks out of his line of fire."""
import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.ai import Pilot
from flight.sim.world.ai.skill import SKILLS
from flight.sim.world.combat.aiming import lead1

from .ai_flights import air_start, fly, nose


def test_a_pursuer_gets_a_firing_solution_on_a_straight_flying_target_within_60_s():
    # the target (a Camel at 40 m/s, flown by a pilot who sees no enemies) 400 m ahead of a Fokker, off to one side
    fleet = air_start(["camel", "fokker_d7"], [(0.0, 0.0, 800.0, 0.0, 40.0), (-400.0, 150.0, 760.0, 20.0, 50.0)])
    target = Pilot(fleet, [0])
    target.hold_heading(0, 0.0, altitude=800.0, speed=40.0)
    hunter = Pilot(fleet, [1], teams=[0, 1], rng=np.random.Generator(np.random.PCG64(3)))
    hunter.pursue(1, target=0)
    fired = []

    def watch(tick):
        fired.append((bool(hunter.fire[0]), float(np.linalg.norm(fleet.pos[1] - fleet.pos[0]))))
        return len(runs(fired)) >= 4

    fly(fleet, [target, hunter], 60.0, watch)
    trigger = runs(fired)
    assert len(trigger) >= 4 and trigger[0][0] is False and trigger[1][0] is True
    assert (len(fired) - trigger[-1][1]) * DT < 60.0, "the third burst within the minute"
    assert all(distance < SKILLS["regular"][3] for on, distance in fired if on), "inside his opening range"
    bursts = [length * DT for on, length in trigger[1:-1] if on]
    pauses = [length * DT for on, length in trigger[1:-1] if not on]
    assert max(bursts) <= SKILLS["regular"][4] + 0.05 and min(pauses) >= 0.45, (bursts, pauses)
    assert not fleet.crashed.any()


def runs(flags: list[tuple[bool, float]]) -> list[tuple[bool, int]]:
    """The trigger's history as (held, ticks) runs."""
    out = []
    for on, _ in flags:
        if out and out[-1][0] == on:
            out[-1] = (on, out[-1][1] + 1)
        else:
            out.append((on, 1))
    return out


def aim_errors(skill: str, seconds: float = 15.0) -> np.ndarray:
    """rad between the pursuer's guns and the true lead on a straight-flying target, at every tick it fires."""
    fleet = air_start(["camel", "fokker_d7"], [(0.0, 0.0, 800.0, 0.0, 40.0), (-140.0, 0.0, 800.0, 0.0, 40.0)])
    target = Pilot(fleet, [0])
    target.hold_heading(0, 0.0, altitude=800.0, speed=40.0)
    hunter = Pilot(fleet, [1], teams=[0, 1], rng=np.random.Generator(np.random.PCG64(11)), skill=skill)
    hunter.pursue(1, target=0)
    speed = hunter.gunnery.muzzle_speed
    errors = []

    def watch(tick):
        if hunter.fire[0]:
            *true, _ = lead1(*(fleet.pos[0] - fleet.pos[1]), *(fleet.vel[0] - fleet.vel[1]), float(speed[0]))
            errors.append(np.arccos(np.clip(np.array(true) @ nose(fleet, 1), -1.0, 1.0)))

    fly(fleet, [target, hunter], seconds, watch)
    return np.array(errors)


def test_a_better_pilot_aims_better():
    novice, ace = aim_errors("novice"), aim_errors("ace")
    assert len(novice) > 200 and len(ace) > 200
    assert np.sqrt(np.mean(novice * novice)) > 1.5 * np.sqrt(np.mean(ace * ace))


def test_an_ai_with_an_enemy_on_its_tail_breaks_out_of_his_line_of_fire():
    # a Camel (an AI that sees enemies) flying north; a Fokker 200 m behind and a little to the right, on its tail
    fleet = air_start(["camel", "fokker_d7"], [(0.0, 0.0, 800.0, 0.0, 40.0), (-200.0, 20.0, 800.0, 0.0, 40.0)])
    prey = Pilot(fleet, [0], teams=[0, 1], skill="regular")
    prey.hold_heading(0, 0.0, altitude=800.0, speed=40.0)
    attacker = Pilot(fleet, [1])
    attacker.hold_heading(1, 0.0, altitude=800.0, speed=40.0)
    fly(fleet, [prey, attacker], 0.5)
    assert prey.evade_ticks[0] <= 0, "not before his reaction time"
    fly(fleet, [prey, attacker], 4.0)
    assert prey.evade_ticks[0] > 0 and prey.evade_dir[0] == 1.0, "a break towards the attacker's side"
    assert np.radians(45.0) < fleet.euler[0, 2] < np.pi, "turning hard right"
    offset = fleet.pos[0] - fleet.pos[1]
    aside = np.linalg.norm(offset - (offset @ nose(fleet, 1)) * nose(fleet, 1))
    assert aside > 15.0, "a wingspan and more out of the line of the attacker's guns"
    assert not fleet.crashed.any()
