"""Default key bindings and the vocabulary of actions they name. Plain data, so a bindings file (TOML) can replace
them later; imports no panda3d.

Keys are Panda3D's raw button names in lower case. Flight-sim convention: the down arrow (or S) pulls the stick
back and raises the nose.

R works the gun in hand: in the air it clears a jam (clear_jam); at the camp gate's Maxim, where nothing jams but
the belt runs out, the same key changes the belt (the mixer sends the frame's RELOAD bit there instead). V takes
the bomber's rear gun and gives it back (rear_gun, a toggle kept by the mixer).
"""
THROTTLE_SET_PREFIX = "throttle_set_"  # followed by a percentage: throttle_set_50 sets half throttle

ACTIONS = frozenset({
    "pitch_up", "pitch_down", "roll_left", "roll_right", "rudder_left", "rudder_right",
    "throttle_up", "throttle_down", "blip", "fire", "clear_jam", "brake", "rear_gun",
    *(f"{THROTTLE_SET_PREFIX}{percent}" for percent in range(0, 101, 10)),
})

DEFAULT_BINDINGS: dict[str, str] = {
    "arrow_down": "pitch_up", "s": "pitch_up",
    "arrow_up": "pitch_down", "w": "pitch_down",
    "arrow_left": "roll_left", "a": "roll_left",
    "arrow_right": "roll_right", "d": "roll_right",
    "q": "rudder_left", "z": "rudder_left",
    "e": "rudder_right", "x": "rudder_right",
    "+": "throttle_up", "=": "throttle_up",
    "-": "throttle_down",
    **{str(digit): f"{THROTTLE_SET_PREFIX}{digit * 10}" for digit in range(1, 10)},
    "0": f"{THROTTLE_SET_PREFIX}100",
    "b": "blip",
    "space": "fire",
    "r": "clear_jam",
    "g": "brake",
    "v": "rear_gun",
}
