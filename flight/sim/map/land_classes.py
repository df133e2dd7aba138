"""The kinds of ground the land use tells apart (flight.sim.map.landuse), by index. Imports nothing."""
(MEADOW, CROP, PLOUGHED, STUBBLE, WOOD, VILLAGE, ROAD, WATER, AERODROME, CRATERED, SCARRED, TRENCH, SHATTERED, YARD,
 WIRE) = range(15)
CLASS_NAMES = ("meadow", "crop", "ploughed", "stubble", "wood", "village", "road", "water", "aerodrome", "cratered",
               "scarred", "trench", "shattered", "yard", "wire")
FIELDS = (CROP, PLOUGHED, STUBBLE)
FRONT_CLASSES = (CRATERED, SCARRED, TRENCH, SHATTERED, WIRE)  # what the war has made of the land near the lines
