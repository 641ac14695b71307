"""Sandbox backends: run one job through the harness and return its result.

`DockerSandbox` is the real one: a fresh, single-use, locked-down container per job. `LocalSandbox` runs the same
harness as a plain subprocess for development on machines without Docker; it does not isolate anything.
"""
import atexit
import json
import logging
import os
import queue
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import docker
from django.conf import settings
from docker.utils.socket import STDOUT, frames_iter

from .jobs import Job
from .models import Status
from .pool import Warm, WarmPool
from .results import STREAM_CAP, safe_text

log = logging.getLogger(__name__)

HARNESS = Path(__file__).resolve().parent / "harness" / "harness.py"
LABEL = "org.pytorch-desde-cero.submission"
POOL_OWNER_LABEL = "org.pytorch-desde-cero.pool-owner"
POOL = "pool"
MAX_EVENT_BYTES = 16 * 1024 * 1024
MAX_HARNESS_STDERR = 64 * 1024
TMPFS_INODES = 4096


@dataclass
class Outcome:
    result: dict
    image: str = ""
    device: str = "cpu"
    diagnostics: list = field(default_factory=list)
    warm: bool = False


class EventStream:
    """Splits the harness's stdout into JSON events; remembers the result and whether the harness got ready."""

    def __init__(self, on_event):
        self.on_event = on_event
        self.buffer = b""
        self.result = None
        self.ready = False
        self.overflowed = False
        self.size = 0

    def feed(self, data):
        """Never raises: a line that is not a JSON object is logged and skipped, and past MAX_EVENT_BYTES the
        stream is marked overflowed and the caller stops reading."""
        self.size += len(data)
        if self.size > MAX_EVENT_BYTES:
            self.overflowed = True
            return
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            if line.strip():
                self.handle(line)

    def handle(self, line):
        try:
            event = json.loads(line)
        except ValueError:
            log.warning("the harness wrote a line that is not JSON: %r", line[:200])
            return
        kind = event.get("event") if isinstance(event, dict) else None
        if kind == "ready":
            self.ready = True
        elif kind == "result" and isinstance(event.get("result"), dict):
            self.result = event["result"]
        elif kind == "check_error":
            log.warning("check %r raised: %s", event.get("check"), event.get("error"))
        elif self.on_event and kind in ("stdout", "stderr"):
            self.on_event({"event": kind, "data": safe_text(event.get("data"), STREAM_CAP)})

    @property
    def done(self):
        return self.result is not None or self.overflowed


def _docker_timestamp(text):
    """Docker's RFC 3339 timestamps carry nanoseconds; seconds are enough here."""
    try:
        return datetime.fromisoformat(text[:19] + "+00:00").timestamp()
    except ValueError:
        return 0.0


def failure(status, message):
    return {"status": status, "message": message, "checks": [], "stdout": "", "stderr": "", "figures": []}


class ContainerChannel:
    """The harness's stdin and multiplexed stdout/stderr, through the Docker SDK's attach socket.

    The SDK's own frame reader (`frames_iter`) blocks, so a thread walks it and hands frames over a queue; the
    caller waits with a deadline. Killing or removing the container ends the stream, and with it the thread.
    """

    def __init__(self, client, container):
        self.socket = client.api.attach_socket(container.id, params={"stdin": 1, "stdout": 1, "stderr": 1,
                                                                     "stream": 1})
        self.frames = queue.SimpleQueue()
        self.harness_stderr = b""
        self.ended = False
        threading.Thread(target=self._pump, daemon=True, name=f"attach-{container.short_id}").start()

    def _pump(self):
        try:
            for frame in frames_iter(self.socket, tty=False):
                self.frames.put(frame)
        except (OSError, ValueError) as exc:  # the socket was closed under the reader: the stream is over
            log.debug("attach stream ended: %r", exc)
        finally:
            self.frames.put(None)

    def send(self, data):
        view = memoryview(data)
        while view:
            view = view[os.write(self.socket.fileno(), view):]

    def read(self, stream, deadline, until):
        """Feeds stdout frames to `stream` until `until()` holds, the stream ends or the deadline passes.

        Returns True when the deadline passed first.
        """
        while not until():
            if self.ended:
                return False
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return True
            try:
                frame = self.frames.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            if frame is None:
                self.ended = True
                continue
            kind, payload = frame
            if kind == STDOUT:
                stream.feed(payload)
            elif len(self.harness_stderr) < MAX_HARNESS_STDERR:
                self.harness_stderr += payload
        return False

    def alive(self, stream):
        """Takes in whatever arrived while idle, without waiting; False once the stream has ended."""
        while not self.ended:
            try:
                frame = self.frames.get_nowait()
            except queue.Empty:
                return True
            if frame is None:
                self.ended = True
            elif frame[0] == STDOUT:
                stream.feed(frame[1])
            elif len(self.harness_stderr) < MAX_HARNESS_STDERR:
                self.harness_stderr += frame[1]
        return False

    def stderr_text(self):
        return self.harness_stderr.decode("utf-8", "replace")

    def close(self):
        try:
            self.socket.close()
        except OSError:
            pass


