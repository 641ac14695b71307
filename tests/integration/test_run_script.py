"""`make run` as a newcomer uses it: it serves the course with a worker and warm sandboxes, and a Ctrl-C (SIGINT
to the terminal's process group) or a SIGTERM to the whole group stops everything within ten seconds, leaving
no process and no warm container behind."""
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from runner.sandbox import POOL_OWNER_LABEL
from tests.services import free_port

ROOT = Path(__file__).resolve().parent.parent.parent



def descendants(pid):
    table = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout.split()
    children = {}
    for child, parent in zip(table[::2], table[1::2]):
        children.setdefault(int(parent), []).append(int(child))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pids):
    return {pid for pid in pids if Path(f"/proc/{pid}").exists()
            and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()}


def owned_pool_containers(docker_client, pids):
    return [c for c in docker_client.containers.list(all=True, ignore_removed=True, filters={"label": POOL_OWNER_LABEL})
            if int(c.labels[POOL_OWNER_LABEL].split(":")[1]) in pids]


def serving(port):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200
    except OSError:
        return False


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_make_run_serves_and_stops_within_ten_seconds_leaving_nothing_behind(docker_client, tmp_path, stop_signal):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", PORT=str(port),
               SANDBOX_POOL_SIZE="1")
    log = tmp_path / "run.log"
    # As from a terminal: SIGINT has its default action even when this test runs in a background job (which
    # starts with SIGINT ignored, and a shell cannot trap a signal that was ignored when it started).
    process = subprocess.Popen(["make", "run"], cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
                               start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 300
        family, warmed = set(), []
        while time.monotonic() < deadline and not (serving(port) and warmed):
            assert process.poll() is None, log.read_text()[-3000:]
            family |= descendants(process.pid)
            warmed = owned_pool_containers(docker_client, family)
            time.sleep(0.5)
        assert serving(port) and warmed, log.read_text()[-3000:]
        family |= descendants(process.pid)

        os.killpg(process.pid, stop_signal)
        deadline = time.monotonic() + 10
        while (process.poll() is None or alive(family)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert process.poll() is not None, log.read_text()[-3000:]
        assert not alive(family), f"still running after 10 s: {alive(family)}\n{log.read_text()[-3000:]}"
        assert not owned_pool_containers(docker_client, family), "warm containers left behind"
        assert not serving(port)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        for pid in alive(descendants(process.pid)):
            os.kill(pid, signal.SIGKILL)
