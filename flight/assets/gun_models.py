"""Ground weapons: the Maxim (MG 08) on its sledge mount, a 7.7 cm anti-aircraft gun on a pedestal and a
searchlight. Panda3D model axes (ground.py), each pointing toward +Y at rest; the moving part of each is a node
whose origin is its pivot, so the app aims it with setH/setP (setHpr for the searchlight's lamp).
"""
from __future__ import annotations

import numpy as np

from flight.assets.airframe import GUNMETAL
from flight.assets.gltf import Node
from flight.assets.ground_models import STEEL, TIMBER, node
from flight.assets.shapes import block, box, cylinder, disc, frustum, hoop, merge, strut

FIELD_GREY_PAINT = (92, 98, 84)
BRASS = (150, 120, 60)
LENS = (250, 240, 200)

MAXIM_PIVOT = 0.55  # m above the ground, where the gun sits on the sledge's cradle
FLAK_TRUNNION = 1.9
SEARCHLIGHT_TRUNNION = 1.5


def maxim_gun_model() -> Node:
    """The sledge (two runners, a frame and the cradle post) and, as node `gun` pivoting on the cradle, the MG 08:
    receiver, water jacket, muzzle booster and spade grips, pointing along +Y."""
    sledge = []
    for x in (-0.28, 0.28):
        sledge.append(strut((x, -0.75, 0.04), (x, 0.55, 0.04), 0.06, 0.08, STEEL))  # runners, turned up in front
        sledge.append(strut((x, 0.55, 0.04), (x, 0.7, 0.16), 0.06, 0.08, STEEL))
        sledge.append(strut((x, -0.55, 0.06), (x * 0.3, 0.05, MAXIM_PIVOT - 0.06), 0.05, 0.05, STEEL))
        sledge.append(strut((x, 0.45, 0.06), (x * 0.3, 0.05, MAXIM_PIVOT - 0.06), 0.05, 0.05, STEEL))
    sledge.append(box((-0.3, -0.7, 0.06), (0.3, -0.45, 0.1), STEEL))
    sledge.append(cylinder((0.0, 0.05, MAXIM_PIVOT - 0.12), (0.0, 0.05, MAXIM_PIVOT), 0.06, STEEL, sides=6))
    gun = [box((-0.07, -0.45, -0.02), (0.07, 0.15, 0.14), GUNMETAL),  # receiver
           cylinder((0.0, 0.15, 0.07), (0.0, 1.05, 0.07), 0.065, FIELD_GREY_PAINT, sides=8),  # water jacket
           frustum((0.0, 1.05, 0.07), (0.0, 1.17, 0.07), 0.04, 0.025, GUNMETAL, sides=6),
           strut((-0.1, -0.5, 0.06), (-0.1, -0.6, 0.06), 0.03, 0.03, TIMBER),  # spade grips
           strut((0.1, -0.5, 0.06), (0.1, -0.6, 0.06), 0.03, 0.03, TIMBER),
           box((-0.12, -0.1, 0.14), (-0.02, 0.1, 0.3), BRASS)]  # the ammunition box on the left
    return node("maxim_gun", sledge, children=[node("gun", gun, (0.0, 0.05, MAXIM_PIVOT))])


