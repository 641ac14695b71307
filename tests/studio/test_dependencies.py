"""The studio sits on top: it may import courses and runner, and nothing else imports it."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_apps(app):
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found |= {(alias.name.split(".")[0], path.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((node.module.split(".")[0], path.name))
    return {name for name, _file in found}


def test_no_other_app_imports_studio():
    assert "studio" not in imported_apps("courses") | imported_apps("runner") | imported_apps("frontend")


def test_studio_functions_import_nothing_inside_them():
    for path in (ROOT / "studio").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = [n for n in ast.walk(node) if isinstance(n, (ast.Import, ast.ImportFrom))]
                assert not inner, f"{path.name}: {node.name} imports inside a function"
