"""The deterministic simulation: everything that decides what happens, and nothing that shows it.

Imports no panda3d, and nothing from flight.app, flight.hud, flight.input or flight.tools (tests/test_layers.py).
Inside it each layer imports only those before it: command and jit (numba's set-up), dynamics < map < world <
missions < run < replay.
The one input is the quantised ControlFrame (flight.sim.command), once per tick.
"""
