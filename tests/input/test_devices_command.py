"""`flight devices` over fake controllers: the listing, live values with --watch, the input-group hint; and the
real command on this machine, which has no controllers."""
import io

from flight.tools.devices_command import INPUT_GROUP_HINT, run
from tests.input.fakes import flight_stick, xbox_pad


def test_it_lists_class_name_ids_axes_buttons_and_profile():
    out, err = io.StringIO(), io.StringIO()
    assert run(source=lambda: [flight_stick(), xbox_pad()], unreadable=lambda: [], out=out, err=err) == 0
    text = out.getvalue()
    assert "flight_stick  Logitech Extreme 3D  046d:c215  4 axes  16 buttons  profile: Flight stick" in text
    assert "gamepad  Xbox Wireless Controller  045e:02ea  6 axes  15 buttons, rumble  profile: Gamepad" in text
    assert "axes: 0 roll, 1 pitch, 2 yaw, 3 throttle" in text and "0 trigger" in text
    assert err.getvalue() == ""


def test_watch_prints_live_values_and_stops():
    stick = flight_stick().set("roll", 0.5).press("trigger")
    out = io.StringIO()
    assert run(watch=True, seconds=0.05, source=lambda: [stick], unreadable=lambda: [], out=out) == 0
    assert "roll:+0.50" in out.getvalue() and "buttons: trigger" in out.getvalue()


def test_none_attached_says_so_and_an_unreadable_joystick_gets_the_input_group_hint():
    out, err = io.StringIO(), io.StringIO()
    assert run(source=lambda: [], unreadable=lambda: [("/dev/input/event7", "Logitech Extreme 3D")], out=out,
               err=err) == 0
    assert out.getvalue() == "No game controllers attached (the keyboard and mouse always fly).\n"
    assert err.getvalue() == f"flight devices: /dev/input/event7 (Logitech Extreme 3D) {INPUT_GROUP_HINT}\n"
    assert "'input' group" in INPUT_GROUP_HINT


def test_the_real_source_on_this_machine_never_fails():
    out = io.StringIO()
    assert run(out=out, err=io.StringIO()) == 0
    assert out.getvalue()
