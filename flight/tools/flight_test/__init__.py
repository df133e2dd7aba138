"""The flight-test kit: rigs that fly our Fleet or JSBSim's models, the oracle's test pilot, and the maneuvers they
fly. One implementation serves the acceptance tests (tests/sim/dynamics) and `flight report`."""
