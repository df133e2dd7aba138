"""The aircraft files' [sound] tables: every type has one that loads, a modder's bad value is one line naming the
file and key, and how an aircraft sounds never changes the aircraft hash a replay checks."""
import pytest

from flight.sim.dynamics.spec import known_aircraft
from flight.sim.replay.header import without_sound
from flight.sound.sound_spec import SoundFileError, load_sound


@pytest.mark.parametrize("name", known_aircraft())
def test_every_aircraft_sounds(name):
    spec = load_sound(name)
    assert spec.firings_per_rev > 0 and spec.gun_rates_rpm and spec.engine_positions
    assert spec.engine_volume(1.0) > spec.engine_volume(0.3) > 0.0


def test_the_rotaries_buzz_at_4_5_firings_a_revolution_and_the_mercedes_sixes_at_3():
    assert [load_sound(n).firings_per_rev for n in ("camel", "fokker_dr1", "fokker_d7", "gotha_g5")] == [
        4.5, 4.5, 3.0, 3.0]
    assert len(load_sound("gotha_g5").engine_positions) == 2


def test_a_bad_sound_value_names_the_file_and_the_key(tmp_path, monkeypatch):
    from flight import paths
    original = (paths.aircraft_dir() / "camel.toml").read_text()
    (tmp_path / "camel.toml").write_text(original.replace("harshness = 0.85", "harshness = 3.0"))
    monkeypatch.setattr(paths, "aircraft_dir", lambda: tmp_path)
    with pytest.raises(SoundFileError, match=r"camel.toml: \[sound\] harshness: expected a number from 0 to 1"):
        load_sound("camel")


def test_the_aircraft_hash_leaves_the_sound_out(tmp_path):
    flying = "[engine]\nrated_rpm = 1250.0\n\n[aero]\nposition = [0.0, 0.0, 0.0]\n"
    plain, tuned = tmp_path / "plain.toml", tmp_path / "tuned.toml"
    plain.write_text(flying)
    tuned.write_text(flying.replace("\n[aero]", "\n[sound]\nloudness = 2.0\n\n[sound.wind_volume]\ngain = [0.0, 1.0]"
                                    "\n\n[aero]") + "\n[sound.engine_volume]\ngain = [1.0, 1.0]\n")
    assert without_sound(plain) == plain.read_bytes()
    assert without_sound(tuned) == flying.encode()
