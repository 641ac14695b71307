"""The sandbox harness: started inside a fresh container (or, in development, as a local process).

Order matters for security. As root with only SETUID/SETGID, the harness imports the heavy libraries, forks the
student process and drops it to the student uid, then drops itself to the grader uid (which clears every
capability) and marks itself non-dumpable. Only then does it read the job from stdin. The hidden checks and the
reference solution exist only in this grader process; the student process receives nothing but its own code.

Output protocol (stdout of the harness): one JSON object per line, `{"event": "ready" | "stdout" | "stderr" |
"result", ...}`. The student process cannot write there: its stdout and stderr are pipes read by the grader.
"""
import base64
import ctypes
import json
import os
import random
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("OMP_NUM_THREADS", "1")

STUDENT_UID = 10001
GRADER_UID = 10002
MAX_JOB_BYTES = 8 * 1024 * 1024
STREAM_CAP = 64 * 1024
OUTPUT_HARD_LIMIT = 2 * 1024 * 1024
TRUNCATION_MARKER = "\n… [salida truncada: se guardan los primeros 64 KiB]\n"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CONTAINER_MODE = os.getuid() == 0
WORK_DIR = "/tmp/work" if CONTAINER_MODE else None
MPL_CACHE = "/opt/mplcache"
GRADER_DIR = "/tmp/grader"
COURSE_ASSETS = "/opt/course-assets"
MAX_TEXT = 2000
MAX_FIGURES = 5
MAX_FIGURE_BYTES = 1024 * 1024


EVENTS = sys.stdout


def emit(event):
    """One JSON line on the harness's event channel. ASCII escapes keep any text the student produced (lone
    surrogates included) valid JSON; the worker cleans it again before it stores anything."""
    EVENTS.write(json.dumps(event, ensure_ascii=True) + "\n")
    EVENTS.flush()


def reserve_event_channel():
    """Keeps the harness's stdout for events alone: the original fd is duplicated for `emit`, and fd 1 then
    points at stderr, so a print in an exercise's reference solution or checks (which run in the grader) lands in
    the diagnostics instead of corrupting the events the worker parses."""
    global EVENTS
    sys.stdout.flush()
    EVENTS = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr


# ---- data that came from the student's process: never trusted, always checked and capped ----

def plain_text(value, cap=MAX_TEXT):
    """A string from the student side, capped; anything that is not a string becomes its type name."""
    if isinstance(value, str):
        return value if len(value) <= cap else value[:cap] + "…"
    return f"<{type(value).__name__}>"


def plain_int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31 else None


def clean_exception(record):
    """An exception record as the student process described it, reduced to the three fields we show."""
    if not isinstance(record, dict):
        return {"type": "Error", "message": plain_text(record), "line": None}
    return {"type": plain_text(record.get("type", "Error"), 200), "message": plain_text(record.get("message", "")),
            "line": plain_int(record.get("line"))}


def prepare_matplotlib():
    """Copies the image's font cache to the writable tmpfs so matplotlib starts without rebuilding it."""
    if os.path.isdir(MPL_CACHE) and CONTAINER_MODE:
        target = "/tmp/mplconfig"
        shutil.copytree(MPL_CACHE, target, dirs_exist_ok=True)
        for folder, _, files in os.walk(target):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o644)
        os.environ["MPLCONFIGDIR"] = target


def preload():
    """The imports nearly every job needs, done once before any job arrives (a warm container has already paid
    them). matplotlib is not among them: it costs another half second of CPU per container, so it is imported
    after the job arrives, only when the job's code uses it, and before the student's clock starts."""
    global torch, protocol, checks, student
    import numpy  # noqa: F401
    import torch
    torch.set_num_threads(max(1, int(os.environ.get("OMP_NUM_THREADS", "1"))))
    import checks
    import protocol
    import student


def student_environment():
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": WORK_DIR or os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": os.environ.get("MPLCONFIGDIR", "/tmp"),
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
    }


