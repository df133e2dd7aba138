"""Nothing under flight/sim computes what reaches the simulation's state with arithmetic that rounds differently on
another CPU (DESIGN.md, Replays): no C-library or numpy transcendental (stablemath has its own), no BLAS (`@`,
dot, linalg), no `**` (the C library's pow), no numpy random distribution that falls back on exp or log. Read
from the syntax of every module; the few exceptions are listed with why they never reach the state, and the
scenery modules are shown to be out of the simulation's reach."""
from __future__ import annotations

import ast
from pathlib import Path

SIM = Path(__file__).resolve().parents[2] / "flight" / "sim"

MATH_MODULES = {"math", "cmath", "numpy", "numpy.random", "scipy"}
UNSTABLE = {
    # transcendentals: libm picks an FMA or an SSE2 version by CPU, numpy SIMD kernels by CPU features
    "sin", "cos", "tan", "arcsin", "arccos", "arctan", "arctan2", "asin", "acos", "atan", "atan2", "sinh", "cosh",
    "tanh", "arcsinh", "arccosh", "arctanh", "asinh", "acosh", "atanh", "exp", "exp2", "expm1", "log", "log2",
    "log10", "log1p", "logaddexp", "logaddexp2", "power", "float_power", "pow", "hypot", "cbrt", "erf", "erfc",
    "gamma", "lgamma", "sinc", "dist",
    # BLAS: OpenBLAS picks its kernels (FMA or not, and their summation order) by CPU
    "dot", "vdot", "inner", "outer", "matmul", "tensordot", "linalg", "convolve", "correlate", "polyfit",
}
# numpy's Generator draws these through exp or log (normal's ziggurat tails); uniform draws are exact
DISTRIBUTIONS = {"normal", "standard_normal", "exponential", "standard_exponential", "lognormal", "gamma",
                 "standard_gamma", "beta", "chisquare", "poisson", "vonmises", "rayleigh", "weibull", "pareto",
                 "laplace", "logistic", "gumbel", "wald", "standard_cauchy", "standard_t", "binomial",
                 "negative_binomial", "geometric", "hypergeometric", "multivariate_normal", "f", "power",
                 "triangular", "zipf", "logseries", "dirichlet", "noncentral_chisquare", "noncentral_f"}

SCENERY = {"features", "front", "landuse", "noise", "parcels", "roads", "scatter"}  # flight/sim/map: only drawn
CHECKED_ELSEWHERE: dict[str, str] = {}  # folders of flight/sim another test checks instead (none now)
ALLOWED = {  # (module, function or None for all of it): why it never reaches the state
    **{(f"map/{name}.py", None): "scenery the app draws (test_the_scenery_never_reaches_the_simulation)"
       for name in SCENERY},
    ("map/terrain.py", "valley_floor"): "the river's line is drawn, never flown against: the heights come before it",
}


def _findings(path: Path) -> list[tuple[str | None, int, str]]:
    """(enclosing function, line, source) of each construct that may round differently by CPU."""
    tree = ast.parse(path.read_text())
    aliases = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
               for alias in node.names if alias.name in MATH_MODULES}
    found = []

    def visit(node: ast.AST, function: str | None) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = f"{function}.{node.name}" if function else node.name
        if _unstable(node, aliases):
            found.append((function, node.lineno, ast.unparse(node)[:80]))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, None)
    return found


def _unstable(node: ast.AST, aliases: set[str]) -> bool:
    if isinstance(node, ast.Attribute) and node.attr in UNSTABLE:
        root = node.value
        while isinstance(root, ast.Attribute):
            root = root.value
        return (isinstance(root, ast.Name) and root.id in aliases) or node.attr == "dot"  # np.sin, np.linalg.x, a.dot
    if isinstance(node, ast.ImportFrom):
        return node.module in MATH_MODULES and any(alias.name in UNSTABLE for alias in node.names)
    if isinstance(node, (ast.BinOp, ast.AugAssign)):
        return isinstance(node.op, (ast.Pow, ast.MatMult))  # x ** y is the C library's pow; a @ b is BLAS
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "pow"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in DISTRIBUTIONS and "rng" in ast.unparse(node.func.value).lower()
    return False


def _allowance(relative: str, function: str | None) -> tuple[str, str | None] | None:
    for where, name in ALLOWED:
        if relative == where and (name is None or function == name or (function or "").startswith(name + ".")):
            return where, name
    return None


def test_the_simulation_uses_only_cpu_stable_arithmetic():
    offending, used = [], set()
    for path in sorted(SIM.rglob("*.py")):
        relative = path.relative_to(SIM).as_posix()
        if any(relative.startswith(folder + "/") for folder in CHECKED_ELSEWHERE):
            continue
        for function, line, source in _findings(path):
            allowance = _allowance(relative, function)
            if allowance is None:
                offending.append(f"{relative}:{line} in {function or 'the module'}: {source}")
            used.add(allowance)
    assert not offending, "\n".join(offending)
    assert set(ALLOWED) <= used, f"exceptions no longer needed: {sorted(set(ALLOWED) - used)}"


def test_the_checker_finds_each_kind_of_unstable_arithmetic(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import numpy as xp\nimport math\nfrom math import exp\n\n\n"
                      "def f(a, b, rng):\n"
                      "    r = xp.sin(a) + math.hypot(a, b) + a ** 2 + (a @ b) + a.dot(b) + xp.linalg.norm(a)\n"
                      "    return r + rng.normal() + pow(a, 3) + math.sqrt(a) + xp.maximum(a, b) + rng.random()\n")
    found = _findings(sample)
    assert sorted(source for _, _, source in found) == sorted([
        "from math import exp", "xp.sin", "math.hypot", "a ** 2", "a @ b", "a.dot", "xp.linalg",
        "rng.normal()", "pow(a, 3)"])
    assert {function for function, _, source in found if source != "from math import exp"} == {"f"}


def test_the_scenery_never_reaches_the_simulation():
    """The scenery modules of flight/sim/map (land use, fields, roads, villages, trenches, placed buildings) are
    imported by nothing in the simulation but the theatre, whose methods that build them (land_use, front_lines,
    features) nothing in the simulation calls; and nothing reads the terrain's river line."""
    importers, callers = [], []
    for path in sorted(SIM.rglob("*.py")):
        relative = path.relative_to(SIM).as_posix()
        if relative.startswith("map/") and Path(relative).stem in SCENERY:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("flight.sim.map."):
                if node.module.rsplit(".", 1)[1] in SCENERY and relative != "map/theatre.py":
                    importers.append(f"{relative}: {node.module}")
            if isinstance(node, ast.Attribute) and not relative.startswith("map/") and node.attr in (
                    "land_use", "front_lines", "features", "river"):
                callers.append(f"{relative}:{node.lineno}: {ast.unparse(node)}")
    assert not importers and not callers, importers + callers
