"""Captured!: a WWI flight game after the 1933 film, on Panda3D with a numpy flight-dynamics core.

`__version__` is the single source of the package version; pyproject.toml reads it through hatch.
"""

__version__ = "0.1.0"
