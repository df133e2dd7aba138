"""`flight bench --json` prints one JSON object with the flight-model figures and JSBSim's beside them."""
import json

from flight.tools import bench


def test_bench_json_reports_every_fleet_size_and_the_jsbsim_ratio(capsys):
    assert bench.main(json_output=True, quick=True) == 0
    report = json.loads(capsys.readouterr().out)
    fdm = report["fdm"]
    assert report["replay"]["verified_exact"] and report["replay"]["kb_per_minute"] < 100
    combat = report["combat"]  # the case: 40 aircraft, about 2,000 bullets in flight, 30 ground units
    assert combat["aircraft"] == 40 and combat["ground_units"] == 30 and combat["bullets_in_flight_mean"] > 1500
    assert 0 < combat["tick_ms_median"] <= combat["tick_ms_p95"]
    assert set(fdm["us_per_step"]) == {"1", "16", "256"}
    assert all(v > 0 for v in fdm["us_per_step"].values())
    # more aircraft per step cost less per aircraft: one call for the fleet (compiled, 16 and 256 cost about the same
    # per aircraft, so their order is the machine's noise)
    per_aircraft = {n: fdm["us_per_step"][n] / int(n) for n in fdm["us_per_step"]}
    assert max(per_aircraft["256"], per_aircraft["16"]) < per_aircraft["1"]
    assert fdm["jsbsim_camel_steps_per_s"] > 0
    assert fdm["ratio_vs_jsbsim"]["256"] == round(fdm["aircraft_steps_per_s"]["256"] / fdm["jsbsim_camel_steps_per_s"], 2)


def test_bench_table_is_readable(capsys):
    assert bench.main(quick=True) == 0
    out = capsys.readouterr().out
    assert "Fleet.step" in out and "JSBSim Camel" in out and "World.tick with combat" in out
