"""The course files as the studio reads and writes them, in exactly the format `courses.content` parses.

Paths never come from the browser: an item is found by its uuid, its file by the `source_path` the last sync
stored, and every path is checked to stay inside its course folder with no `..`, no absolute part and no
symbolic link on the way.
"""
import contextlib
import fcntl
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml
from django.conf import settings

from courses import content

CODE_FILES = ("starter.py", "solution.py", "checks.py")
SPEC = "exercise.yaml"
WRONG_DIR = "wrong"


class UnsafePath(Exception):
    """A path that would leave the course folder, pass through a link, or is not a plain relative name."""


class InvalidContent(Exception):
    """Text the content loader would refuse; the message is for the author, in Spanish."""


# ---------------------------------------------------------------- paths

def course_folder(name: str) -> Path:
    for folder in content.course_folders(settings.CONTENT_DIR):
        if folder.name == name:
            return folder
    raise UnsafePath(f"no course folder named {name!r}")


def safe_join(root: Path, relative: str) -> Path:
    """`root / relative`, refusing absolute paths, `..`, empty parts and symbolic links anywhere below root."""
    pieces = str(relative).replace("\\", "/").split("/")
    if any(piece in ("", ".", "..") or ":" in piece for piece in pieces):
        raise UnsafePath(f"refused path {relative!r}")
    current = Path(root)
    for part in pieces:
        current = current / part
        if current.is_symlink():
            raise UnsafePath(f"refused symbolic link {relative!r}")
    resolved = current.resolve()
    if not resolved.is_relative_to(Path(root).resolve()):
        raise UnsafePath(f"refused path outside the course {relative!r}")
    return resolved


def item_path(source_path: str) -> tuple[Path, Path]:
    """(course folder, file) for a row's `source_path`, which starts with the course folder's name."""
    parts = PurePosixPath(source_path).parts
    if len(parts) < 2:
        raise UnsafePath(f"refused source path {source_path!r}")
    folder = course_folder(parts[0])
    return folder, safe_join(folder, "/".join(parts[1:]))


def wrong_file_name(name: str) -> str:
    """A wrong attempt's file name from what an author typed: a slug, with `.py` added."""
    stem = name.strip().removesuffix(".py")
    if not content.SLUG.match(stem):
        raise UnsafePath(f"refused wrong attempt name {name!r}")
    return f"{stem}.py"


