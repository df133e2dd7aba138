"""Reading one controller through its profile: every bound axis as a command and the set of actions whose
buttons are down, from the device's values at the moment of the call. Stateless, so the flight's mixer and the
app's menu handling can both read a device. Imports no panda3d.
"""
from __future__ import annotations

from dataclasses import dataclass

from flight.input.device import Connection, read_axis, read_button


@dataclass(frozen=True)
class Reading:
    """`axes`: control -> command (sticks and look -1..1, levers 0..1) for each bound axis the device has;
    `held`: the actions of the buttons that are down."""
    axes: dict[str, float]
    held: frozenset[str]


def read(connection: Connection) -> Reading:
    device, profile = connection.device, connection.profile
    axes = {}
    for binding in profile.axes:
        raw = read_axis(device, binding.source)
        if raw is None:
            continue
        if binding.minus:
            minus = read_axis(device, binding.minus)
            raw -= minus if minus is not None else 0.0
        axes[binding.target] = binding.shape.lever(raw) if binding.lever else binding.shape.stick(raw)
    held = frozenset(action for source, action in profile.buttons.items() if read_button(device, source))
    return Reading(axes, held)
