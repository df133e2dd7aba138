"""The acceptance maneuvers a test module flies for its `CARD` (a flight_test TestCard), on our model and on
JSBSim's where the card names one: each fixture maps "ours" / "jsbsim" to the maneuver's figures."""
import pytest

from flight.tools.flight_test import programme


def models(card) -> dict:
    return {"ours": card.ours(), **({"jsbsim": card.jsbsim()} if card.jsbsim_model else {})}


@pytest.fixture(scope="module")
def card(request):
    return request.module.CARD


@pytest.fixture(scope="module")
def top_speed(card):
    return {m: programme.top_speed(card, make) for m, make in models(card).items()}


@pytest.fixture(scope="module")
def stall(card):
    return {m: programme.stall(card, make) for m, make in models(card).items()}


@pytest.fixture(scope="module")
def climb(card, stall, top_speed):
    return {m: programme.climb(card, make, stall[m], top_speed[m]) for m, make in models(card).items()}


@pytest.fixture(scope="module")
def roll(card):
    return {m: programme.roll(card, make) for m, make in models(card).items()}


@pytest.fixture(scope="module")
def spin(card, stall):
    return {m: programme.spin(card, make, stall[m]) for m, make in models(card).items()}


@pytest.fixture(scope="module")
def takeoff(card):
    return {m: programme.takeoff(card, make) for m, make in models(card).items()}
