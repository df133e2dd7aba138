"""The scenery of a level's map: its landscape (flight.app.scene.landscape) and what stands on it. Over the theatre that is
the prison camp (double wire, gates, the machine-gun post at the front gate, guard towers, barracks, the
commandant's house) and the German airfield's hangars and fuel store, from flight.sim.map.features, plus the RFC's
hangars, windsock and parked Camels at every airfield the theatre file gives no buildings of its own; over a
generated map, the level's aerodrome. Every model stands on the terrain the flight model uses."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from panda3d.core import LODNode, NodePath, TransparencyAttrib

from flight.app import frames
from flight.app.scene.aerodrome import aerodrome_node
from flight.app.scene.landscape import BUILDINGS_FAR_M, Landscape, cached_land_use
from flight.app.scene.ground_and_sky import TERRAIN_GAIN, linear, mesh_node, time_of_day_preset
from flight.sim.world import Terrain
from flight.sim.map.features import Placements

Loader = Callable[[str], NodePath]
MOVING = ("gate", "maxim_gun")  # models with parts a level may animate: kept whole, never flattened
SANDBAG = (0.55, 0.50, 0.39)
FENCE_NEAR_M, FENCE_FAR_M = 300.0, 1500.0  # the modelled wire within; posts and a haze of wire beyond, to here
FENCE_RUN = 12  # segments flattened together, each run with its own level of detail
WIRE = (0.30, 0.29, 0.27)


def level_landscape(level, world, parent: NodePath, quality: str, loader: Loader | None = None) -> Landscape:
    """The landscape of `level` (flown in `world`) under `parent`, with its airfields and (over the theatre) the
    camp, made fine around the start; the level's ground units stand in clearings."""
    if loader is None:
        from flight.app.model_files import load_model as loader
    terrain = world.terrain
    units = getattr(getattr(world, "combat", None), "units", None)
    keep_clear = units.pos[:, :2] if units is not None and len(units.names) else None
    altitude = getattr(level, "start_altitude", 0.0)
    ground = float(terrain.height_at(np.array([level.start[0]]), np.array([level.start[1]]))[0])
    focus = (*level.start, max(altitude - ground, 5.0))
    home = level.aerodrome
    cloud_base = float(terrain.height_at(np.array([home[0]]), np.array([home[1]]))[0])
    if level.theatre is not None:
        from flight.sim.map.theatre import load_theatre
        return theatre_landscape(load_theatre(level.theatre), parent, quality, level.time_of_day, focus, cloud_base,
                                 keep_clear, loader)
    land = cached_land_use(terrain, level.terrain_seed, (level.aerodrome,))
    landscape = Landscape(parent, terrain, land, level.terrain_seed, level.time_of_day, quality, cloud_base,
                          focus=focus, keep_clear=keep_clear)
    aerodrome_node(loader, terrain, level.aerodrome[:2], level.start_heading).reparent_to(landscape.root)
    return landscape


def theatre_landscape(theatre, parent: NodePath, quality: str, time_of_day: str, focus, cloud_base: float,
                      keep_clear=None, loader: Loader | None = None) -> Landscape:
    """The theatre's landscape (flight.sim.map.theatre) lit for `time_of_day`, made fine around `focus` (north,
    east, height m): its airfields, the camp and the hangars. A level over the theatre and a story scene both."""
    if loader is None:
        from flight.app.model_files import load_model as loader
    terrain = theatre.terrain()
    landscape = Landscape(parent, terrain, theatre.land_use(), theatre.terrain_seed, time_of_day, quality,
                          cloud_base, focus=focus, keep_clear=keep_clear)
    for a in theatre.airfields.values():
        if not a.buildings:
            aerodrome_node(loader, terrain, (a.north, a.east), a.landing_heading_deg).reparent_to(landscape.root)
    features_node(loader, theatre.features(), terrain, time_of_day).reparent_to(landscape.root)
    return landscape


