"""A bad day for the platform, with real parts: gunicorn, a Celery worker and beat, a Redis server of the test's own
(append-only, as in docker-compose.yml), the test PostgreSQL and Docker, all talking over loopback.

Each fault is followed by the same three proofs: every submission reaches exactly one terminal state (and is counted
once in the student's results), no sandbox container is left behind, and service resumes by itself (a submission
made after the fault is graded without anyone stepping in).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from courses import tokens
from courses.models import ExerciseResult
from runner.models import TERMINAL, Submission
from runner.sandbox import LABEL, POOL_OWNER_LABEL
from tests.factories import EXERCISE_TEMPLATE, make_user
from tests.services import database_url, free_port, require, wait

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
CORRECT = (EXERCISE_TEMPLATE / "solution.py").read_text()  # the test course's graded exercise




class Stack:
    """The platform's processes, each started and stopped the way an operator would."""

    def __init__(self, workdir, **overrides):
        self.workdir = workdir
        self.redis_port, self.web_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.web_port}"
        self.env = dict(os.environ, DEBUG="1", DATABASE_URL=database_url(), VAR_DIR=str(workdir),
                        REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0", SANDBOX_BACKEND="docker",
                        SANDBOX_POOL_SIZE="1", SWEEP_INTERVAL_SECONDS="2", SUBMISSION_QUEUED_GRACE_SECONDS="5",
                        SUBMISSION_RATE="100000/min", LOG_LEVEL="WARNING", **overrides)
        self.log = open(workdir / "stack.log", "a")
        self.redis = self.web = self.worker = self.beat = None
        self.start_redis()
        self.web = self.spawn([PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{self.web_port}",
                               "--workers", "1", "--worker-class", "gthread", "--threads", "8"])
        wait(self.serving, 60, lambda: "gunicorn did not start\n" + self.tail())
        self.beat = self.spawn([PYTHON, "-m", "celery", "-A", "config", "beat", "--loglevel", "WARNING",
                                "--schedule", str(workdir / "beat-schedule")])
        self.start_worker()

    def spawn(self, command):
        return subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)

    def tail(self):
        self.log.flush()
        return (self.workdir / "stack.log").read_text()[-4000:]

    def serving(self):
        try:
            return urllib.request.urlopen(self.base + "/healthz", timeout=2).status == 200
        except OSError:
            return False

    # ---- Redis ----
    def start_redis(self):
        self.redis = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.redis_port), "--bind", "127.0.0.1", "--dir",
             str(self.workdir), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
             "--maxmemory-policy", "noeviction"], stdout=self.log, stderr=subprocess.STDOUT)
        wait(lambda: subprocess.run(["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True,
                                    text=True).stdout.strip() == "PONG", 20, lambda: "redis did not start")

    def stop_redis(self):
        self.redis.terminate()
        self.redis.wait(timeout=20)

    # ---- the worker ----
    def start_worker(self):
        self.worker = self.spawn([PYTHON, "-m", "celery", "-A", "config", "worker", "-Q", "cpu", "--concurrency",
                                  "1", "--without-gossip", "--without-mingle", "--loglevel", "WARNING",
                                  "-n", f"faults-{time.time_ns()}@%h"])

    def stop_worker(self, sig=signal.SIGTERM):
        self.worker.send_signal(sig)
        began = time.monotonic()
        self.worker.wait(timeout=30)
        return time.monotonic() - began

    def worker_children(self):
        found = subprocess.run(["pgrep", "-P", str(self.worker.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in found.split()]

    # ---- the API, as a script with a token uses it ----
    def call(self, path, payload=None, token=None):
        request = urllib.request.Request(self.base + path, method="POST" if payload is not None else "GET",
                                         data=json.dumps(payload).encode() if payload is not None else None,
                                         headers={"Authorization": f"Bearer {token}",
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, self.body(response.read()), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, self.body(error.read()), dict(error.headers)

    def body(self, raw):
        try:
            return json.loads(raw or b"{}")
        except ValueError:
            return {"not json": raw[:2000].decode(errors="replace"), "log": self.tail()}

    def close(self):
        for process in (self.worker, self.beat, self.web, self.redis):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.log.close()


@pytest.fixture
def stack_for(tmp_path, docker_client, course_exercise):
    require(shutil.which("redis-server"), "redis-server is needed for the fault tests")
    stacks = []

    def make(**overrides):
        stacks.append(Stack(tmp_path, **overrides))
        return stacks[-1]

    yield make
    for stack in stacks:
        stack.close()


@pytest.fixture
def student_token(db):
    return tokens.create(make_user("faults-student"), "pruebas de fallos")[1]


def submit(stack, token, exercise, code=CORRECT):
    status, data, _ = stack.call("/api/submissions/", {"exercise": str(exercise.uuid), "code": code,
                                                       "mode": "submit"}, token)
    assert status == 201, (status, data)
    return data["id"]


def assert_all_settled(stack, exercise, ids, docker_client, timeout=180):
    """Every submission ends in exactly one terminal state, is counted once, and leaves no container behind."""
    connection.close()  # the database may have restarted under this connection
    rows = Submission.objects.filter(pk__in=ids)
    wait(lambda: rows.filter(status__in=TERMINAL).count() == len(ids), timeout,
         lambda: f"not terminal: {list(rows.exclude(status__in=TERMINAL).values_list('status', flat=True))}\n"
                 + stack.tail())
    assert sorted(rows.values_list("status", flat=True)) == ["passed"] * len(ids)
    result = ExerciseResult.objects.get(exercise=exercise, user__username="faults-student")
    assert result.attempts == Submission.objects.filter(user=result.user, exercise=exercise).count()
    wait(lambda: not [c for c in docker_client.containers.list(all=True, ignore_removed=True, filters={"label": LABEL})
                      if c.labels.get(LABEL) in {str(i) for i in ids}], 30,
         lambda: "containers of these submissions were left behind")


def worker_pool_containers(docker_client, pids):
    return [c for c in docker_client.containers.list(all=True, ignore_removed=True,
                                                     filters={"label": POOL_OWNER_LABEL})
            if int(c.labels[POOL_OWNER_LABEL].split(":")[1]) in pids]


def test_a_redis_restart_loses_no_submission_and_grading_resumes(stack_for, student_token, course_exercise,
                                                                   docker_client):
    stack = stack_for()
    before = submit(stack, student_token, course_exercise)
    stack.stop_redis()
    during = submit(stack, student_token, course_exercise)  # the broker is down: stored, published later
    stack.start_redis()
    after = submit(stack, student_token, course_exercise)
    assert_all_settled(stack, course_exercise, [before, during, after], docker_client)


def test_a_postgresql_restart_loses_no_submission_and_grading_resumes(stack_for, student_token, course_exercise,
                                                                        docker_client):
    require(shutil.which("pg_ctlcluster"), "pg_ctlcluster restarts the test's PostgreSQL")
    stack = stack_for()
    first = submit(stack, student_token, course_exercise)
    wait(lambda: Submission.objects.get(pk=first).status in TERMINAL, 120, stack.tail)
    slow = submit(stack, student_token, course_exercise,
                  code="import time\ntime.sleep(3)\n" + CORRECT)  # grading while the database goes away
    wait(lambda: Submission.objects.get(pk=slow).status == "running", 60, stack.tail)
    connection.close()
    subprocess.run(["pg_ctlcluster", "15", "main", "restart", "-m", "fast"], check=True, capture_output=True)
    connection.close()
    wait(stack.serving, 60, stack.tail)
    after = submit(stack, student_token, course_exercise)
    assert_all_settled(stack, course_exercise, [first, slow, after], docker_client, timeout=240)


def test_stopping_and_starting_the_worker_ten_times_loses_nothing(stack_for, student_token, course_exercise,
                                                                   docker_client):
    stack = stack_for()
    ids, stop_times, pids = [], [], set()
    for _ in range(10):
        ids.append(submit(stack, student_token, course_exercise))
        time.sleep(1.0)
        pids |= set(stack.worker_children())
        stop_times.append(stack.stop_worker())
        stack.start_worker()
    assert max(stop_times) <= 10, stop_times
    ids.append(submit(stack, student_token, course_exercise))
    assert_all_settled(stack, course_exercise, ids, docker_client, timeout=300)
    assert not worker_pool_containers(docker_client, pids), "stopped workers left warm containers behind"


def test_a_full_queue_answers_busy_and_loses_nothing(stack_for, student_token, course_exercise, docker_client):
    stack = stack_for(SUBMISSION_QUEUE_CAP="3")
    stack.stop_worker()
    accepted, refused = [], []
    for n in range(6):
        status, data, headers = stack.call("/api/submissions/", {"exercise": str(course_exercise.uuid),
                                                                 "code": CORRECT + f"# {n}\n", "mode": "submit"},
                                           student_token)
        (accepted if status == 201 else refused).append((status, data, headers))
    assert len(accepted) == 3 and [status for status, _, _ in refused] == [503] * 3
    assert all("inténtalo de nuevo" in data["detail"] and int(headers["Retry-After"]) > 0
               for _, data, headers in refused)
    assert Submission.objects.filter(exercise=course_exercise).count() == 3
    stack.start_worker()
    assert_all_settled(stack, course_exercise, [data["id"] for _, data, _ in accepted], docker_client)
    again = submit(stack, student_token, course_exercise)
    assert_all_settled(stack, course_exercise, [data["id"] for _, data, _ in accepted] + [again], docker_client)


def restart_docker_daemon(docker_client):
    """Stops the Docker engine and starts it again with the same command line, as a host reboot of the engine
    would: every container it ran dies."""
    found = subprocess.run(["pgrep", "-x", "dockerd"], capture_output=True, text=True).stdout.split()
    require(found, "the Docker engine is not a dockerd process on this machine")
    pid = int(found[0])
    command = Path(f"/proc/{pid}/cmdline").read_bytes().rstrip(b"\0").split(b"\0")
    os.kill(pid, signal.SIGTERM)
    wait(lambda: not Path(f"/proc/{pid}").exists(), 60, lambda: "dockerd did not stop")
    log = open("/tmp/dockerd-restarted.log", "a")
    subprocess.Popen([part.decode() for part in command], stdout=log, stderr=subprocess.STDOUT,
                     start_new_session=True)

    def answers():
        try:
            return docker_client.ping()
        except Exception:
            return False

    wait(answers, 60, lambda: "dockerd did not come back")


def test_a_docker_engine_restart_loses_no_submission_and_the_pool_recovers(stack_for, student_token,
                                                                            course_exercise, docker_client):
    if not os.environ.get("FAULTS_RESTART_DOCKER"):
        pytest.skip("restarts the Docker engine that every other test uses: .ci/run runs it alone, last, with "
                    "FAULTS_RESTART_DOCKER=1")
    stack = stack_for()
    before = submit(stack, student_token, course_exercise)
    wait(lambda: Submission.objects.get(pk=before).status in TERMINAL, 120, stack.tail)
    restart_docker_daemon(docker_client)
    after = [submit(stack, student_token, course_exercise) for _ in range(3)]
    assert_all_settled(stack, course_exercise, [before, *after], docker_client, timeout=240)
    wait(lambda: worker_pool_containers(docker_client, set(stack.worker_children())), 90,
         lambda: "the worker's warm pool did not refill after the engine came back\n" + stack.tail())
