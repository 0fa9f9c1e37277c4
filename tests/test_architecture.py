"""ARCHITECTURE.md's direction of imports: an app imports only the apps above it in the
table, never those below; ``core`` imports no feature app; the project package
``servicedesk`` imports feature apps only in its root URLs and its home page. Read from the
source (every import statement, at module level or inside a function), so a new import
that breaks the rule fails here before it becomes a cycle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: ARCHITECTURE.md's table, top to bottom (apps not built yet are kept for their place).
ORDER = ["core", "catalog", "notifications", "sla", "incidents", "problems", "knowledge", "changes",
         "servicerequests", "statuspage", "mail", "monitoring", "contactcenter", "crm", "kpis", "search",
         "servicedesk"]
APPS = [name for name in ORDER if (ROOT / name / "__init__.py").exists()]
#: Where the project package may import feature apps: it wires them together there.
PROJECT_WIRING = {"servicedesk/urls.py", "servicedesk/views.py"}


def _imported_apps(path: Path) -> set[tuple[str, int]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update((name.split(".")[0], node.lineno) for name in names if name.split(".")[0] in ORDER)
    return found


def _sources(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts or "tests" in relative.parts:
            continue
        yield relative, path


def violations() -> list[str]:
    found = []
    for app in APPS:
        rank = ORDER.index(app)
        for relative, path in _sources(app):
            for imported, line in sorted(_imported_apps(path)):
                if imported == app:
                    continue
                if app == "servicedesk" and relative.as_posix() in PROJECT_WIRING:
                    continue
                if app == "servicedesk" and relative.parts[:2] == ("servicedesk", "settings"):
                    continue
                if ORDER.index(imported) > rank or app in ("core", "servicedesk") and imported != "core":
                    found.append(f"{relative}:{line} imports {imported}, which is below {app}")
    return found


def test_every_app_is_in_the_table():
    packages = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert packages <= set(ORDER), f"add {sorted(packages - set(ORDER))} to ARCHITECTURE.md's table and ORDER"


def test_no_app_imports_an_app_below_it():
    assert violations() == []


@pytest.mark.parametrize("source, expected", [
    ("from incidents.models import Incident\n", {"incidents"}),
    ("def f():\n    import changes.services\n", {"changes"}),
    ("from .models import X\nimport django\n", set()),
])
def test_the_check_reads_every_kind_of_import(tmp_path, source, expected):
    path = tmp_path / "module.py"
    path.write_text(source)
    assert {name for name, _ in _imported_apps(path)} == expected