def node_name(name: str) -> str:
    """The scene-graph name of a placed feature: its name with ':' for '/' (which `find` reads as a path)."""
    return name.replace("/", ":")


def features_node(loader: Loader, placed: Placements, terrain: Terrain, time_of_day: str = "day") -> NodePath:
    """Every placed model at its spot on the ground, facing its way; those that never move flattened together
    into a few meshes (a fence of hundreds of segments costs a draw call or two); a ring of sandbags round each
    machine gun. Moving ones keep their names, as `node_name` spells them ("camp:gate_mg", "camp:outer_gate")."""
    root = NodePath("features")
    groups = {kind: NodePath(kind) for kind in ("buildings",)}
    ground = placed.ground(terrain.height_at)
    models: dict[str, NodePath] = {}
    fence = placed.select("fence")
    if len(fence):
        _fences(root, loader("fence.glb"), placed, fence, ground, _light(time_of_day))
    for k, model in enumerate(placed.model):
        if model == "fence":
            continue
        if model not in models:
            models[model] = loader(f"{model}.glb")
        group = root if model in MOVING else groups["buildings"]
        node = models[model].copy_to(group)
        node.set_name(node_name(placed.name[k]))
        node.set_pos(*frames.position_to_panda(np.array([placed.north[k], placed.east[k], -ground[k]])))
        node.set_h(-placed.facing_deg[k])  # Panda3D's heading turns anticlockwise, the compass clockwise
        if placed.scale_x[k] != 1.0:
            node.set_sx(placed.scale_x[k])
    for k in placed.select("maxim_gun"):
        ring = root.attach_new_node(sandbag_ring(placed.north[k], placed.east[k], terrain, _light(time_of_day)))
        ring.set_name(node_name(f"{placed.name[k]}/sandbags"))
        ring.set_light_off()  # shade baked in
    for kind, group in groups.items():
        if group.get_num_children() == 0:
            continue
        centre = group.get_bounds().get_center()
        group.clear_model_nodes()  # so the copies merge across models into a few meshes
        group.flatten_strong()
        lod = LODNode(f"{kind}-cut")
        lod.add_switch(BUILDINGS_FAR_M, 0.0)
        lod.set_center(centre)
        group.reparent_to(root.attach_new_node(lod))
    return root


def _light(time_of_day: str) -> np.ndarray:
    """The baked light (sRGB multiplier) on a surface facing up and out, for the unlit stand-ins."""
    preset = time_of_day_preset(time_of_day)
    sun = preset.sun_direction()
    return TERRAIN_GAIN * (np.asarray(preset.ambient) + np.asarray(preset.sun) * max(0.3 * sun[2] + 0.4, 0.0))


