"""scripts/gpu_check proves device-aware content with the harness alone (no Django, no Docker); CI runs it in
full on the CPU. Here: it finds what validate_content would, and a real run on one exercise ends as expected."""
import importlib.machinery
import importlib.util
import subprocess
import sys
from pathlib import Path

from courses.rendering import runnable_blocks

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gpu_check"
CONTENT = ROOT / "content"


def load_script():
    loader = importlib.machinery.SourceFileLoader("gpu_check", str(SCRIPT))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("gpu_check", loader))
    loader.exec_module(module)
    return module


def test_it_finds_the_same_runnable_blocks_as_the_platform():
    gpu_check = load_script()
    for lesson in CONTENT.glob("*/**/*.md"):
        text = lesson.read_text(encoding="utf-8")
        assert gpu_check.runnable_blocks(text) == runnable_blocks(text), lesson


def test_it_takes_every_device_aware_exercise_with_its_wrong_attempts():
    items = load_script().collect(CONTENT)
    exercises = {label.rsplit("/", 1)[0] for kind, label, _ in items if kind == "solution"}
    specs = [path.parent for path in CONTENT.glob("*/**/exercises/*/exercise.yaml")
             if any(line.strip() in ("device: any", "device: gpu") for line in path.read_text().splitlines())]
    assert exercises == {str(folder.relative_to(CONTENT)) for folder in specs} and exercises
    wrong = [label for kind, label, _ in items if kind == "wrong"]
    assert len(wrong) == sum(len(list((folder / "wrong").glob("*.py"))) for folder in specs)
    assert sum(kind == "block" for kind, _, _ in items) > 100


def test_a_run_on_the_cpu_prints_the_one_line_summary():
    count = sum("codigo-agnostico" in label for _, label, _ in load_script().collect(CONTENT))
    result = subprocess.run([sys.executable, str(SCRIPT), "--device", "cpu", "--only", "codigo-agnostico",
                             "--jobs", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.stdout.strip().splitlines()[-1] == f"{count} checked on cpu: {count} as expected, 0 problems", \
        result.stderr
    assert result.returncode == 0
