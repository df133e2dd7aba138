"""Relighting a built scene for another time of day and weather without building it again: the sun, sky and haze,
the sky dome, and the ground whose light is baked into its colours, scaled by the ratio of the two presets' light
on flat ground. The gate's dawn after the night and each shot of a story scene use it."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath

from flight.app.scene.ground_and_sky import (
    add_sky_and_light,
    linear,
    sky_dome,
    sunlit,
    time_of_day_preset,
)

WEATHER = {  # (sun, ambient, haze density) multipliers: a grey sky hides the sun and fills the shade; mist closes in
    "clear": (1.0, 1.0, 1.0),
    "overcast": (0.35, 1.35, 1.6),
    "mist": (0.6, 1.2, 5.0),
}


def relight(root: NodePath, landscape, camera: NodePath, background_setter, time_of_day: str,
            weather: str = "clear") -> None:
    """Light `root` and its `landscape` (baked for landscape.time_of_day) for `time_of_day` under `weather`; the
    sky dome follows `camera`."""
    for name in ("sun", "sky"):
        for node in root.find_all_matches(name):
            root.clear_light(node)
            node.remove_node()
    root.clear_light()
    add_sky_and_light(root, background_setter, time_of_day)
    sun_gain, ambient_gain, haze_gain = WEATHER[weather]
    preset = time_of_day_preset(time_of_day)
    root.find("sun").node().set_color((*(np.asarray(preset.sun) * sun_gain), 1.0))
    root.find("sky").node().set_color((*(np.asarray(preset.ambient) * ambient_gain), 1.0))
    root.get_fog().set_exp_density(preset.fog_density * haze_gain)
    flat = np.zeros((3, 3))
    now, baked = (linear(sunlit(flat, 1.0, time_of_day_preset(name))[1, 1]) for name in (time_of_day,
                                                                                        landscape.time_of_day))
    ratio = now / baked * (sun_gain + ambient_gain) / 2.0
    landscape.root.set_color_scale(*ratio, 1.0)
    features = landscape.root.find("**/features")
    if not features.is_empty():
        features.set_color_scale(*(1.0 / ratio), 1.0)  # lit by the new sun, not baked...
        for baked_node in features.find_all_matches("**/*sandbags"):  # ...but for the gun pits' sandbags
            baked_node.set_color_scale(*ratio, 1.0)
    if landscape.dome is not None:
        landscape.dome.remove_node()
    landscape.dome = sky_dome(time_of_day)
    landscape.dome.reparent_to(camera)
