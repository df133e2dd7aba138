"""The screens have no import cycle: a screen names the next one by its key to the router, and only the router's
table imports screen modules, on first use (every import of every module under flight/ is read, lazy ones included)."""
import ast
from pathlib import Path

from flight.app.screens import router
from flight.app.screens.router import SCREENS, screen_class
from tests.test_layers import PACKAGE, imports_of, module_name

SCREEN_MODULES = {screen_class(key).__module__ for key in SCREENS}
ROUTER = Path(router.__file__)


def test_only_the_router_imports_a_screen():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == ROUTER:
            continue
        found += [f"{module_name(path)} -> {name}" for name in sorted(imports_of(path))
                  if any(name == screen or name.startswith(screen + ".") for screen in SCREEN_MODULES)]
    assert found == [], "a screen goes to another by its key: app.router.go(key, ...)"


def test_the_check_sees_the_routers_table_and_no_import_escapes_it():
    """Every screen lives in screens/, and no module there imports relatively (which the parse would not name)."""
    folder = ROUTER.parent
    assert SCREEN_MODULES <= {module_name(path) for path in folder.glob("*.py")}
    relative = [path.name for path in folder.glob("*.py") for node in ast.walk(ast.parse(path.read_text()))
                if isinstance(node, ast.ImportFrom) and node.level > 0]
    assert relative == []
