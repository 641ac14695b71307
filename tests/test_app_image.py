"""The platform's own image (scripts/build_app_image.sh), run as a deployment runs it: a web container and a worker
container (root, with the Docker socket, as in docker-compose.yml) against the test's PostgreSQL and Redis, with
DEBUG off. Their broker is a Redis server of the test's own: a worker of the test session on the shared Redis would
otherwise compete for the submission. The probes answer, a page renders with its collected static files, and a submission made through the
web container's API is graded by the worker container in a sandbox container, end to end."""
import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from courses import tokens
from runner.models import TERMINAL, Status, Submission
from runner.sandbox import LABEL, POOL_OWNER_LABEL
from tests.factories import EXERCISE_TEMPLATE, make_user
from tests.services import database_url, free_port, require, wait

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]
APP_IMAGE = "pytorch-desde-cero-platform:latest"
CORRECT = (EXERCISE_TEMPLATE / "solution.py").read_text()  # the test course's graded exercise
TEST_LABEL = "org.pytorch-desde-cero.app-image-test"




def logs(container, tail=60):
    try:
        return container.logs(tail=tail).decode(errors="replace")
    except Exception as exc:
        return f"(no logs: {exc})"


class Deployment:
    """The image's web and worker containers on the host's network, named after this test run."""

    def __init__(self, client, redis_url):
        self.client = client
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.worker_host = f"app-image-worker-{os.getpid()}"
        self.environment = {
            "SECRET_KEY": "app-image-test-" + os.urandom(16).hex(), "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0", "DATABASE_URL": database_url(),
            "REDIS_URL": redis_url, "SANDBOX_IMAGE": settings.SANDBOX_IMAGE, "SANDBOX_POOL_SIZE": "1",
            "SUBMISSION_RATE": "1000/min", "LOG_FORMAT": "json",
        }
        self.containers = []

    def start(self, name, **options):
        container = self.client.containers.run(
            APP_IMAGE, detach=True, name=f"{name}-{os.getpid()}-{time.time_ns()}", network_mode="host",
            labels={TEST_LABEL: str(os.getpid())}, **options)
        self.containers.append(container)
        return container

    def start_web(self):
        # The image's own command (gunicorn, DEBUG off); gunicorn binds 0.0.0.0:$PORT.
        self.web = self.start("app-image-web", environment={**self.environment, "PORT": str(self.port)})
        wait(self.serving, 90, lambda: "the web container did not answer /healthz:\n" + logs(self.web))

    def start_worker(self):
        # As docker-compose.yml runs worker-cpu: root, the engine's socket, DOCKER_HOST. A host name of its own
        # tells its submissions and its warm pool apart from any worker running on this machine.
        self.worker = self.start(
            "app-image-worker", user="root", hostname=self.worker_host,
            environment={**self.environment, "DOCKER_HOST": "unix:///var/run/docker.sock"},
            volumes={"/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"}},
            command=["python3", "-m", "celery", "-A", "config", "worker", "-Q", "cpu", "--concurrency", "1",
                     "--loglevel", "INFO", "--without-gossip", "--without-mingle", "-n", f"celery@{self.worker_host}"])
        wait(lambda: "ready." in logs(self.worker, tail="all") or self.exited(self.worker), 90,
             lambda: "the worker container did not get ready:\n" + logs(self.worker))
        assert not self.exited(self.worker), logs(self.worker)

    @staticmethod
    def exited(container):
        container.reload()
        return container.status in {"exited", "dead"}

    def serving(self):
        if self.exited(self.web):
            raise AssertionError("the web container stopped:\n" + logs(self.web))
        try:
            return urllib.request.urlopen(self.base + "/healthz", timeout=2).status == 200
        except OSError:
            return False

    def get(self, path, token=None):
        return self.call(urllib.request.Request(self.base + path, headers=self.headers(token)))

    def post(self, path, payload, token):
        return self.call(urllib.request.Request(self.base + path, data=json.dumps(payload).encode(), method="POST",
                                                headers={**self.headers(token), "Content-Type": "application/json"}))

    @staticmethod
    def headers(token):
        return {"Authorization": f"Bearer {token}"} if token else {}

    @staticmethod
    def call(request):
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def pool_containers(self):
        return [c for c in self.client.containers.list(all=True, ignore_removed=True,
                                                       filters={"label": POOL_OWNER_LABEL})
                if c.labels[POOL_OWNER_LABEL].startswith(f"{self.worker_host}:")]

    def close(self):
        """Stops the worker as an operator would (its warm pool drains), then removes every container."""
        for container in reversed(self.containers):
            try:
                container.stop(timeout=30)
            except Exception:
                pass
        for container in self.containers:
            try:
                container.remove(force=True)
            except Exception:
                pass


@pytest.fixture
def private_redis(tmp_path):
    require(shutil.which("redis-server"), "redis-server is needed for the application image test")
    port = free_port()
    server = subprocess.Popen([shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--dir",
                               str(tmp_path), "--save", "", "--appendonly", "no"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait(lambda: subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True,
                                    text=True).stdout.strip() == "PONG", 20, lambda: "redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def deployment(docker_client, exercise, private_redis):
    try:
        docker_client.images.get(APP_IMAGE)
    except Exception:
        require(False, f"application image {APP_IMAGE} missing (run scripts/build_app_image.sh)")
    if connection.vendor != "postgresql":
        pytest.skip("the containers need a database server to share with the test (DATABASE_URL=postgres://...)")
    deployment = Deployment(docker_client, private_redis)
    yield deployment
    deployment.close()
    left = deployment.pool_containers()
    for container in left:
        container.remove(force=True)
    assert not left, f"the worker container left sandbox containers behind: {[c.name for c in left]}"

def test_the_image_serves_the_platform_and_grades_a_submission_end_to_end(deployment, exercise,
                                                                          docker_client):
    deployment.start_web()
    status, body = deployment.get("/healthz")
    assert status == 200 and json.loads(body) == {"ok": True}

    # A page with DEBUG off: its static files carry the hashed names of the manifest collected at build time.
    status, body = deployment.get("/")
    assert status == 200, body[-2000:]
    stylesheet = re.search(rb'href="(/static/frontend/app\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, body[:3000]
    status, css = deployment.get(stylesheet.group(1).decode())
    assert status == 200 and css

    deployment.start_worker()
    status, body = deployment.get("/readyz")
    assert status == 200, body
    assert all(check["ok"] for check in json.loads(body)["checks"].values())

    token = tokens.create(make_user("imagen"), "imagen")[1]
    status, body = deployment.post("/api/submissions/", {"exercise": str(exercise.uuid), "code": CORRECT,
                                                          "mode": "submit"}, token)
    assert status == 201, body
    submission_id = json.loads(body)["id"]

    submission = Submission.objects.get(pk=submission_id)
    wait(lambda: (submission.refresh_from_db() or submission.status) in TERMINAL, 180,
         lambda: f"still {submission.status}\nworker:\n{logs(deployment.worker)}")
    assert submission.status == Status.PASSED, (submission.status, submission.message, submission.stderr[-2000:])
    assert submission.worker == deployment.worker_host  # graded by the image's worker, not a worker on the host

    status, body = deployment.get(f"/api/submissions/{submission_id}/", token)
    assert status == 200 and json.loads(body)["status"] == Status.PASSED, body

    wait(lambda: not docker_client.containers.list(all=True, ignore_removed=True,
                                                   filters={"label": f"{LABEL}={submission_id}"}), 30,
         lambda: "the submission's sandbox container was left behind")
