"""Part 1 of Level 2: the Maxim at the camp gate (gun), the guards who come for it, the prisoners who run past it,
the gunner AI, the level's `[gate]` table and the snapshot the app draws. Imports numpy only."""
