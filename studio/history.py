"""Versions of the course files in git, when the content folder lives in a git work tree.

Plain `git` through `subprocess` with argument lists (never a shell): the studio needs five commands, the git
binary is already on every machine that deploys from a repository, and an extra library (GitPython shells out
to the same binary anyway) would add a dependency for no gain. Nothing here ever runs git on a path the browser
chose: callers pass paths already checked by `studio.files`.
"""
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = "\x1f"
TIMEOUT = 30


class GitError(Exception):
    pass


def git(cwd: Path, *args: str) -> str:
    completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    if completed.returncode != 0:
        raise GitError(completed.stderr.strip() or f"git {args[0]} failed")
    return completed.stdout


def work_tree(path: Path) -> Path | None:
    """The top of the git work tree holding `path`, or None when it is not in one (then saves are not commits)."""
    folder = path if path.is_dir() else path.parent
    try:
        return Path(git(folder, "rev-parse", "--show-toplevel").strip()).resolve()
    except (GitError, FileNotFoundError, NotADirectoryError):
        return None


def relative(top: Path, path: Path) -> str:
    return path.resolve().relative_to(top).as_posix()


def author_of(user) -> tuple[str, str]:
    """Name and email as git accepts them: no angle brackets or line breaks can reach the identity."""
    name = re.sub(r"[<>\n\r]", "", user.get_full_name() or user.username).strip() or user.username
    email = re.sub(r"[<>\s]", "", user.email or f"{user.username}@localhost")
    return name, email


def commit(paths: list[Path], user, message: str) -> str | None:
    """Commits exactly `paths` (added, changed or removed) as `user`; returns the commit id, or None if no repo
    or nothing changed. Other changes staged in the same repository are left alone."""
    top = work_tree(paths[0])
    if top is None:
        return None
    names = [relative(top, p) for p in paths]
    git(top, "add", "--all", "--", *names)
    if not git(top, "diff", "--cached", "--name-only", "--", *names).strip():
        return None
    name, email = author_of(user)
    git(top, "-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "--quiet", "--no-verify",
        f"--author={name} <{email}>", "-m", message, "--", *names)
    return git(top, "rev-parse", "HEAD").strip()


@dataclass
class Version:
    sha: str
    author: str
    email: str
    date: str
    message: str

    @property
    def short(self):
        return self.sha[:8]


def versions(path: Path, limit: int = 50) -> list[Version]:
    top = work_tree(path)
    if top is None:
        return []
    try:
        output = git(top, "log", f"-n{limit}", f"--format=%H{SEPARATOR}%an{SEPARATOR}%ae{SEPARATOR}%aI{SEPARATOR}%s",
                     "--", relative(top, path))
    except GitError:
        return []
    return [Version(*line.split(SEPARATOR, 4)) for line in output.splitlines() if line.count(SEPARATOR) == 4]


def diff(path: Path, sha: str) -> str:
    """What commit `sha` changed under `path`."""
    top = work_tree(path)
    return git(top, "show", "--format=", "--no-color", "--no-ext-diff", check_sha(sha), "--", relative(top, path))


def files_at(path: Path, sha: str) -> dict:
    """{path relative to `path`: text} of the files under `path` (a file or a folder) in commit `sha`."""
    top = work_tree(path)
    base = relative(top, path)
    names = git(top, "ls-tree", "-r", "--name-only", check_sha(sha), "--", base).splitlines()
    result = {}
    for name in names:
        inner = Path(name).relative_to(base).as_posix() if name != base else Path(name).name
        result[inner] = git(top, "show", f"{sha}:{name}")
    return result


def check_sha(sha: str) -> str:
    if not (7 <= len(sha) <= 40 and all(c in "0123456789abcdef" for c in sha)):
        raise GitError("not a commit id")
    return sha
