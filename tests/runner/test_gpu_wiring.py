"""GPU wiring, checked without a GPU (none exists on these machines): a `device: gpu` exercise goes to the `gpu`
queue, a `device: any` exercise goes there only while a GPU worker's heartbeat is fresh, and its container asks
Docker for exactly one GPU with the GPU image. The GPU itself is not exercised."""
import pytest
from django.test import override_settings

from runner import lifecycle, live, submissions, telemetry
from runner.jobs import Job
from runner.sandbox import DockerSandbox, Outcome
from tests.services import require

pytestmark = pytest.mark.django_db


class NoDocker:
    """Stands in for the Docker client: these tests only build options, they never start a container."""


def test_a_gpu_exercise_is_queued_on_the_gpu_queue(exercise, student, django_capture_on_commit_callbacks):
    exercise.device = "gpu"
    exercise.save()
    with django_capture_on_commit_callbacks() as callbacks:
        submission, _ = submissions.create_submission(student, exercise=exercise, code="x = 1", mode="submit")
    assert submission.queue == "gpu" and len(callbacks) == 1
    assert lifecycle.job_for(submission).device == "gpu"


@pytest.mark.parametrize("device, queue", [("cpu", "cpu"), ("any", "cpu")])
def test_cpu_and_any_exercises_use_the_cpu_queue_without_a_gpu_worker(exercise, student, device, queue,
                                                                      isolated_telemetry):
    exercise.device = device
    exercise.save()
    submission, _ = submissions.create_submission(student, exercise=exercise, code="x = 1", mode="run")
    assert submission.queue == queue


@override_settings(SANDBOX_GPU_IMAGE="pytorch-sandbox-gpu:test", SANDBOX_IMAGE="pytorch-sandbox:test")
def test_gpu_containers_request_one_gpu_and_cpu_containers_none():
    sandbox = DockerSandbox(client=NoDocker())
    gpu = sandbox.container_options(Job("s1", "run", "x = 1", device="gpu"))
    cpu = sandbox.container_options(Job("s2", "run", "x = 1", device="cpu"))
    assert gpu["image"] == "pytorch-sandbox-gpu:test" and cpu["image"] == "pytorch-sandbox:test"
    (request,) = gpu["device_requests"]
    assert request["Count"] == 1 and request["Capabilities"] == [["gpu"]]
    assert "device_requests" not in cpu


def test_every_container_is_locked_down_the_same_way():
    options = DockerSandbox(client=NoDocker()).container_options(Job("s3", "run", "x = 1", memory_mb=768))
    assert options["network_mode"] == "none" and options["read_only"] is True
    assert options["cap_drop"] == ["ALL"] and options["cap_add"] == ["SETUID", "SETGID"]
    assert options["security_opt"] == ["no-new-privileges:true"] and options["init"] is True
    assert options["mem_limit"] == options["memswap_limit"] == "768m"
    assert "noexec" in options["tmpfs"]["/tmp"] and "nosuid" in options["tmpfs"]["/tmp"]
    assert set(options["environment"]) == {"OMP_NUM_THREADS", "HOME", "LANG", "HARNESS_FILE_BYTES"}
    assert options["labels"] == {"org.pytorch-desde-cero.submission": "s3"}


@pytest.fixture
def heartbeats(isolated_telemetry):
    """Worker heartbeats live in Redis, under keys of these tests' own; each test starts with none. Only the GPU
    worker is imagined here: its heartbeat is written as a real GPU worker would write it, and nothing runs on it."""
    client = live.redis_client()
    require(client is not None, "worker heartbeats need Redis (REDIS_URL)")
    client.delete(telemetry.workers_key("cpu"), telemetry.workers_key("gpu"))
    yield client
    client.delete(telemetry.workers_key("cpu"), telemetry.workers_key("gpu"))


def test_an_any_exercise_goes_to_the_gpu_queue_while_a_gpu_worker_is_alive(exercise, student, heartbeats):
    exercise.device = "any"
    exercise.save()
    telemetry.beat("gpu-worker@imagined", ["gpu"])
    submission, _ = submissions.create_submission(student, exercise=exercise, code="x = 1", mode="submit")
    assert submission.queue == "gpu" and lifecycle.job_for(submission).device == "gpu"


def test_an_any_exercise_stays_on_the_cpu_once_the_gpu_heartbeat_is_stale(exercise, student, heartbeats):
    exercise.device = "any"
    exercise.save()
    stale = telemetry.now(heartbeats) - telemetry.HEARTBEAT_TTL - 1
    heartbeats.zadd(telemetry.workers_key("gpu"), {"gpu-worker@gone": stale})
    telemetry.beat("cpu-worker@here", ["cpu"])
    submission, _ = submissions.create_submission(student, exercise=exercise, code="x = 1", mode="submit")
    assert submission.queue == "cpu" and lifecycle.job_for(submission).device == "cpu"


def test_cpu_exercises_never_go_to_the_gpu_even_with_a_gpu_worker_alive(exercise, student, heartbeats):
    telemetry.beat("gpu-worker@imagined", ["gpu"])
    submission, _ = submissions.create_submission(student, exercise=exercise, code="x = 1", mode="run")
    assert submission.queue == "cpu"


def test_the_result_records_the_device_the_sandbox_ran_on(exercise, student):
    submission, _ = submissions.create_submission(student, exercise=exercise, code="x = 1", mode="run")
    claimed, token = lifecycle.claim(submission.pk)
    finished = lifecycle.finish(claimed, token, Outcome({"status": "completed"}, image="img", device="gpu"))
    assert finished.device == "gpu"
