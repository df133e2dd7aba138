"""The training instructor keeps pace with the pupil: "keep her straight as the tail comes up" only once she rolls,
never while she sits at idle (the play-test heard it with the throttle closed)."""
from flight.sim.command import ControlFrame
from flight.sim.dynamics import DT
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie
from flight.sim.world import load_level


def said(sortie: Sortie) -> list[str]:
    return [event.text for event in sortie.mission.m.log if event.kind == "say"]


def test_the_instructor_waits_for_the_throttle_before_the_take_off_run():
    sortie = Sortie(load_level("training"), seed=2)
    driver = Driver(sortie)
    for _ in range(round(20.0 / DT)):
        driver.step(ControlFrame(throttle=0.0))
    assert not any("Keep her straight" in text for text in said(sortie)), said(sortie)
    for _ in range(round(5.0 / DT)):
        driver.step(ControlFrame(throttle=1.0))
    assert any("Keep her straight" in text for text in said(sortie)), said(sortie)
