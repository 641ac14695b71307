"""Course content as files: parse and validate `content/<course>/`, then load it into the database.

A broken file is reported with its path and line and skipped; nothing is ever deleted because a file is broken.
Rows are found by their stable `uuid`, so renaming or moving a file keeps its id, progress and submissions.
"""
import hashlib
import json
import re
import uuid as uuid_module
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from .models import Course, Exercise, Lesson, Page, Section, Unit
from .rendering import MEDIA_SUFFIXES, image_references

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n?", re.DOTALL)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Item:
    kind: str
    path: Path
    data: dict
    body: str = ""
    parent: "Item | None" = None
    children: list = field(default_factory=list)


class BrokenFile(Exception):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


def key_line(text, key, offset=0):
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return offset + (text[: match.start()].count("\n") + 1 if match else 1)


def load_yaml(text, offset=0):
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise BrokenFile(offset + (mark.line + 1 if mark else 1), f"YAML no válido: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise BrokenFile(offset + 1, f"YAML no válido: {exc}") from None
    if not isinstance(data, dict):
        raise BrokenFile(offset + 1, "se esperaba un mapa de claves YAML")
    return data


def read_text(path):
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BrokenFile(1, "el archivo no es UTF-8 válido") from None


def parse_markdown(path):
    text = read_text(path)
    match = FRONT_MATTER.match(text)
    if not match:
        raise BrokenFile(1, "falta la cabecera YAML (front matter) entre líneas '---'")
    data = load_yaml(match.group(1), offset=1)
    data["_text"] = match.group(1)
    body = text[match.end():].lstrip("\n")
    data["_body_offset"] = text[:len(text) - len(body)].count("\n")
    return data, body


def require(data, path_text, keys, offset=0):
    for key in keys:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise BrokenFile(offset + 1, f"falta el campo obligatorio '{key}'")
    try:
        data["uuid"] = str(uuid_module.UUID(str(data["uuid"])))
    except ValueError:
        raise BrokenFile(key_line(path_text, "uuid", offset), "'uuid' no es un UUID válido") from None
    if "slug" in data and not SLUG.match(str(data["slug"])):
        raise BrokenFile(key_line(path_text, "slug", offset), f"slug no válido: {data['slug']!r}")


class ContentTree:
    """Everything parsed from one course folder, plus the problems found on the way."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.problems: list[Problem] = []
        self.course: Item | None = None
        self.units: list[Item] = []
        self.pages: list[Item] = []
        self.exercises: list[Item] = []
        self._uuids: dict[str, Path] = {}
        self._slugs: dict[tuple, Path] = {}

    def problem(self, path, line, message):
        self.problems.append(Problem(path.relative_to(self.root.parent) if path.is_absolute() else path, line, message))

    def claim(self, item, text, offset, scope, slug_key="slug"):
        """Registers uuid and slug; a duplicate makes this file the broken one."""
        if item.data["uuid"] in self._uuids:
            used_in = self._uuids[item.data["uuid"]]
            raise BrokenFile(key_line(text, "uuid", offset), f"uuid duplicado (ya usado en {used_in})")
        slug_id = (scope, item.data.get(slug_key))
        if item.data.get(slug_key) is not None and slug_id in self._slugs:
            raise BrokenFile(key_line(text, slug_key, offset), f"slug duplicado (ya usado en {self._slugs[slug_id]})")
        self._uuids[item.data["uuid"]] = item.path.name
        if item.data.get(slug_key) is not None:
            self._slugs[slug_id] = item.path.relative_to(self.root)


def parse_course(root: Path) -> ContentTree:
    tree = ContentTree(root)
    manifest = root / "course.yaml"
    try:
        text = read_text(manifest)
        data = load_yaml(text)
        require(data, text, ["uuid", "slug", "title"])
        tree.course = Item("course", manifest, data)
    except FileNotFoundError:
        tree.problem(manifest, 1, "falta el manifiesto del curso")
        return tree
    except BrokenFile as exc:
        tree.problem(manifest, exc.line, exc.message)
        return tree
    for path in sorted((root / "pages").glob("*.md")):
        try:
            data, body = parse_markdown(path)
            require(data, data["_text"], ["uuid", "title", "slug", "kind", "order"], offset=1)
            if data["kind"] not in (Page.INTRO, Page.END):
                raise BrokenFile(key_line(data["_text"], "kind", 1), "'kind' debe ser 'intro' o 'end'")
            item = Item("page", path, data, body)
            tree.claim(item, data["_text"], 1, "doc")
            tree.pages.append(item)
        except BrokenFile as exc:
            tree.problem(path, exc.line, exc.message)
    for unit_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in ("pages", "assets")):
        parse_unit(tree, unit_dir)
    lessons = {lesson.data["slug"]: lesson
               for unit in tree.units for section in unit.children for lesson in section.children}
    for exercise in list(tree.exercises):
        if exercise.data["lesson"] not in lessons:
            tree.problem(exercise.path, key_line(exercise.data["_text"], "lesson"),
                         f"lección desconocida: {exercise.data['lesson']!r}")
            tree.exercises.remove(exercise)
        else:
            exercise.parent = lessons[exercise.data["lesson"]]
    return tree


def parse_unit(tree, unit_dir):
    unit_file = unit_dir / "unit.yaml"
    unit = None
    try:
        text = read_text(unit_file)
        data = load_yaml(text)
        require(data, text, ["uuid", "number", "title", "slug"])
        unit = Item("unit", unit_file, data)
        tree.claim(unit, text, 0, "unit")
        tree.units.append(unit)
    except FileNotFoundError:
        tree.problem(unit_file, 1, "falta unit.yaml: la carpeta no es una unidad conocida")
    except BrokenFile as exc:
        tree.problem(unit_file, exc.line, exc.message)
    for section_dir in sorted(p for p in unit_dir.iterdir() if p.is_dir()):
        parse_section(tree, unit, section_dir)


def parse_section(tree, unit, section_dir):
    section_file = section_dir / "section.yaml"
    if unit is None:
        tree.problem(section_file, 1, "unidad desconocida: la unidad de esta sección no existe o está rota")
        return
    section = None
    try:
        text = read_text(section_file)
        data = load_yaml(text)
        require(data, text, ["uuid", "number", "order", "title", "slug"])
        section = Item("section", section_file, data, parent=unit)
        tree.claim(section, text, 0, ("section", unit.data["uuid"]))
        unit.children.append(section)
    except FileNotFoundError:
        tree.problem(section_file, 1, "falta section.yaml")
    except BrokenFile as exc:
        tree.problem(section_file, exc.line, exc.message)
    for path in sorted(section_dir.glob("*.md")):
        if section is None:
            tree.problem(path, 1, "sección desconocida: la sección de esta lección no existe o está rota")
            continue
        try:
            data, body = parse_markdown(path)
            require(data, data["_text"], ["uuid", "title", "slug", "order"], offset=1)
            if not isinstance(data.get("objectives", []), list):
                raise BrokenFile(key_line(data["_text"], "objectives", 1), "'objectives' debe ser una lista")
            lesson = Item("lesson", path, data, body, parent=section)
            tree.claim(lesson, data["_text"], 1, "doc")
            section.children.append(lesson)
            check_images(tree, path, body, offset=data["_body_offset"])
        except BrokenFile as exc:
            tree.problem(path, exc.line, exc.message)
    exercises_dir = section_dir / "exercises"
    if exercises_dir.is_dir():
        for exercise_dir in sorted(p for p in exercises_dir.iterdir() if p.is_dir()):
            parse_exercise(tree, exercise_dir)


def check_images(tree, path, body, offset):
    """Every image a document shows must be a file inside the course folder, next to or below the document."""
    for line, src in image_references(body):
        if "://" in src or src.startswith(("/", "data:")):
            tree.problem(path, offset + line, f"imagen externa no permitida: {src} (guárdala junto a la lección)")
            continue
        target = (path.parent / src).resolve()
        if Path(src).suffix.lower() not in MEDIA_SUFFIXES or not target.is_relative_to(tree.root.resolve()):
            tree.problem(path, offset + line, f"imagen no permitida: {src} (solo SVG, PNG, JPG, GIF o WebP "
                                              "dentro de la carpeta del curso)")
        elif not target.is_file():
            tree.problem(path, offset + line, f"imagen no encontrada: {src}")


def parse_exercise(tree, exercise_dir):
    spec = exercise_dir / "exercise.yaml"
    try:
        text = read_text(spec)
        data = load_yaml(text)
        data["_text"] = text
        require(data, text, ["uuid", "title", "slug", "lesson"])
        kind = data.get("kind", Exercise.CODE)
        if kind not in (Exercise.CODE, Exercise.QUIZ):
            raise BrokenFile(key_line(text, "kind"), "'kind' debe ser 'code' o 'quiz'")
        if data.get("device", "cpu") not in ("cpu", "gpu", "any"):
            raise BrokenFile(key_line(text, "device"), "'device' debe ser cpu, gpu o any")
        if kind == Exercise.CODE:
            for name in ("starter.py", "solution.py", "checks.py"):
                if not (exercise_dir / name).is_file():
                    raise BrokenFile(1, f"falta {name} en la carpeta del ejercicio")
            data["_starter"] = read_text(exercise_dir / "starter.py")
            data["_solution"] = read_text(exercise_dir / "solution.py")
            data["_checks"] = read_text(exercise_dir / "checks.py")
            data["_wrong"] = {p.name: read_text(p) for p in sorted((exercise_dir / "wrong").glob("*.py"))}
            for name, source in [("solution.py", data["_solution"]), ("checks.py", data["_checks"])]:
                try:
                    compile(source, name, "exec")
                except SyntaxError as exc:
                    raise BrokenFile(1, f"{name} tiene un error de sintaxis en la línea {exc.lineno}") from None
        else:
            validate_quiz(data, text)
        item = Item("exercise", spec, data)
        tree.claim(item, text, 0, "exercise")
        tree.exercises.append(item)
    except FileNotFoundError:
        tree.problem(spec, 1, "falta exercise.yaml")
    except BrokenFile as exc:
        tree.problem(spec, exc.line, exc.message)


def validate_quiz(data, text):
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise BrokenFile(key_line(text, "questions"), "un test necesita una lista 'questions'")
    for number, question in enumerate(questions, 1):
        options = question.get("options") if isinstance(question, dict) else None
        if not isinstance(options, list) or len(options) < 2:
            raise BrokenFile(key_line(text, "questions"), f"la pregunta {number} necesita al menos dos opciones")
        if not any(isinstance(o, dict) and o.get("correct") for o in options):
            raise BrokenFile(key_line(text, "questions"), f"la pregunta {number} no tiene ninguna opción correcta")


# ---------------------------------------------------------------- loading into the database

def fingerprint(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class SyncReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    overwritten: list = field(default_factory=list)
    unchanged: int = 0
    missing: list = field(default_factory=list)


def upsert(model, uuid, values, tracked, report, label):
    """Creates or updates one row by uuid.

    `tracked` are the text fields an admin may edit; when they differ from what the last sync wrote, the file
    still wins, and the row is reported as overwritten.
    """
    instance = model.objects.filter(uuid=uuid).first()
    tracked_hash = fingerprint({k: values[k] for k in tracked})
    if instance is None:
        instance = model(uuid=uuid, **values)
        report.created.append(label)
    else:
        current = fingerprint({k: instance.serializable_value(k) for k in values})
        wanted = fingerprint({k: getattr(v, "pk", v) for k, v in values.items()})
        if current == wanted:
            report.unchanged += 1
            return instance
        edited = fingerprint({k: getattr(instance, k) for k in tracked})
        synced = getattr(instance, "synced_hash", "")
        (report.overwritten if tracked and synced and edited != synced else report.updated).append(label)
        for key, value in values.items():
            setattr(instance, key, value)
    if hasattr(instance, "render"):
        instance.render()
    if hasattr(instance, "synced_hash"):
        instance.synced_hash = tracked_hash
    instance.save()
    return instance


DOC_FIELDS = ["title", "body_markdown"]


@transaction.atomic
def apply(tree: ContentTree) -> SyncReport:
    report = SyncReport()
    if tree.course is None:
        return report
    c = tree.course.data
    course = upsert(Course, c["uuid"], {
        "slug": c["slug"], "title": c["title"], "publisher": c.get("publisher", ""),
        "description": c.get("description", ""), "level": c.get("level", ""),
        "duration_estimate": str(c.get("duration_estimate", "")), "prerequisites": c.get("prerequisites", []),
        "audience": c.get("audience", []), "keywords": c.get("keywords", []), "updated": c.get("updated") or None,
    }, [], report, f"curso {c['slug']}")
    for page in tree.pages:
        d = page.data
        upsert(Page, d["uuid"], {"course": course, "kind": d["kind"], "order": int(d["order"]), "slug": d["slug"],
                                 "title": d["title"], "body_markdown": page.body, "source_path": rel(tree, page.path)},
               DOC_FIELDS, report, rel(tree, page.path))
    for unit_item in tree.units:
        d = unit_item.data
        unit = upsert(Unit, d["uuid"], {"course": course, "number": int(d["number"]), "slug": d["slug"],
                                        "title": d["title"], "source_path": rel(tree, unit_item.path)},
                      [], report, rel(tree, unit_item.path))
        for section_item in unit_item.children:
            s = section_item.data
            section = upsert(Section, s["uuid"], {"unit": unit, "number": str(s["number"]), "order": int(s["order"]),
                                                  "slug": s["slug"], "title": s["title"],
                                                  "source_path": rel(tree, section_item.path)},
                             [], report, rel(tree, section_item.path))
            for lesson_item in section_item.children:
                ld = lesson_item.data
                lesson_item.row = upsert(Lesson, ld["uuid"], {
                    "section": section, "course": course, "order": int(ld["order"]),
                    "number": f"{s['number']}.{int(ld['order'])}",
                    "position": int(d["number"]) * 10000 + int(s["order"]) * 100 + int(ld["order"]),
                    "slug": ld["slug"], "title": ld["title"], "objectives": ld.get("objectives") or [],
                    "body_markdown": lesson_item.body, "source_path": rel(tree, lesson_item.path),
                }, DOC_FIELDS + ["objectives"], report, rel(tree, lesson_item.path))
    for item in tree.exercises:
        e = item.data
        upsert(Exercise, e["uuid"], {
            "lesson": item.parent.row, "kind": e.get("kind", Exercise.CODE), "order": int(e.get("order", 1)),
            "slug": e["slug"], "title": e["title"], "instructions_markdown": e.get("instructions", ""),
            "device": e.get("device", "cpu"), "time_limit": int(e.get("time_limit", 10)),
            "memory_limit": int(e.get("memory_limit", 1024)), "points": int(e.get("points", 10)),
            "hints": list(e.get("hints") or []), "starter_code": e.get("_starter", ""),
            "solution_code": e.get("_solution", ""), "checks_code": e.get("_checks", ""),
            "wrong_attempts": e.get("_wrong", {}), "quiz": e.get("questions", []), "published": True,
            "source_path": rel(tree, item.path),
        }, ["title", "instructions_markdown", "starter_code", "solution_code", "checks_code", "hints"],
            report, rel(tree, item.path))
    known = {e.data["uuid"] for e in tree.exercises}
    broken_paths = {str(p.path) for p in tree.problems}
    for exercise in Exercise.objects.filter(lesson__course=course, published=True).exclude(uuid__in=known):
        if not any(exercise.source_path and exercise.source_path in b for b in broken_paths):
            exercise.published = False
            exercise.save(update_fields=["published"])
            report.missing.append(exercise.source_path or str(exercise.uuid))
    return report


def rel(tree, path):
    return str(path.relative_to(tree.root.parent))


def practice_line():
    """How many lessons end with practice (a published exercise or quiz); every lesson should."""
    lessons = Lesson.objects.all()
    with_practice = lessons.filter(exercises__published=True).distinct().count()
    return f"{with_practice} of {lessons.count()} lessons have practice"


def summary_line():
    return (f"{Unit.objects.count()} units, {Section.objects.count()} sections, {Lesson.objects.count()} lessons, "
            f"{Exercise.objects.filter(kind=Exercise.CODE, published=True).count()} exercises"
            + _quiz_suffix())


def _quiz_suffix():
    quizzes = Exercise.objects.filter(kind=Exercise.QUIZ, published=True).count()
    return f" (+{quizzes} quizzes)" if quizzes else ""


def course_folders(content_dir: Path):
    content_dir = Path(content_dir)
    if (content_dir / "course.yaml").exists():
        return [content_dir]
    return sorted(p for p in content_dir.iterdir() if (p / "course.yaml").exists())


def sync_folder(folder: Path) -> tuple[ContentTree, SyncReport]:
    """Parses and loads one course folder, as `sync_content` does for each folder it finds."""
    tree = parse_course(Path(folder))
    return tree, apply(tree)