def become_student(request_r, response_w, stdout_w, stderr_w, limits):
    """Runs in the forked child: rewire fds, give up root, then serve the job. Never returns."""
    try:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(stdout_w, 1)
        os.dup2(stderr_w, 2)
        os.dup2(request_r, 3)
        os.dup2(response_w, 4)
        os.closerange(5, 65536)
        # When memory runs out, the kernel must kill the student's processes, never the grader.
        try:
            with open("/proc/self/oom_score_adj", "w") as adj:
                adj.write("1000")
        except OSError:
            pass
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits["file_bytes"], limits["file_bytes"]))
        if CONTAINER_MODE:
            os.setgroups([])
            os.setgid(STUDENT_UID)
            os.setuid(STUDENT_UID)
            os.makedirs(WORK_DIR, mode=0o700, exist_ok=True)
            if os.path.isdir("/opt/course-assets"):
                os.symlink("/opt/course-assets", os.path.join(WORK_DIR, "assets"))
        else:
            memory = limits.get("address_space_bytes")
            if memory:
                resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        work = WORK_DIR or os.environ.get("HARNESS_WORK_DIR") or os.getcwd()
        os.chdir(work)
        os.environ.clear()
        os.environ.update(student_environment())
        sys.stdin = open(os.devnull)
        sys.stdout = os.fdopen(1, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.stderr = os.fdopen(2, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.path[:] = [work] + [p for p in sys.path[1:] if p]
        student.serve(3, 4)
    except BaseException:
        traceback.print_exc()
    os._exit(70)


def prepare_grader_dir():
    """The grader's own working folder and HOME: created by root before the student exists, owned by the grader,
    closed to everyone else, so reference code that opens a relative path (./assets/…) can never read a file
    the student planted. Course assets are linked in read-only from the image."""
    if not CONTAINER_MODE:
        return tempfile.mkdtemp(prefix="grader-")
    # Without CAP_CHOWN, root creates the folder as the grader by borrowing its effective ids for a moment.
    os.setegid(GRADER_UID)
    os.seteuid(GRADER_UID)
    try:
        os.mkdir(GRADER_DIR, 0o700)
        if os.path.isdir(COURSE_ASSETS):
            os.symlink(COURSE_ASSETS, os.path.join(GRADER_DIR, "assets"))
    finally:
        os.seteuid(0)
        os.setegid(0)
    return GRADER_DIR


def become_grader(folder):
    if CONTAINER_MODE:
        os.setgroups([])
        os.setgid(GRADER_UID)
        os.setuid(GRADER_UID)
    os.chdir(folder)
    os.environ["HOME"] = folder
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 0: no ptrace, no /proc/<pid>/mem for anyone else


class CappedStream:
    def __init__(self, name):
        self.name = name
        self.kept = bytearray()
        self.total = 0
        self.unsent = 0

    def add(self, chunk):
        self.total += len(chunk)
        room = STREAM_CAP - len(self.kept)
        if room > 0:
            piece = chunk[:room]
            self.kept += piece
            self.unsent += len(piece)

    def pending_event(self):
        if not self.unsent:
            return None
        data = bytes(self.kept[len(self.kept) - self.unsent:])
        self.unsent = 0
        return {"event": self.name, "data": data.decode("utf-8", "replace")}

    def text(self):
        text = self.kept.decode("utf-8", "replace")
        return text + TRUNCATION_MARKER if self.total > STREAM_CAP else text


class OutputLimitExceeded(Exception):
    pass


class StudentProcess:
    """The grader's view of the student: a request/response channel plus captured output."""

    def __init__(self, pid, request_w, response_r, stdout_r, stderr_r):
        self.pid = pid
        self.request_w = request_w
        self.reader = protocol.MessageReader(response_r)
        self.stdout = CappedStream("stdout")
        self.stderr = CappedStream("stderr")
        self.open_streams = {stdout_r: self.stdout, stderr_r: self.stderr}
        for fd in (request_w, response_r, stdout_r, stderr_r):
            os.set_blocking(fd, False)
        self.broken = None
        self.exit_status = None
        self.last_flush = 0.0

    def pump(self, timeout):
        watched = list(self.open_streams) + ([] if self.reader.closed else [self.reader.fd])
        if not watched:
            time.sleep(max(0.0, timeout))
            return
        ready, _, _ = select.select(watched, [], [], max(0.0, timeout))
        for fd in ready:
            if fd == self.reader.fd:
                self.reader.feed()
                continue
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if chunk:
                self.open_streams[fd].add(chunk)
            else:
                del self.open_streams[fd]
        if self.stdout.total + self.stderr.total > OUTPUT_HARD_LIMIT:
            raise OutputLimitExceeded()
        now = time.monotonic()
        if now - self.last_flush > 0.2:
            self.flush_events()
            self.last_flush = now

    def flush_events(self):
        for stream in (self.stdout, self.stderr):
            event = stream.pending_event()
            if event:
                emit(event)

    def receive(self, deadline):
        while True:
            message = self.reader.next_message()
            if message is not None:
                return message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise protocol.ChannelTimeout()
            self.pump(min(remaining, 0.1))

    def send(self, message, deadline):
        """Writes a request without ever blocking past `deadline`: a student that stops reading its end of the
        pipe cannot stall the grader. Its output keeps being read meanwhile, so neither side waits on the other."""
        view = memoryview(protocol.encode(message))
        while view:
            try:
                view = view[os.write(self.request_w, view):]
                continue
            except BlockingIOError:
                pass
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise protocol.ChannelTimeout()
            select.select([], [self.request_w], [], min(remaining, 0.05))
            self.pump(0)

    def request(self, message, deadline):
        if self.broken:
            raise protocol.ChannelClosed(self.broken)
        try:
            self.send(message, deadline)
            return self.receive(deadline)
        except (OSError, protocol.ProtocolError, protocol.ChannelTimeout) as exc:
            self.broken = type(exc).__name__
            raise

    def hang_up(self):
        """Closes the request pipe: the student process sees the end and exits, so its output pipes close at
        once and the final drain does not wait out its timeout."""
        if self.request_w is not None:
            os.close(self.request_w)
            self.request_w = None
            self.broken = self.broken or "hung up"

    def drain(self, seconds=0.3):
        end = time.monotonic() + seconds
        while self.open_streams and time.monotonic() < end:
            self.pump(0.05)

    def reap(self, wait_seconds=0.0):
        end = time.monotonic() + wait_seconds
        while self.exit_status is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                break
            if pid:
                self.exit_status = status
                break
            if time.monotonic() >= end:
                break
            time.sleep(0.02)
        return self.exit_status


class StudentProxy:
    """What a check receives as `student`: reads values and calls functions in the student's process."""

    def __init__(self, process, deadline, source=""):
        self._process = process
        self._deadline = deadline
        self.source = checks.Source(source)

    def _ask(self, message, name):
        try:
            reply = self._process.request(message, self._deadline)
        except protocol.ChannelTimeout:
            raise checks.CheckFailed(f"Tu código tardó demasiado al usar `{name}`.") from None
        except (protocol.ProtocolError, OSError):
            raise checks.CheckFailed("Tu programa terminó o dejó de responder antes de poder comprobarse.") from None
        if not isinstance(reply, dict) or "ok" not in reply:
            raise checks.CheckFailed("Tu programa respondió algo inesperado al corrector.")
        if reply["ok"] is not True:
            raise checks.StudentError(name, clean_exception(reply.get("error")))
        return checks.restore(reply.get("value"))

    def has(self, name):
        return bool(self._ask({"op": "has", "name": name}, name))

    def get(self, name):
        if not self.has(name):
            raise checks.CheckFailed(f"No encuentro `{name}` en tu código. ¿Lo has definido con ese nombre?")
        return self._ask({"op": "get", "name": name}, name)

    def call(self, name, *args, **kwargs):
        if not self.has(name):
            raise checks.CheckFailed(f"No encuentro `{name}` en tu código. ¿La has definido con ese nombre?")
        message = {"op": "call", "name": name, "args": [checks.export(a) for a in args],
                   "kwargs": {k: checks.export(v) for k, v in kwargs.items()}}
        return self._ask(message, name)


class Reference:
    """The exercise's solution.py, executed in the grader's own namespace."""

    def __init__(self, source):
        self._namespace = {"__name__": "reference"}
        if source:
            exec(compile(source, "solution.py", "exec"), self._namespace)

    def __getattr__(self, name):
        try:
            return self._namespace[name]
        except KeyError:
            raise AttributeError(name) from None


def run_checks(job, process, deadline):
    checks.reset_registry()
    namespace = {"__name__": "checks", "torch": __import__("torch"), "math": __import__("math"),
                 "random": random}
    namespace.update({name: getattr(checks, name) for name in checks.__all__})
    exec(compile(job["checks"], "checks.py", "exec"), namespace)
    reference = Reference(job.get("solution"))
    student = StudentProxy(process, deadline, job["code"])
    results = []
    for item in checks.registered_checks():
        started = time.monotonic()
        try:
            item.function(student, reference)
            passed, message = True, ""
        except checks.CheckFailed as exc:
            passed, message = False, str(exc)
        except checks.StudentError as exc:
            passed, message = False, str(exc)
        except Exception as exc:
            passed, message = False, "La comprobación no pudo completarse con tu código."
            emit({"event": "check_error", "check": item.name, "error": f"{type(exc).__name__}: {exc}"[:2000]})
        results.append({"name": item.name, "passed": passed, "message": plain_text(message),
                        "points": item.points if passed else 0, "max_points": item.points,
                        "duration_ms": int((time.monotonic() - started) * 1000)})
    return results


def collect_figures(process, deadline):
    try:
        reply = process.request({"op": "figures"}, deadline)
    except (protocol.ProtocolError, protocol.ChannelTimeout, OSError):
        return []
    images = reply.get("value") if isinstance(reply, dict) and reply.get("ok") is True else None
    if not isinstance(images, list):
        return []
    figures = []
    for image in images[:MAX_FIGURES]:
        png = figure_bytes(image)
        if png is not None:
            figures.append(base64.b64encode(png).decode())
    return figures


def figure_bytes(image):
    """The PNG inside a tensor the student side sent, if it is a plain one: a dense CPU vector of bytes."""
    if type(image) is not torch.Tensor or image.layout != torch.strided or image.device.type != "cpu" \
            or image.dtype != torch.uint8 or image.dim() != 1 or image.numel() > MAX_FIGURE_BYTES:
        return None
    try:
        png = bytes(image.contiguous().numpy().tobytes())
    except Exception:
        return None
    return png if png.startswith(PNG_MAGIC) else None


def memory_limit_hit():
    """cgroup v1 and v2 both record OOM kills; inside the container these files are readable."""
    for path in ("/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events"):
        try:
            for line in open(path):
                key, _, value = line.partition(" ")
                if key in ("oom_kill", "oom") and int(value) > 0:
                    return True
        except (OSError, ValueError):
            continue
    try:
        return int(open("/sys/fs/cgroup/memory/memory.failcnt").read()) > 0
    except (OSError, ValueError):
        return False


def died_status(process):
    status = process.reap(wait_seconds=0.5)
    if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return "memory_limit" if memory_limit_hit() or not CONTAINER_MODE else "error"
    if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXFSZ:
        return "error"
    return None


def grade(job, process, started):
    """Runs the job against the student process and returns the result dict (without the output streams)."""
    mode = job["mode"]
    time_limit = float(job["time_limit"])
    run_deadline = started + time_limit
    result = {"status": None, "checks": [], "score": 0, "max_score": 0, "exception": None, "exit_code": None}
    try:
        finished = process.request({"code": job["code"]}, run_deadline)
    except protocol.ChannelTimeout:
        result["status"] = "timeout"
        return result
    except (protocol.ProtocolError, OSError):
        process.drain()
        result["status"] = died_status(process)
        if result["status"] is None:
            status = process.reap()
            exited_cleanly = status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
            result["exit_code"] = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
            if not exited_cleanly:
                result["status"] = "error"
            elif mode == "run":
                result["status"] = "completed"
            else:
                result["status"] = "failed"
                result["message"] = "Tu programa terminó antes de que pudieran ejecutarse las comprobaciones."
        return result
    result["run_ms"] = int((time.monotonic() - started) * 1000)
    outcome = finished.get("status") if isinstance(finished, dict) else None
    if outcome == "exception":
        result["exception"] = clean_exception(finished.get("exception"))
        is_memory = result["exception"]["type"] == "MemoryError"
        result["status"] = "memory_limit" if is_memory else "error"
    elif outcome == "exit":
        result["status"] = "error"
        result["exit_code"] = plain_int(finished.get("exit_code"))
    elif outcome != "ok":
        result["status"] = "error"
    checks_deadline = time.monotonic() + max(5.0, time_limit)
    if mode == "submit" and result["status"] is None:
        result["checks"] = run_checks(job, process, checks_deadline)
        result["max_score"] = sum(c["max_points"] for c in result["checks"])
        result["score"] = sum(c["points"] for c in result["checks"])
        passed = bool(result["checks"]) and all(c["passed"] for c in result["checks"])
        result["status"] = "passed" if passed else "failed"
    elif result["status"] is None:
        result["status"] = "completed"
    if mode == "submit" and not result["checks"] and job.get("checks"):
        result["max_score"] = job.get("points", 0)
    result["figures"] = collect_figures(process, time.monotonic() + 5)
    return result


ON_DEMAND_MODULES = {"matplotlib": "matplotlib.pyplot"}


def prepare_student(job, process):
    """Imports in the student process what this job's code needs beyond the preloaded modules, before its clock
    starts. A failure here is left for the student's own code to meet (and report) when it runs."""
    modules = [module for word, module in ON_DEMAND_MODULES.items() if word in job["code"]]
    if modules:
        try:
            process.request({"op": "prepare", "modules": modules}, time.monotonic() + 30)
        except (protocol.ProtocolError, protocol.ChannelTimeout, OSError):
            pass


def container_cpu_ms():
    """CPU the whole container has used so far (start-up and imports included), from its cgroup."""
    for path, scale in (("/sys/fs/cgroup/cpuacct/cpuacct.usage", 1e-6), ("/sys/fs/cgroup/cpu.stat", 1e-3)):
        try:
            with open(path) as source:
                text = source.read()
        except OSError:
            continue
        if path.endswith("cpu.stat"):
            text = next((line.split()[1] for line in text.splitlines() if line.startswith("usage_usec")), "")
        try:
            return int(int(text) * scale)
        except ValueError:
            continue
    return None


def read_job():
    line = sys.stdin.buffer.readline(MAX_JOB_BYTES + 1)
    if not line or len(line) > MAX_JOB_BYTES:
        raise ValueError("job missing or too large")
    job = json.loads(line)
    if job.get("mode") not in ("run", "submit") or not isinstance(job.get("code"), str):
        raise ValueError("job is malformed")
    if job["mode"] == "submit" and not isinstance(job.get("checks"), str):
        raise ValueError("submit job without checks")
    return job


def main():
    reserve_event_channel()
    prepare_matplotlib()
    preload()
    limits = {"file_bytes": int(os.environ.get("HARNESS_FILE_BYTES", 16 * 1024 * 1024)),
              "address_space_bytes": int(os.environ.get("HARNESS_ADDRESS_SPACE_BYTES", 0)) or None}
    grader_dir = prepare_grader_dir()
    request_r, request_w = os.pipe()
    response_r, response_w = os.pipe()
    stdout_r, stdout_w = os.pipe()
    stderr_r, stderr_w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        become_student(request_r, response_w, stdout_w, stderr_w, limits)
    for fd in (request_r, response_w, stdout_w, stderr_w):
        os.close(fd)
    become_grader(grader_dir)
    process = StudentProcess(pid, request_w, response_r, stdout_r, stderr_r)
    emit({"event": "ready", "pid": os.getpid()})
    try:
        job = read_job()
    except (ValueError, json.JSONDecodeError) as exc:
        emit({"event": "result", "result": {"status": "system_error", "message": str(exc)}})
        return
    seed = job.get("seed", random.SystemRandom().randrange(2**31))
    random.seed(seed)
    __import__("torch").manual_seed(seed)
    prepare_student(job, process)
    started = time.monotonic()
    try:
        result = grade(job, process, started)
    except OutputLimitExceeded:
        result = {"status": "output_limit", "checks": [], "score": 0, "max_score": job.get("points", 0)}
    except Exception as exc:
        result = {"status": "system_error", "message": f"{type(exc).__name__}: {exc}"[:2000]}
        traceback.print_exc()
    try:
        process.hang_up()
        process.drain(0.2)
    except OutputLimitExceeded:
        if result.get("status") not in ("timeout", "memory_limit"):
            result["status"] = "output_limit"
    process.flush_events()
    result.update({"stdout": process.stdout.text(), "stderr": process.stderr.text(),
                   "duration_ms": int((time.monotonic() - started) * 1000), "seed": seed,
                   "stdout_bytes": process.stdout.total, "stderr_bytes": process.stderr.total,
                   "cpu_ms": container_cpu_ms()})
    result.setdefault("figures", [])
    emit({"event": "result", "result": result})


if __name__ == "__main__":
    main()
    EVENTS.flush()
    os._exit(0)