class DockerSandbox:
    """Fresh, locked-down containers, one per job; from a warm pool when one is ready, else started cold."""

    name = "docker"

    def __init__(self, client=None, pool_size=None):
        self.client = client or docker.from_env(timeout=30)
        self.pool_size = settings.SANDBOX_POOL_SIZE if pool_size is None else pool_size
        self.pid = os.getpid()
        # host:pid:instance, so that two sandboxes of one process (a test and the shared one) never count each
        # other's containers, and any process on the host can tell whether the owner still runs.
        self.owner = f"{socket.gethostname()}:{self.pid}:{uuid.uuid4().hex[:8]}"
        self.pools = {}
        self.pools_lock = threading.Lock()
        self.removals = []

    def container_options(self, job):
        types = docker.types
        memory = f"{job.memory_mb}m"
        options = dict(
            image=settings.SANDBOX_GPU_IMAGE if job.device == "gpu" else settings.SANDBOX_IMAGE,
            stdin_open=True, tty=False, detach=True, init=True,
            network_mode="none", read_only=True, user="0:0",
            cap_drop=["ALL"], cap_add=["SETUID", "SETGID"], security_opt=["no-new-privileges:true"],
            mem_limit=memory, memswap_limit=memory, nano_cpus=int(settings.SANDBOX_CPUS * 1e9),
            pids_limit=settings.SANDBOX_PIDS_LIMIT,
            ulimits=[types.Ulimit(name="nofile", soft=512, hard=512), types.Ulimit(name="core", soft=0, hard=0),
                     types.Ulimit(name="fsize", soft=32 * 1024 * 1024, hard=32 * 1024 * 1024)],
            tmpfs={"/tmp": f"rw,noexec,nosuid,nodev,size={settings.SANDBOX_TMPFS_MB}m,nr_inodes={TMPFS_INODES}"},
            environment={"OMP_NUM_THREADS": str(max(1, int(settings.SANDBOX_CPUS))), "HOME": "/tmp/work",
                         "LANG": "C.UTF-8", "HARNESS_FILE_BYTES": str(16 * 1024 * 1024)},
            labels={LABEL: str(job.submission_id)},
            hostname="sandbox",
        )
        if settings.SANDBOX_RUNTIME:
            options["runtime"] = settings.SANDBOX_RUNTIME
        if job.device == "gpu":
            options["device_requests"] = [types.DeviceRequest(count=1, capabilities=[["gpu"]])]
        return options

    # ---- warm pools ----

    def pool(self, device):
        """The warm pool for `device`, created on first use; None when pools are off."""
        if self.pool_size <= 0:
            return None
        with self.pools_lock:
            if device not in self.pools:
                self.pools[device] = WarmPool(
                    device, start=lambda stopped: self._start_warm(device, stopped),
                    discard=lambda warm: self._remove(warm.container),
                    size=self.pool_size, max_idle=settings.SANDBOX_POOL_MAX_IDLE,
                    memory_mb=settings.SANDBOX_MEMORY_MB, budget_mb=settings.SANDBOX_POOL_MEMORY_MB,
                    parallel=settings.SANDBOX_POOL_PARALLEL_STARTS, max_wait=settings.SANDBOX_STARTUP_SECONDS)
            return self.pools[device]

    def start_pools(self, devices):
        self.remove_dead_owners_containers()
        for device in devices:
            pool = self.pool(device)
            if pool is not None:
                pool.ensure_running()

    def stop_pools(self):
        with self.pools_lock:
            pools, self.pools = list(self.pools.values()), {}
        for pool in pools:
            pool.stop()
        self.wait_for_removals()

    def _start_warm(self, device, stopped):
        job = Job(submission_id="pool", mode="run", code="", memory_mb=settings.SANDBOX_MEMORY_MB, device=device)
        options = self.container_options(job)
        options["labels"] = {LABEL: POOL, POOL_OWNER_LABEL: self.owner}
        container, channel, stream = self._launch(options, on_event=None)
        channel.read(stream, time.monotonic() + settings.SANDBOX_STARTUP_SECONDS,
                     until=lambda: stream.ready or stopped.is_set())
        if not stream.ready or stopped.is_set():
            self._remove(container)
            if stopped.is_set():
                raise RuntimeError("the pool stopped while this container was starting")
            raise RuntimeError(f"the harness was not ready after {settings.SANDBOX_STARTUP_SECONDS} s")
        return Warm(container, channel, stream, settings.SANDBOX_MEMORY_MB)

    def remove_dead_owners_containers(self):
        """Pool containers left on this host by processes that no longer exist (a worker that was killed).

        Best effort: sibling processes starting at the same moment clean up too, so a container may vanish
        between listing and removing it; that is not an error, and the sweeper's reaper catches what is left.
        """
        host = socket.gethostname()
        try:
            containers = self.client.containers.list(all=True, ignore_removed=True,
                                                     filters={"label": f"{LABEL}={POOL}"})
            for container in containers:
                owner_host, pid = owner_of(container)
                if owner_host == host and pid is not None and not process_exists(pid):
                    self._remove(container)
        except docker.errors.APIError as exc:
            log.info("pool cleanup raced with another process: %s", exc)

    def _take_warm(self, job):
        pool = self.pool(job.device)
        warm = pool.take() if pool is not None else None
        if warm is not None and job.memory_mb != warm.memory_mb:
            memory = f"{job.memory_mb}m"
            try:
                warm.container.update(mem_limit=memory, memswap_limit=memory)
            except docker.errors.APIError as exc:
                log.info("could not resize a warm container to %s: %s; starting cold", memory, exc)
                self._remove(warm.container)
                return None
        return warm

    # ---- one job ----

    def _launch(self, options, on_event):
        container = self.client.containers.create(**options)
        try:
            stream = EventStream(on_event)
            channel = ContainerChannel(self.client, container)
            container.start()
        except Exception:
            self._remove(container)
            raise
        return container, channel, stream

    def run(self, job: Job, on_event=None) -> Outcome:
        warm = self._take_warm(job)
        if warm is not None:
            container, channel, stream = warm.container, warm.channel, warm.stream
            stream.on_event = on_event
            deadline = time.monotonic() + job.deadline_seconds - settings.SANDBOX_STARTUP_SECONDS
        else:
            container, channel, stream = self._launch(self.container_options(job), on_event)
            deadline = time.monotonic() + job.deadline_seconds
        outcome = Outcome(failure(Status.SYSTEM_ERROR, "the sandbox did not answer"), device=job.device,
                          warm=warm is not None)
        removed_later = False
        try:
            outcome.image = container.image.id[:19]
            channel.send(job.payload())
            timed_out = channel.read(stream, deadline, until=lambda: stream.done)
            channel.close()
            if stream.result is not None and not timed_out:
                # The verdict is in: removing the container is cleanup, not part of the student's wait.
                outcome.result = stream.result
                if channel.stderr_text().strip():
                    outcome.diagnostics.append(channel.stderr_text()[-4000:])
                self._remove_in_background(container)
                removed_later = True
                return outcome
            if timed_out or stream.overflowed:
                container.kill()
            try:
                exit_code = container.wait(timeout=10).get("StatusCode")
            except Exception as exc:
                log.warning("container %s did not stop: %r", container.short_id, exc)
                container.kill()
                exit_code = None
            container.reload()
            oom = container.attrs.get("State", {}).get("OOMKilled", False)
            harness_stderr = channel.stderr_text()
            outcome.result = self._verdict(stream, timed_out, oom, exit_code, harness_stderr)
            if harness_stderr.strip():
                outcome.diagnostics.append(harness_stderr[-4000:])
        finally:
            if not removed_later:
                self._remove(container)
        return outcome

    def _remove_in_background(self, container):
        thread = threading.Thread(target=self._remove, args=(container,), daemon=True,
                                  name=f"remove-{container.short_id}")
        thread.start()
        with self.pools_lock:
            self.removals = [t for t in self.removals if t.is_alive()] + [thread]

    def wait_for_removals(self, timeout=30):
        """Blocks until containers handed to background removal are gone (tests and shutdown use it)."""
        with self.pools_lock:
            pending = list(self.removals)
        for thread in pending:
            thread.join(timeout)

    def _remove(self, container, patience=30.0):
        """Force-removes a container and waits until Docker has really let it go."""
        deadline = time.monotonic() + patience
        while True:
            try:
                container.remove(force=True)
            except docker.errors.NotFound:
                return
            except docker.errors.APIError as exc:
                if time.monotonic() > deadline:
                    raise
                log.info("container %s not removed yet: %s", container.short_id, exc)
            try:
                container.reload()
            except docker.errors.NotFound:
                return
            time.sleep(0.5)

    @staticmethod
    def _verdict(stream, timed_out, oom, exit_code, harness_stderr):
        if stream.result is not None:
            return stream.result
        if stream.overflowed:
            return failure(Status.OUTPUT_LIMIT, "the program produced more output than allowed")
        if oom:
            return failure(Status.MEMORY_LIMIT, "the sandbox ran out of memory")
        if stream.ready and exit_code == 137 and not timed_out:
            # Killed from inside while running the student's code: its processes exhausted the sandbox.
            return failure(Status.ERROR, "the sandbox was killed while running the code (resource exhaustion)")
        if timed_out:
            return failure(Status.TIMEOUT if stream.ready else Status.SYSTEM_ERROR,
                           "wall clock exceeded" if stream.ready else "the sandbox did not start in time")
        return failure(Status.SYSTEM_ERROR, f"the harness exited with {exit_code} without a result")

    def reap_orphans(self, keep=(), min_age_seconds=600):
        """Removes labelled containers that nobody is running any more.

        A container is reaped only when it is older than any job can last and no live attempt holds it, so a
        sweeper never touches a job in flight (its own, another worker's, or a content validation's). A pool
        container that has exited is of no use to its owner either (a Docker engine restart stops them all while
        the owner's discard could not reach the engine), so it is reaped whoever owns it.
        """
        removed = 0
        now = time.time()
        for container in self.client.containers.list(all=True, ignore_removed=True, filters={"label": LABEL}):
            exited_pool = container.labels.get(LABEL) == POOL and container.status in ("exited", "dead")
            if container.labels.get(LABEL) in keep or (self._owned_by_a_live_pool(container) and not exited_pool):
                continue
            created = container.attrs.get("Created", "")
            if now - _docker_timestamp(created) < min_age_seconds:
                continue
            self._remove(container)
            removed += 1
        return removed

    @staticmethod
    def _owned_by_a_live_pool(container):
        owner_host, pid = owner_of(container)
        return owner_host == socket.gethostname() and pid is not None and process_exists(pid)

    def remove_for(self, submission_id):
        for container in self.client.containers.list(all=True, ignore_removed=True,
                                                     filters={"label": f"{LABEL}={submission_id}"}):
            self._remove(container)


