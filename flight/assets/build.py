"""`flight models`: build every procedural model into a folder of .glb files."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flight.assets import buildings, camp, figures, gun_models as guns, trees, vehicles
from flight.assets.camel import camel_far, camel_model
from flight.assets.fokker_d7 import fokker_d7_far, fokker_d7_model
from flight.assets.fokker_dr1 import fokker_dr1_far, fokker_dr1_model
from flight.assets.gltf import Node, glb_bytes
from flight.assets.gotha import gotha_g5_far, gotha_g5_model
from flight.sim.dynamics import load_aircraft
from flight.files import write_atomically


# file name -> builder; aircraft first, each followed by its far level of detail
MODELS: dict[str, Callable[[], Node]] = {
    "camel.glb": lambda: camel_model(load_aircraft("camel")),
    "camel_far.glb": lambda: camel_far(load_aircraft("camel")),
    "fokker_d7.glb": lambda: fokker_d7_model(load_aircraft("fokker_d7")),
    "fokker_d7_far.glb": lambda: fokker_d7_far(load_aircraft("fokker_d7")),
    "fokker_dr1.glb": fokker_dr1_model,
    "fokker_dr1_far.glb": fokker_dr1_far,
    "gotha_g5.glb": lambda: gotha_g5_model(load_aircraft("gotha_g5")),
    "gotha_g5_far.glb": lambda: gotha_g5_far(load_aircraft("gotha_g5")),
    "canvas_hangar.glb": buildings.hangar_model,
    "windsock.glb": buildings.windsock_model,
    "wooden_hangar.glb": buildings.wooden_hangar_model,
    "fuel_store.glb": buildings.fuel_store_model,
    "barracks.glb": camp.barracks_model,
    "guard_tower.glb": camp.guard_tower_model,
    "fence.glb": camp.fence_model,
    "gate.glb": camp.gate_model,
    "commandant_house.glb": camp.commandant_house_model,
    "maxim_gun.glb": guns.maxim_gun_model,
    "flak_gun.glb": guns.flak_gun_model,
    "searchlight.glb": guns.searchlight_model,
    "truck.glb": vehicles.truck_model,
    "tree_conifer.glb": trees.conifer_model,
    "tree_broadleaf.glb": trees.broadleaf_model,
    "figure_standing.glb": figures.standing_figure_model,
    "figure_running.glb": figures.running_figure_model,
}


def build_all(out_dir: Path) -> list[Path]:
    """Write each model into `out_dir` and return the paths written, in build order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_atomically(out_dir / filename, glb_bytes([build()])) for filename, build in MODELS.items()]
