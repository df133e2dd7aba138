"""The sound played live: the camera is the listener (its pose in NED), each frame's samples stream as 16-bit
stereo PCM, a paused flight queues silence, faster than real time is muted, and with no sound device (offscreen
here: the null audio library) the flight view renders nothing at all."""
import numpy as np
from panda3d.core import NodePath

from flight.app.flight.flight_sound import FlightSound
from flight.app.frames import pose_to_ned
from flight.sim.map.terrain import generate_terrain
from flight.sim.world.world import World
from flight.sound.one_shots import RATE
from flight.sound.sound_mixer import GRENADE_GAIN, GRENADE_SCENE, Volumes


def test_the_cameras_pose_in_ned():
    root = NodePath("root")
    camera = root.attach_new_node("camera")
    camera.set_pos(10.0, 20.0, 30.0)  # Panda3D: east, north, up
    camera.set_hpr(-90.0, 0.0, 0.0)  # heading -90: facing east (+X)
    pos, axes = pose_to_ned(camera, root)
    assert np.allclose(pos, [20.0, 10.0, -30.0])
    assert np.allclose(axes[:, 0], [0.0, 1.0, 0.0], atol=1e-6), "forward: east"
    assert np.allclose(axes[:, 1], [-1.0, 0.0, 0.0], atol=1e-6), "right: south"
    assert np.allclose(axes[:, 2], [0.0, 0.0, 1.0], atol=1e-6), "down"


class FakeManager:
    def is_valid(self):
        return True

    def get_sound(self, stream):
        self.stream = stream
        return FakeSound()


class FakeSound:
    PLAYING = 2
    playing = False

    def status(self):
        return self.PLAYING if self.playing else 1

    def play(self):
        self.playing = True

    def stop(self):
        self.playing = False


class FakeStream:
    def __init__(self, appended):
        self.append = appended.append

    def done(self):
        pass


class FakeApp:
    def __init__(self):
        self.sfxManagerList = [FakeManager()]


def test_each_frame_streams_its_samples_paused_none_and_fast_muted():
    world = World(generate_terrain(1, size_m=(2000.0, 2000.0)))
    world.tick(np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0]))
    sound = FlightSound(FakeApp(), ["camel"], seed=1, level="training")
    root = NodePath("root")
    camera = root.attach_new_node("camera")
    assert sound.stream.open().ready() == round(0.05 * RATE), "a little silence queued ahead"
    appended = []
    sound.stream = FakeStream(appended)
    for _ in range(12):  # 0.2 s: the engine's sound has come the 50-odd metres to the camera
        world.tick(np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0]))
        sound.update(world.snapshot(), camera, root, 1 / 60, paused=False, speed=1.0, volumes=Volumes())
    assert {len(block) for block in appended} == {4 * 367, 4 * 368}  # 367.5 frames of 2 x 16 bits a frame
    assert np.abs(np.frombuffer(appended[-1], "<i2")).max() > 100, "the engine running up"
    sound.update(world.snapshot(), camera, root, 1 / 60, paused=True, speed=1.0, volumes=Volumes())
    assert len(appended) == 13 and not any(appended[-1]), "paused: silence, so the stream keeps running"
    sound.update(world.snapshot(), camera, root, 1 / 60, paused=False, speed=2.0, volumes=Volumes())
    assert not np.frombuffer(appended[-1], "<i2").any()
    sound.destroy()


def test_with_no_sound_device_a_flight_renders_no_sound(app):
    app.router.go("flight", level="training")
    view = app.router.screen.view
    assert not view.sound.playing and view.sound.mixer is None
    app.task_mgr.step()
    app.router.go("menu")


def test_the_cut_to_black_after_the_gate_is_heard_in_the_game(app):
    """The view hands the mission's cut to the sound: the grenade's blast is laid into the mix once."""
    app.router.go("flight", level="breakout")
    view = app.router.screen.view
    view.sound = FlightSound(FakeApp(), [spec.name for spec in view.world.fleet.specs], view.sortie.seed, "breakout")
    view.sound.stream = FakeStream([])
    for _ in range(3):
        view.advance(2)
        app.task_mgr.step()
    view.sortie.mission.m.scene("grenade", 5.0)  # as the script cuts to it
    view.advance(2)
    app.task_mgr.step()
    grenade = view.sound.mixer.gate.grenade * GRENADE_GAIN
    assert view.sound.mixer.scene.name == GRENADE_SCENE
    view.advance(2)
    app.task_mgr.step()
    assert sum(len(b.samples) == len(grenade) for b in view.sound.mixer.bursts.sounding) == 1, "the blast laid, once"
    app.router.go("menu")