class LocalSandbox:
    """Development only: the harness as a local subprocess. Student code is NOT isolated from this machine."""

    name = "local"

    def run(self, job: Job, on_event=None) -> Outcome:
        stream = EventStream(on_event)
        with tempfile.TemporaryDirectory(prefix="sandbox-") as work:
            assets = settings.CONTENT_DIR / "pytorch-desde-cero" / "assets"
            if assets.is_dir():
                os.symlink(assets, Path(work) / "assets")
            env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
                   "MPLCONFIGDIR": str(Path(work) / ".mpl"), "HARNESS_WORK_DIR": work,
                   "HARNESS_ADDRESS_SPACE_BYTES": str((job.memory_mb + 3072) * 1024 * 1024)}
            process = subprocess.Popen([sys.executable, "-I", str(HARNESS)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work, env=env,
                                       start_new_session=True)
            process.stdin.write(job.payload())
            process.stdin.close()
            deadline = time.monotonic() + job.deadline_seconds
            timed_out = False
            os.set_blocking(process.stdout.fileno(), False)
            while not stream.done:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                ready, _, _ = select.select([process.stdout], [], [], min(remaining, 1.0))
                if ready:
                    chunk = process.stdout.read(65536)
                    if not chunk:
                        break
                    stream.feed(chunk)
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
            harness_stderr = process.stderr.read().decode("utf-8", "replace")
        result = stream.result or DockerSandbox._verdict(stream, timed_out, False, process.returncode, harness_stderr)
        diagnostics = [harness_stderr[-4000:]] if harness_stderr else []
        return Outcome(result, image="local", device="cpu", diagnostics=diagnostics)


def owner_of(container):
    """(host, pid) of the process whose pool made a container, from its owner label."""
    parts = container.labels.get(POOL_OWNER_LABEL, "").split(":")
    if len(parts) < 2 or not parts[1].isdigit():
        return None, None
    return parts[0], int(parts[1])


def process_exists(pid):
    """True while the process runs; a zombie (killed, not yet reaped) counts as gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return False


_shared = None
_shared_lock = threading.Lock()


def get_sandbox():
    """The process's sandbox: one DockerSandbox per process, so its warm pools serve every job it runs."""
    global _shared
    if settings.SANDBOX_BACKEND == "local":
        return LocalSandbox()
    with _shared_lock:
        if _shared is None or _shared.pid != os.getpid():
            _shared = DockerSandbox()
            atexit.register(_shared.stop_pools)  # a process that ends leaves no warm container behind
        return _shared