@contextlib.contextmanager
def writing():
    """One writer at a time on this host: the check for a conflict, the write, the sync and the commit happen
    together, so two authors saving at once cannot both pass the check, and git never meets its own index lock."""
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    with open(settings.VAR_DIR / "studio-writes.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# ---------------------------------------------------------------- hashing

def digest(files: dict) -> str:
    """One hash for a set of files, so a change to any of them (or a new or removed one) is seen."""
    hasher = hashlib.sha256()
    for name in sorted(files):
        hasher.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    return hasher.hexdigest()


# ---------------------------------------------------------------- YAML in the house style

class ContentDumper(yaml.SafeDumper):
    """Lists indented under their key and multi-line text as `|` blocks, as the course files are written."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _represent_text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class Quoted(str):
    """Text written in double quotes, as the course files write hints."""


ContentDumper.add_representer(str, _represent_text)
ContentDumper.add_representer(Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                                                                   style='"'))


def dump_yaml(data: dict) -> str:
    return yaml.dump(data, Dumper=ContentDumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=100000)


# ---------------------------------------------------------------- documents (lessons and pages)

@dataclass
class Document:
    front: dict
    body: str

    @property
    def objectives(self):
        return [str(o) for o in self.front.get("objectives") or []]


def parse_document(text: str) -> Document:
    match = content.FRONT_MATTER.match(text)
    if not match:
        raise InvalidContent("falta la cabecera YAML (front matter) entre líneas '---'")
    try:
        front = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise InvalidContent(f"la cabecera YAML no es válida: {exc}") from None
    if not isinstance(front, dict):
        raise InvalidContent("la cabecera YAML debe ser un mapa de claves")
    return Document(front, text[match.end():].lstrip("\n"))


def compose_document(document: Document) -> str:
    return f"---\n{dump_yaml(document.front)}---\n\n{document.body.strip()}\n"


def edited_document(original: Document, title: str, order: int, objectives: list, body: str) -> Document:
    """The original front matter with the edited fields replaced in place: key order and unknown keys stay."""
    front = dict(original.front)
    front["title"] = title
    front["order"] = order
    if objectives or "objectives" in front:
        front["objectives"] = objectives
    return Document(front, body.replace("\r\n", "\n"))


def check_identity(edited: Document, uuid):
    if str(edited.front.get("uuid")) != str(uuid):
        raise InvalidContent("el uuid no se puede cambiar: es la identidad estable de la lección")


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def write_text(path: Path, text: str):
    """Writes through a temporary sibling and a rename, so a reader never sees half a file."""
    temporary = path.with_name(f".{path.name}.studio-tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


# ---------------------------------------------------------------- exercises

def read_exercise(folder: Path) -> dict:
    """{relative name: text} of an exercise folder: the spec, the three code files and `wrong/*.py`."""
    files = {}
    for name in (SPEC, *CODE_FILES):
        path = safe_join(folder, name)
        if path.is_file():
            files[name] = read_text(path)
    wrong = folder / WRONG_DIR
    if wrong.is_dir() and not wrong.is_symlink():
        for path in sorted(wrong.glob("*.py")):
            files[f"{WRONG_DIR}/{path.name}"] = read_text(safe_join(folder, f"{WRONG_DIR}/{path.name}"))
    return files


def wrong_attempts(files: dict) -> dict:
    prefix = f"{WRONG_DIR}/"
    return {name[len(prefix):]: text for name, text in files.items() if name.startswith(prefix)}


def exercise_spec(files: dict) -> dict:
    try:
        data = yaml.safe_load(files.get(SPEC, ""))
    except yaml.YAMLError as exc:
        raise InvalidContent(f"exercise.yaml no es válido: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidContent("exercise.yaml debe ser un mapa de claves")
    return data


#: What the loader assumes for a key an exercise.yaml leaves out; the studio leaves such keys out too.
SPEC_DEFAULTS = {"order": 1, "device": "cpu", "time_limit": 10, "memory_limit": 1024, "points": 10, "hints": [],
                 "instructions": ""}


def with_edits(spec: dict, fields: dict) -> dict:
    """`spec` with the edited keys replaced in place; a key it leaves out stays out while it keeps the default."""
    edited = dict(spec)
    for key, value in fields.items():
        if key in spec or value != SPEC_DEFAULTS.get(key, object()):
            edited[key] = value
    return edited


def edited_exercise(files: dict, fields: dict, code: dict, wrong: dict) -> dict:
    """New file contents of an exercise: the spec with the edited fields replaced in place, and the code."""
    original = exercise_spec(files)
    spec = with_edits(original, {**fields, "hints": [Quoted(hint) for hint in fields.get("hints") or []]})
    unchanged = spec == original
    result = {SPEC: files[SPEC] if unchanged else dump_yaml(spec)}
    for name in CODE_FILES:
        result[name] = code[name].replace("\r\n", "\n")
    for name, text in wrong.items():
        result[f"{WRONG_DIR}/{wrong_file_name(name)}"] = text.replace("\r\n", "\n")
    return result


def check_exercise(files: dict, uuid: str):
    """Refuses what the loader would refuse, before anything is queued or written."""
    spec = exercise_spec(files)
    if str(spec.get("uuid")) != str(uuid):
        raise InvalidContent("el uuid no se puede cambiar: es la identidad estable del ejercicio")
    if not str(spec.get("title") or "").strip():
        raise InvalidContent("falta el título")
    for name in ("solution.py", "checks.py"):
        try:
            compile(files.get(name, ""), name, "exec")
        except SyntaxError as exc:
            raise InvalidContent(f"{name} tiene un error de sintaxis en la línea {exc.lineno}: {exc.msg}") from None


def write_exercise(folder: Path, files: dict):
    """Makes the folder hold exactly `files`: wrong attempts that are no longer listed are removed."""
    wanted_wrong = {name for name in files if name.startswith(f"{WRONG_DIR}/")}
    wrong_dir = folder / WRONG_DIR
    if wanted_wrong and not wrong_dir.exists():
        wrong_dir.mkdir()
    if wrong_dir.is_dir():
        safe_join(folder, WRONG_DIR)
        for path in wrong_dir.glob("*.py"):
            if f"{WRONG_DIR}/{path.name}" not in wanted_wrong:
                safe_join(folder, f"{WRONG_DIR}/{path.name}").unlink()
    for name, text in files.items():
        if name.startswith(f"{WRONG_DIR}/"):
            wrong_file_name(name.split("/", 1)[1])
            safe_join(folder, WRONG_DIR)
        elif name not in (SPEC, *CODE_FILES):
            raise UnsafePath(f"refused exercise file {name!r}")
        target = folder / name
        if target.is_symlink():
            raise UnsafePath(f"refused symbolic link {name!r}")
        write_text(target, text)
