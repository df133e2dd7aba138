"""Frozen records made every rendered frame (WorldSnapshot, CombatSnapshot), made without the dataclass's __init__,
whose object.__setattr__ per field costs a record of thirty fields some 4 us. Imports the standard library only."""
from __future__ import annotations

from dataclasses import MISSING, fields
from typing import TypeVar

T = TypeVar("T")
_defaults: dict[type, dict] = {}


def made(cls: type[T], values: dict) -> T:
    """cls(**values) for a frozen dataclass without __post_init__ or default factories: the same fields (defaults
    filled in), ==, repr and dataclasses.replace as ever, and still frozen to anyone who assigns."""
    defaults = _defaults.get(cls)
    if defaults is None:
        defaults = _defaults[cls] = {f.name: f.default for f in fields(cls) if f.default is not MISSING}
    record = object.__new__(cls)
    record.__dict__.update(defaults, **values)
    if len(record.__dict__) != len(cls.__dataclass_fields__):  # a name that is no field (or a field not given)
        return cls(**values)  # raises the TypeError that names it
    return record
