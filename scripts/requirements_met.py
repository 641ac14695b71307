"""Checks, with the interpreter that runs it, that a requirements file is met: every `name==version` pin is
installed at that version and so is everything those packages require in turn (markers evaluated for this very
interpreter). Prints what is missing, one requirement a line, and exits 1 when anything is.

The platform's Dockerfile runs it to skip pip on a base that already holds the requirements (the offline build),
and scripts/build_app_image.sh runs it inside the image's interpreter: the host's pip evaluates markers such as
`python_full_version < "3.11.3"` for the host's Python, which need not be the image's. Standard library only,
plus `packaging` where installed (without it, dependencies are not followed and the answer is "missing").
"""
import re
import sys
from importlib import metadata

try:
    from packaging.requirements import Requirement
except ImportError:  # a bare interpreter: nothing can be followed, so nothing is known to be met
    Requirement = None

PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?\s*==\s*([^\s;#]+)")


def installed(name):
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None


def pinned(lines):
    for line in lines:
        pin = PIN.match(line)
        if pin:
            name, extras, version = pin.groups()
            yield name, {extra.strip() for extra in (extras or "").split(",") if extra.strip()}, version


def missing(lines):
    seen, todo = set(), []
    for name, extras, wanted in pinned(lines):
        found = installed(name)
        # A pin without a local label accepts any (PEP 440): torch==2.13.0 is met by 2.13.0+cpu.
        if found is None or found.version.split("+")[0] != wanted.split("+")[0]:
            yield f"{name}=={wanted}"
        else:
            todo.append((found, extras))
    if Requirement is None:
        yield "packaging (to follow the dependencies)"
        return
    while todo:
        dist, extras = todo.pop()
        for text in dist.requires or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker and not any(marker.evaluate({"extra": extra}) for extra in extras | {""}):
                continue
            key = (requirement.name.lower(), str(requirement.specifier), frozenset(requirement.extras))
            if key in seen:
                continue
            seen.add(key)
            found = installed(requirement.name)
            if found is None or not requirement.specifier.contains(found.version, prereleases=True):
                yield f"{requirement.name}{requirement.specifier}"
            else:
                todo.append((found, set(requirement.extras)))


def main(path):
    with open(path, encoding="utf-8") as requirements:
        absent = sorted(set(missing(requirements)))
    for line in absent:
        print(line)
    return 1 if absent else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
