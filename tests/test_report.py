"""`flight report` writes one self-contained page with every plot, and without matplotlib says how to get it."""
import base64
import importlib.util
import re

import pytest

from flight.cli import main

pytest.importorskip("matplotlib")  # in the test extra; skipped only where someone installed the tests without it

PLOTS = ("climb", "turns", "roll", "polar", "takeoff", "spin")


def test_the_report_for_one_aircraft_embeds_every_plot(tmp_path, capsys):
    assert main(["report", "--aircraft", "fokker_dr1", "--quick", "--no-jsbsim", "--out", str(tmp_path),
                 "--png-dir", str(tmp_path / "png")]) == 0
    page = (tmp_path / "flight-report.html").read_text()
    images = re.findall(r'<img alt="Fokker Dr.I: (\w+)" src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert [name for name, _ in images] == list(PLOTS)
    assert all(base64.b64decode(data).startswith(b"\x89PNG") for _, data in images)
    assert "top speed 1000 m, km/h TAS" in page and "160 to 185" in page, "the figures beside their bands"
    assert "JSBSim left out" in page
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == sorted(f"fokker_dr1-{p}.png" for p in PLOTS)


def test_without_matplotlib_it_says_how_to_install_it_and_exits_2(tmp_path, capsys, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "matplotlib" else real(name, *a))
    assert main(["report", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install" in err and "matplotlib" in err
    assert not (tmp_path / "flight-report.html").exists()


def test_an_unknown_aircraft_is_one_line(tmp_path, capsys):
    assert main(["report", "--aircraft", "spad", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
