"""`flight report`: the acceptance maneuvers flown for every type, ours beside JSBSim's where it has the type,
written as one self-contained HTML page of plots with the historical bands."""
