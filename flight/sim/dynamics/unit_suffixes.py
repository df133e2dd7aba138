"""Unit suffixes that aircraft files may use, and their factors to SI (STYLE: SI inside, other units only as a
suffix on the key: `wing_area_ft2 = 231`). Imports the standard library only."""
import math

TO_SI = {
    "ft": 0.3048,
    "in": 0.0254,
    "ft2": 0.09290304,
    "lb": 0.45359237,
    "hp": 745.69987,
    "deg": math.pi / 180.0,
    "kmh": 1.0 / 3.6,
    "mph": 0.44704,
    "kt": 0.514444,
    "slugft2": 1.35581795,
    "lbft": 14.5939029,  # lbf/ft -> N/m
    "lbfts": 14.5939029,  # lbf s/ft -> N s/m
    "g_kwh": 1.0e-3 / 3.6e6,  # g/kWh -> kg/J
}