def flak_gun_model() -> Node:
    """A 7.7 cm anti-aircraft gun on a fixed pedestal: a timber platform and cruciform base; node `mount` turns on
    the pedestal (setH) and carries the shield and cradle; its child `barrel` elevates about the trunnions (setP,
    +up), pointing along +Y at rest."""
    base = [box((-2.2, -2.2, 0.0), (2.2, 2.2, 0.2), TIMBER)]
    base += [strut((x0, y0, 0.3), (-x0, -y0, 0.3), 0.3, 0.25, STEEL) for x0, y0 in ((-1.8, 0.0), (0.0, -1.8))]
    base.append(frustum((0.0, 0.0, 0.2), (0.0, 0.0, 1.0), 0.55, 0.35, STEEL, sides=8))
    mount = [cylinder((0.0, 0.0, 1.0 - FLAK_TRUNNION), (0.0, 0.0, 1.2 - FLAK_TRUNNION), 0.6, FIELD_GREY_PAINT, sides=10)]
    for x in (-0.35, 0.35):  # the cradle's side plates, up to the trunnions
        mount.append(block((x - 0.04, -0.35, 1.2 - FLAK_TRUNNION), (0.08, 0, 0), (0, 0.7, 0),
                           (0, 0, FLAK_TRUNNION - 1.1), FIELD_GREY_PAINT))
    mount.append(block((-0.9, 0.55, 1.25 - FLAK_TRUNNION), (1.8, 0, 0), (0, 0.06, 0), (0, -0.2, 1.35),
                       FIELD_GREY_PAINT))  # shield, leaning back
    mount.append(strut((-0.75, -0.3, 1.3 - FLAK_TRUNNION), (-0.75, -0.3, 0.0), 0.08, 0.08, STEEL))  # layer's seat post
    barrel = [cylinder((0.0, -0.9, 0.0), (0.0, 0.4, 0.0), 0.17, FIELD_GREY_PAINT, sides=8),  # cradle / recoil
              cylinder((-0.31, 0.0, 0.0), (0.31, 0.0, 0.0), 0.07, STEEL, sides=6),  # trunnions
              frustum((0.0, 0.4, 0.0), (0.0, 2.7, 0.0), 0.09, 0.065, GUNMETAL, sides=8),
              box((-0.12, -1.2, -0.12), (0.12, -0.9, 0.12), GUNMETAL)]  # breech
    barrel_node = node("barrel", barrel)
    mount_node = node("mount", mount, (0.0, 0.0, FLAK_TRUNNION), children=[barrel_node])
    return node("flak_gun", base, children=[mount_node])


def searchlight_model() -> Node:
    """A 90 cm army searchlight on a wheeled pedestal; node `lamp` (origin on the trunnions, 1.5 m up) carries
    the yoke and drum, its glass facing +Y, so setHpr(h, p, 0) aims the beam."""
    base = [box((-0.7, -0.5, 0.35), (0.7, 0.5, 0.5), STEEL),
            frustum((0.0, 0.0, 0.5), (0.0, 0.0, SEARCHLIGHT_TRUNNION - 0.55), 0.3, 0.18, STEEL, sides=8)]
    for x in (-0.78, 0.78):
        base.append(cylinder((x - 0.06, 0.0, 0.35), (x + 0.06, 0.0, 0.35), 0.35, (30, 30, 30), sides=10))
    base.append(strut((0.0, 0.5, 0.45), (0.0, 1.4, 0.15), 0.06, 0.06, STEEL))  # towing bar
    lamp = [cylinder((0.0, 0.0, -0.55), (0.0, 0.0, -0.45), 0.32, FIELD_GREY_PAINT, sides=10)]  # turntable
    for x in (-0.56, 0.56):
        lamp.append(strut((x, 0.0, -0.5), (x, 0.0, 0.05), 0.06, 0.1, FIELD_GREY_PAINT))
    lamp += [cylinder((0.0, -0.45, 0.0), (0.0, 0.4, 0.0), 0.5, FIELD_GREY_PAINT, sides=14),
             frustum((0.0, -0.45, 0.0), (0.0, -0.7, 0.0), 0.5, 0.2, FIELD_GREY_PAINT, sides=14),  # the back
             disc((0.0, 0.405, 0.0), np.array([0.0, 1.0, 0.0]), 0.46, LENS, sides=14),
             hoop((0.0, 0.41, 0.0), np.array([0.0, 1.0, 0.0]), 0.48, 0.05, BRASS, segments=10),
             cylinder((0.0, 0.0, 0.5), (0.0, 0.0, 0.65), 0.1, FIELD_GREY_PAINT, sides=6)]  # the vent
    return node("searchlight", base, children=[node("lamp", merge(lamp), (0.0, 0.0, SEARCHLIGHT_TRUNNION))])
