"""The Controls screen: the connected controllers, live bars for every raw axis and lamps for every button,
"move the control you want" to bind an axis or a button, invert and dead-zone toggles, sliders for the selected
control's curve with the curve drawn, then Save (bindings.toml, and every controller takes its new profile),
Cancel and Defaults. Mouse or stick: the stick moves a focus ring, fire activates, pause goes back.

Edits go to a draft; a device's first edit makes a profile of its own (matched by its name and vendor:product id)
from the one it had. Like the settings screen it closes via `on_close`, from Settings or over the paused flight."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, DirectFrame, DirectSlider, OnscreenText
from panda3d.core import ClockObject, TextNode

from flight.app.screens.controls_widgets import TEXT, AxisBar, ButtonLamps, CurvePlot, FocusRing, travel_of
from flight.app.screens.key_capture import KeyCapture
from flight.input.bindings_file import save_bindings
from flight.input.capture import AxisCapture, ButtonCapture
from flight.input.curves import AxisShape
from flight.input.default_bindings import default_bindings
from flight.input.device import Connection, device_id, read_axis, resolve_axis, source_label
from flight.input.key_labels import KEY_LABELS, key_names, with_key
from flight.input.navigation import MenuNavigator, intents
from flight.input.profiles import AXIS_TARGETS, BUTTON_ACTIONS, AxisBinding, DeviceProfile

if TYPE_CHECKING:
    from flight.app.app import FlightApp

LABELS = {"aileron": "Aileron", "elevator": "Elevator", "rudder": "Rudder", "throttle": "Throttle",
          "brake": "Brake", "look_yaw": "Look left/right", "look_pitch": "Look up/down"}
ASK = {"aileron": "Move the stick to the right", "elevator": "Pull the stick back",
       "rudder": "Push the right pedal (or twist the stick right)", "throttle": "Push the throttle towards full",
       "brake": "Press the brake", "look_yaw": "Move the look stick right", "look_pitch": "Move the look stick up"}
SLIDERS = (("dead_zone", "Dead zone", (0.0, 0.5)), ("saturation", "Saturation", (0.3, 1.0)),
           ("expo", "Curve (expo)", (0.0, 1.0)), ("trim", "Trim", (-0.5, 0.5)))
DEAD_ZONE_ON = 0.05
CAPTURE_SECONDS = 10.0
ACTION_ROWS = 8  # rows of "Bind" per column: 22 controller actions in three columns inside the frame
BUTTON_STYLE = dict(scale=0.04, frameSize=(-2.2, 2.2, -0.55, 0.95), text_fg=(0.1, 0.1, 0.1, 1))


class ControlsScreen:
    def __init__(self, app: FlightApp, on_close: Callable[[], None]):
        self.app, self.on_close = app, on_close
        self.hub = app.controllers
        self.draft = self.hub.bindings
        self.device_index = 0
        self.selected = "aileron"
        self.capture: AxisCapture | ButtonCapture | None = None
        self.keys = KeyCapture(app, self.key_bound)
        self.capture_left = 0.0
        self.navigator = MenuNavigator()
        self.focus = 0
        self.frame = None
        self._setting_sliders = False

    # --- what is shown ---------------------------------------------------------------------------------------

    def connections(self) -> list[Connection]:
        return list(self.hub.connections.values())

    def current(self) -> Connection | None:
        connections = self.connections()
        return connections[self.device_index % len(connections)] if connections else None

    def profile(self, connection: Connection) -> DeviceProfile:
        device = connection.device
        return self.draft.profile_for(device.name, device_id(device), device.device_class)

    def binding(self, target: str) -> AxisBinding | None:
        connection = self.current()
        return self.profile(connection).axis(target) if connection is not None else None

    # --- building -------------------------------------------------------------------------------------------

    def enter(self) -> None:
        self.frame = DirectFrame(frameColor=(0.12, 0.11, 0.10, 1), frameSize=(-1.7, 1.7, -0.98, 0.98),
                                 sortOrder=10)
        self.frame.set_scale(min(1.0, self.app.getAspectRatio() / 1.72))  # laid out for 16:9; narrower shrinks
        self.ring = FocusRing(self.frame)
        self.focusables: list[tuple] = []  # (widget, activate, adjust or None)
        OnscreenText(text="Controls", parent=self.frame, pos=(0, 0.86), scale=0.08, fg=(0.95, 0.9, 0.75, 1))
        self._button("<", -1.58, 0.76, self.step_device, [-1], small=True)
        self._button(">", -1.5, 0.76, self.step_device, [1], small=True)
        self.device_text = self._text("", -1.42, 0.745, 0.042)
        self._text("Raw axes", -1.62, 0.665, 0.036, fg=(0.7, 0.68, 0.6, 1))
        self._text("Raw buttons", -1.62, 0.085, 0.036, fg=(0.7, 0.68, 0.6, 1))
        self.rows = {}
        for row, target in enumerate(AXIS_TARGETS):
            self.rows[target] = self._axis_row(target, 0.6 - 0.075 * row)
        self.plot = CurvePlot(self.frame, 1.2, 0.38, 0.26)
        self.plot_title = self._text("", 0.94, 0.67, 0.04)
        self.sliders = {key: self._slider(key, label, span, 0.0 - 0.075 * n)
                        for n, (key, label, span) in enumerate(SLIDERS)}
        self.actions = {action: self._action_row(action, n, self.bind_button)
                        for n, action in enumerate(BUTTON_ACTIONS)}
        self.key_actions = {action: self._action_row(action, n, self.bind_key)
                            for n, (action, _) in enumerate(KEY_LABELS)}
        self.keyboard_button = self._button("Keyboard keys", -1.45, -0.25, self.toggle_keyboard, scale=0.04)
        self.keyboard_button["frameSize"] = (-3.6, 3.6, -0.55, 0.95)
        self.keyboard = False  # the action rows show the keyboard's keys instead of the controller's buttons
        for column, (label, command) in enumerate((("Save", self.save), ("Cancel", self.cancel),
                                                   ("Defaults", self.reset))):
            self._button(label, -0.6 + 0.6 * column, -0.86, command, scale=0.055)
        self.status = self._text("", 0.0, -0.945, 0.038, align=TextNode.A_center, fg=(1, 0.7, 0.45, 1))
        self.raw = []
        self.lamps = None
        self.hub.listen(self._devices_changed)
        self.hub.menu_owner = self
        self.app.task_mgr.add(self._frame, "controls-screen", sort=6)
        self._show_device()

    def _text(self, text, x, y, scale, align=TextNode.A_left, fg=TEXT):
        return OnscreenText(text=text, parent=self.frame, pos=(x, y), scale=scale, fg=fg, align=align,
                            mayChange=True)

    def _button(self, text, x, y, command, args=(), small=False, scale=None, adjust=None):
        style = dict(BUTTON_STYLE, scale=scale or 0.04)
        if small:
            style["frameSize"] = (-0.8, 0.8, -0.55, 0.95)
        button = DirectButton(parent=self.frame, text=text, pos=(x, 0, y), command=command, extraArgs=list(args),
                              **style)
        self.focusables.append((button, lambda: command(*args), adjust))
        return button

    def _axis_row(self, target: str, y: float) -> dict:
        row = {"y": y, "label": self._button(LABELS[target], -0.42, y, self.select, [target])}
        row["label"]["frameSize"] = (-3.6, 3.6, -0.55, 0.95)
        row["source"] = self._text("", -0.2, y - 0.012, 0.036)
        row["bind"] = self._button("Bind", 0.22, y, self.bind_axis, [target])
        row["invert"] = self._button("Invert", 0.45, y, self.toggle_invert, [target])
        row["dead_zone"] = self._button("Dead zone", 0.72, y, self.toggle_dead_zone, [target])
        row["dead_zone"]["frameSize"] = (-3.5, 3.5, -0.55, 0.95)
        return row

    def _slider(self, key: str, label: str, span: tuple[float, float], y: float):
        self._text(label, 0.92, y - 0.012, 0.036)
        value = self._text("", 1.66, y - 0.012, 0.036, align=TextNode.A_right)
        slider = DirectSlider(parent=self.frame, range=span, value=span[0], pos=(1.37, 0, y), scale=0.17,
                              pageSize=(span[1] - span[0]) / 20, command=self._slid, extraArgs=[key])
        step = (span[1] - span[0]) / 20
        self.focusables.append((slider, None, lambda sign: slider.setValue(
            min(max(slider["value"] + sign * step, span[0]), span[1]))))
        return slider, value

    def _action_row(self, action: str, n: int, bind: Callable[[str], None]) -> tuple[OnscreenText, DirectButton]:
        """A "Bind" button and the bound controls' text, in three columns of eight inside the frame."""
        column, row = divmod(n, ACTION_ROWS)
        x, y = -1.6 + 1.1 * column, -0.33 - 0.058 * row
        button = self._button("Bind", x + 0.09, y, bind, [action])
        return self._text("", x + 0.2, y - 0.012, 0.036), button

    # --- refreshing -----------------------------------------------------------------------------------------

    def _show_device(self) -> None:
        """Rebuild the raw panel for the selected controller and show its bindings."""
        for bar in self.raw:
            bar.destroy()
        if self.lamps is not None:
            self.lamps.destroy()
        self.raw, self.lamps = [], None
        connection = self.current()
        if connection is None:
            self.device_text.setText("No controllers connected: plug one in (the keyboard always flies).")
        else:
            device = connection.device
            count = len(self.connections())
            self.device_text.setText(f"{device.name}  ({device.device_class}, {device_id(device) or 'no id'})  "
                                     f"profile: {self.profile(connection).name}  [{self.device_index % count + 1}"
                                     f" of {count}]")
            self.raw = [AxisBar(self.frame, f"{i} {name}"[:14], -1.62, 0.61 - 0.058 * i)
                        for i, name in enumerate(device.axis_names[:9])]
            self.lamps = ButtonLamps(self.frame, min(len(device.button_names), 24), -1.58, 0.02)
        self._show_bindings()

    def _show_bindings(self) -> None:
        connection = self.current()
        profile = self.profile(connection) if connection is not None else None
        for target, row in self.rows.items():
            binding = profile.axis(target) if profile is not None else None
            text = self._source_text(binding)
            two_lines = "\n" in text  # "right_trigger\n - left_trigger"
            row["source"].setText(text)
            row["source"].setScale(0.03 if two_lines else 0.036)
            row["source"].setPos(-0.2, row["y"] + (0.006 if two_lines else -0.012))
            row["invert"]["text"] = "Inverted" if binding is not None and binding.shape.invert else "Invert"
            on = binding is not None and binding.shape.dead_zone > 0
            row["dead_zone"]["text"] = "Dead zone on" if on else "Dead zone off"
            row["label"]["text_fg"] = (0.6, 0.2, 0.0, 1) if target == self.selected else (0.1, 0.1, 0.1, 1)
        keyboard = self.keyboard or profile is None  # with no controller the rows are the keyboard's
        self.keyboard_button["text"] = "Controller buttons" if self.keyboard else "Keyboard keys"
        self.keyboard_button.show() if profile is not None else self.keyboard_button.hide()
        for action, (text, button) in self.actions.items():
            sources = [s for s, a in profile.buttons.items() if a == action] if profile is not None else []
            text.setText(f"{action.replace('_', ' ')}: {', '.join(map(str, sources)) or '-'}")
            for node in (text, button):
                node.hide() if keyboard else node.show()
        for action, label in KEY_LABELS:
            text, button = self.key_actions[action]
            text.setText(f"{label}: {key_names(self.draft, action)}")
            for node in (text, button):
                node.show() if keyboard else node.hide()
        binding = self.binding(self.selected)
        self.plot_title.setText(f"{LABELS[self.selected]} response")
        self.plot.draw(binding.shape if binding is not None else None, binding is not None and binding.lever)
        self._setting_sliders = True
        for key, (slider, value) in self.sliders.items():
            number = getattr(binding.shape, key) if binding is not None else 0.0
            slider["value"] = number
            value.setText(f"{number:.2f}" if binding is not None else "-")
        self._setting_sliders = False

    @staticmethod
    def _source_text(binding: AxisBinding | None) -> str:
        if binding is None:
            return "not bound"
        minus = f"\n - {source_label(binding.minus)}" if binding.minus else ""
        return f"{source_label(binding.source)}{minus}"

    # --- editing --------------------------------------------------------------------------------------------

    def select(self, target: str) -> None:
        self.selected = target
        self._show_bindings()

    def step_device(self, sign: int) -> None:
        self.device_index += sign
        self._show_device()

    def _edit(self, change: Callable[[DeviceProfile], DeviceProfile]) -> bool:
        """Change the current controller's profile in the draft, making it the device's own first."""
        connection = self.current()
        if connection is None:
            self.status.setText("Plug in a controller to bind it.")
            return False
        profile = self.profile(connection)
        device = connection.device
        if profile.names != (device.name,) or profile.classes:
            profile = profile.for_device(device.name, device_id(device))
        self.draft = self.draft.with_profile(change(profile))
        self._show_bindings()
        return True

    def _reshape(self, target: str, **changes) -> None:
        binding = self.binding(target)
        if binding is None:
            self.status.setText(f"Bind {LABELS[target]} first.")
            return
        fields = {name: getattr(binding.shape, name) for name in ("raw_range", "invert", "dead_zone", "saturation",
                                                                  "expo", "trim")}
        fields.update(changes)
        if fields["saturation"] <= fields["dead_zone"]:
            fields["saturation"] = min(1.0, fields["dead_zone"] + 0.05)
        shape = AxisShape(**fields)
        self._edit(lambda p: p.with_axis(AxisBinding(target, binding.source, shape, binding.minus)))

    def toggle_invert(self, target: str) -> None:
        binding = self.binding(target)
        if binding is not None:
            self._reshape(target, invert=not binding.shape.invert)
        else:
            self._reshape(target)

    def toggle_dead_zone(self, target: str) -> None:
        binding = self.binding(target)
        self._reshape(target, dead_zone=0.0 if binding is not None and binding.shape.dead_zone > 0 else DEAD_ZONE_ON)

    def _slid(self, key: str) -> None:
        if self._setting_sliders:
            return
        slider, value = self.sliders[key]
        number = round(float(slider["value"]), 3)
        binding = self.binding(self.selected)
        if binding is None or abs(getattr(binding.shape, key) - number) < 1e-3:  # set by _show_bindings
            return
        if key == "dead_zone" and number >= binding.shape.saturation:
            number = round(binding.shape.saturation - 0.05, 3)
        self._reshape(self.selected, **{key: number})

    def bind_axis(self, target: str) -> None:
        self.selected = target
        self._start(AxisCapture(target), f"{ASK[target]} for {LABELS[target]}, on any controller (Cancel stops).")

    def toggle_keyboard(self) -> None:
        """The action rows between the keyboard's keys and the selected controller's buttons."""
        self.keyboard = not self.keyboard
        self._show_bindings()

    def bind_key(self, action: str) -> None:
        """The next key pressed flies `action` (the keys it had are freed); Esc stops."""
        self.keys.start(action)
        self.status.setText(f"Press the key for {dict(KEY_LABELS)[action].lower()} (Esc stops).")

    @property
    def key_capture(self) -> str | None:
        """The keyboard action waiting for its key."""
        return self.keys.action

    def key_bound(self, action: str, key: str) -> None:
        """The key pressed while binding `action` (Panda3D's name; Esc stops)."""
        if key == "escape":
            self.status.setText("Stopped.")
            return
        self.draft = with_key(self.draft, key, action)
        self.status.setText(f"{dict(KEY_LABELS)[action]}: {key_names(self.draft, action)}. Save keeps it.")
        self._show_bindings()

    def bind_button(self, action: str) -> None:
        self._start(ButtonCapture(action), f"Press the button for {action.replace('_', ' ')} (Cancel stops).")

    def _start(self, capture, prompt: str) -> None:
        if not self.connections():
            self.status.setText("Plug in a controller to bind it.")
            return
        self.capture, self.capture_left = capture, CAPTURE_SECONDS
        capture.update(self.connections())  # where every control is now
        self.status.setText(prompt)
        self._show_bindings()

    def _captured(self, found) -> None:
        capture, self.capture = self.capture, None
        keys = [c.key for c in self.connections()]
        self.device_index = keys.index(found.key)
        self._show_device()
        if isinstance(capture, AxisCapture):
            target = capture.target
            old = self.binding(target)
            shape = found.shape(old.shape if old is not None else AxisShape())

            device = self.current().device
            index = resolve_axis(device, (found.source,))

            def bind(profile: DeviceProfile) -> DeviceProfile:
                for other in profile.axes:  # the axis flies one control: take it from any other
                    if other.target != target and resolve_axis(device, other.source) == index:
                        profile = profile.without_axis(other.target)
                return profile.with_axis(AxisBinding(target, (found.source,), shape))
            self._edit(bind)
            self.status.setText(f"{LABELS[target]}: axis {source_label(found.source)}"
                                f"{', inverted' if found.invert else ''}.")
        else:
            self._edit(lambda p: p.with_button(found.source, capture.action))
            self.status.setText(f"{capture.action.replace('_', ' ')}: button {source_label(found.source)}.")
        self.navigator.reset(intents(self._draft_connections()))

    # --- every frame ----------------------------------------------------------------------------------------

    def _draft_connections(self) -> list[Connection]:
        return [Connection(c.key, c.device, self.profile(c)) for c in self.connections()]

    def _frame(self, task):
        dt = ClockObject.get_global_clock().get_dt()
        self._live()
        if self.capture is not None:
            found = self.capture.update(self.connections())
            self.capture_left -= dt
            if found is not None:
                self._captured(found)
            elif self.capture_left <= 0.0:
                self.capture = None
                self.status.setText("Nothing moved; press Bind to try again.")
        else:
            for step in self.navigator.update(intents(self._draft_connections()), dt):
                self.navigate(step)
        return task.cont

    def _live(self) -> None:
        connection = self.current()
        if connection is None:
            self.plot.point(None, None)
            return
        device = connection.device
        for index, bar in enumerate(self.raw):
            bar.update(device.axis(index))
        if self.lamps is not None:
            self.lamps.update([device.button(i) for i in range(len(self.lamps.lamps))])
        binding = self.binding(self.selected)
        raw = read_axis(device, binding.source) if binding is not None else None
        if raw is None:
            self.plot.point(None, None)
            return
        if binding.minus:
            raw -= read_axis(device, binding.minus) or 0.0
        shape = binding.shape
        self.plot.point(travel_of(shape, raw), shape.lever(raw) if binding.lever else shape.stick(raw))

    def navigate(self, step: str) -> None:
        """One step of the stick in the menu: up/down move the focus, left/right adjust a slider (or move the
        focus), activate presses the focused widget, back is Cancel."""
        if step == "back":
            self.cancel()
            return
        widget, activate, adjust = self.focusables[self.focus % len(self.focusables)]
        if step == "activate" and activate is not None:
            activate()
        elif step in ("left", "right") and adjust is not None:
            adjust(-1 if step == "left" else 1)
        elif step in ("up", "down", "left", "right"):
            self.focus = (self.focus + (-1 if step in ("up", "left") else 1)) % len(self.focusables)
        if self.frame is not None:
            self.ring.around(self.focusables[self.focus][0])

    def _devices_changed(self, change: str, connection: Connection) -> None:
        if change in ("connected", "disconnected"):
            if change == "disconnected" and self.capture is not None:
                self.capture = None
                self.status.setText(f"{connection.name} unplugged.")
            self._show_device()

    # --- closing --------------------------------------------------------------------------------------------

    def save(self) -> None:
        try:
            save_bindings(self.draft)
        except OSError as error:
            self.status.setText(f"Could not save the controls: {error}")
            return
        self.app.bindings_message = None  # a broken file is replaced by a good one
        self.hub.set_bindings(self.draft)
        self.on_close()

    def cancel(self) -> None:
        """Stop a capture, or leave without saving."""
        if self.key_capture is not None:
            self.keys.stop()
            self.status.setText("Stopped.")
            return
        if self.capture is not None:
            self.capture = None
            self.status.setText("Stopped.")
            return
        self.on_close()

    def reset(self) -> None:
        self.draft = default_bindings()
        self.status.setText("The default controls: Save keeps them.")
        self._show_device()

    def exit(self) -> None:
        if self.frame is None:
            return
        self.keys.stop()
        self.app.task_mgr.remove("controls-screen")
        self.hub.forget(self._devices_changed)
        if self.hub.menu_owner is self:
            self.hub.menu_owner = None
        self.plot.destroy()
        self.frame.destroy()
        self.frame = None
