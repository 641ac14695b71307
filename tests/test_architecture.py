"""The shape of the code, as tests: dependencies run one way (frontend → runner → courses, and the studio on top of
runner and courses), no import hides in a function, and the words of the domain (statuses) are spelled only where
they are defined."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["courses", "runner", "frontend", "studio", "lti", "config"]
# Code that is not Django: the harness runs alone inside the sandbox and speaks a wire protocol of its own.
STANDALONE = [ROOT / "runner" / "harness"]
ALLOWED = {"courses": set(), "runner": {"courses"}, "frontend": {"courses", "runner"},
           "studio": {"courses", "runner"}, "lti": {"courses"}}
STATUS_WORDS = re.compile(r"^(queued|running|passed|failed|completed|error|timeout|memory_limit|output_limit|"
                          r"system_error|cancelled)$")


def app_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts or any(folder in path.parents for folder in STANDALONE):
            continue
        yield path


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_apps_import_only_the_apps_below_them(app):
    others = set(ALLOWED) - {app}
    wrong = []
    for path in app_files(app):
        for module in imported_modules(ast.parse(path.read_text())):
            top = module.split(".")[0]
            if top in others and top not in ALLOWED[app]:
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("app", APPS)
def test_no_import_hides_inside_a_function(app):
    hidden = []
    for path in app_files(app):
        for function in ast.walk(ast.parse(path.read_text())):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(function)
                           if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert not hidden, "imports inside functions: " + ", ".join(hidden)


def test_lifecycle_and_tasks_do_not_import_each_other_both_ways():
    lifecycle = set(imported_modules(ast.parse((ROOT / "runner" / "lifecycle.py").read_text())))
    assert not any(name.endswith("tasks") for name in lifecycle)
    relative = [node.names[0].name for node in ast.walk(ast.parse((ROOT / "runner" / "lifecycle.py").read_text()))
                if isinstance(node, ast.ImportFrom) and node.level == 1]
    assert "tasks" not in relative and "submissions" not in relative


@pytest.mark.parametrize("app", ["courses", "runner", "frontend", "studio", "lti"])
def test_statuses_are_spelled_only_where_they_are_defined(app):
    defined_in = {ROOT / "courses" / "verdicts.py", ROOT / "runner" / "models.py"}
    spelled = []
    for path in app_files(app):
        if path in defined_in:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Compare):
                for value in [node.left, *node.comparators]:
                    items = value.elts if isinstance(value, (ast.Tuple, ast.List, ast.Set)) else [value]
                    spelled += [f"{path.relative_to(ROOT)}:{node.lineno} {item.value!r}" for item in items
                                if isinstance(item, ast.Constant) and isinstance(item.value, str)
                                and STATUS_WORDS.match(item.value)]
    assert not spelled, "status literals outside the models: " + ", ".join(spelled)


def test_only_the_settings_read_the_environment():
    readers = []
    for app in APPS:
        for path in app_files(app):
            if path.name in ("env.py", "celery.py", "wsgi.py"):
                continue
            if "os.environ" in path.read_text() or "os.getenv" in path.read_text():
                readers.append(str(path.relative_to(ROOT)))
    assert not readers, readers