def _fences(root: NodePath, model: NodePath, placed: Placements, rows: np.ndarray, ground: np.ndarray,
            light: np.ndarray) -> None:
    """The fence segments `rows` in runs of FENCE_RUN along each fence: each run the modelled wire near the
    camera, a light stand-in (posts and a translucent band of wire) further off, nothing beyond FENCE_FAR_M."""
    group = root.attach_new_node("fence")
    for start in range(0, len(rows), FENCE_RUN):
        run = rows[start:start + FENCE_RUN]
        near = NodePath("fence-near")
        for k in run:
            node = model.copy_to(near)
            node.set_pos(*frames.position_to_panda(np.array([placed.north[k], placed.east[k], -ground[k]])))
            node.set_h(-placed.facing_deg[k])
            node.set_sx(placed.scale_x[k])
        near.clear_model_nodes()
        near.flatten_strong()
        lod = LODNode("fence-run")
        lod_np = group.attach_new_node(lod)
        lod.add_switch(FENCE_NEAR_M, 0.0)
        near.reparent_to(lod_np)
        lod.add_switch(FENCE_FAR_M, FENCE_NEAR_M)
        _fence_stand_in(placed, run, ground, light).reparent_to(lod_np)
        middle = run[len(run) // 2]
        lod.set_center(tuple(frames.position_to_panda(np.array([placed.north[middle], placed.east[middle],
                                                                 -ground[middle]]))))


def _fence_stand_in(placed: Placements, run: np.ndarray, ground: np.ndarray, light: np.ndarray) -> NodePath:
    """Posts (two crossed quads each) at the run's segment origins and a band of wire from the first to the end
    of the last segment, translucent, seen from both sides."""
    facing = np.radians(placed.facing_deg[run] + 90.0)  # the segments run along +x, compass facing + 90
    length = 4.0 * placed.scale_x[run]
    starts = np.column_stack([placed.north[run], placed.east[run]])
    ends = starts + length[:, None] * np.column_stack([np.cos(facing), np.sin(facing)])
    points, colours, tris, alpha = [], [], [], []
    for (n, e), g in zip(starts, ground[run]):
        for dn, de in ((0.08, 0.0), (0.0, 0.08)):
            base = len(points)
            points += [(n - dn, e - de, -(g - 0.1)), (n + dn, e + de, -(g - 0.1)), (n + dn, e + de, -(g + 2.7)),
                       (n - dn, e - de, -(g + 2.7))]
            tris += [(base, base + 1, base + 2), (base, base + 2, base + 3)]
            alpha += [1.0] * 4
    for (n0, e0), (n1, e1), g in zip(starts, ends, ground[run]):
        base = len(points)
        points += [(n0, e0, -(g + 0.3)), (n1, e1, -(g + 0.3)), (n1, e1, -(g + 2.4)), (n0, e0, -(g + 2.4))]
        tris += [(base, base + 1, base + 2), (base, base + 2, base + 3)]
        alpha += [0.35] * 4
    colour = linear(np.clip(np.array(WIRE) * light, 0.0, 1.0))
    node = NodePath(mesh_node("fence-far", frames.position_to_panda(np.array(points)),
                              np.tile(colour, (len(points), 1)), np.array(tris), alpha=np.array(alpha)))
    node.set_two_sided(True)
    node.set_light_off()
    node.set_transparency(TransparencyAttrib.M_alpha)
    return node


def sandbag_ring(north: float, east: float, terrain: Terrain, light=(1.0, 1.0, 1.0), radius_m: float = 2.2,
                 height_m: float = 0.9, thickness_m: float = 0.7, gap_deg: float = 70.0):
    """A low ring wall of sandbags round a gun pit at (north, east), open to the south-west behind the gun, in
    `light` (an sRGB multiplier: the time of day's, baked in)."""
    angle = np.radians(np.linspace(gap_deg / 2, 360.0 - gap_deg / 2, 12) + 200.0)  # compass bearings
    inner, outer = radius_m, radius_m + thickness_m
    ground = float(terrain.height_at(np.array([north]), np.array([east]))[0])
    rings = [(inner, height_m), (outer, height_m * 0.8), (outer + 0.3, -0.2), (inner - 0.1, -0.2)]
    verts = [np.column_stack([north + r * np.cos(angle), east + r * np.sin(angle), np.full(len(angle), -(ground + z))])
             for r, z in rings]
    points = frames.position_to_panda(np.concatenate(verts))
    n = len(angle)
    k = np.arange(n - 1)
    tris = []
    for a, b in ((0, 1), (1, 2), (3, 0)):  # top, outer face, inner face
        tris += [np.column_stack([a * n + k, b * n + k, a * n + k + 1]), np.column_stack([a * n + k + 1, b * n + k,
                                                                                         b * n + k + 1])]
    tris = np.concatenate(tris)
    tris = np.concatenate([tris, tris[:, ::-1]])
    shade = np.concatenate([np.full(n, 1.0), np.full(n, 0.8), np.full(n, 0.6), np.full(n, 0.7)])
    colours = linear(np.clip(np.asarray(SANDBAG)[None] * shade[:, None] * np.asarray(light)[None], 0.0, 1.0))
    node = mesh_node("sandbags", points, colours, tris)
    return node
