"""What an operator watches: /healthz (the process answers), /readyz (database, broker, a live worker for every
queue with work waiting) and /metrics (Prometheus), read from the database and the workers' Redis heartbeats."""
import json
import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from config.logs import JsonFormatter
from runner import live, telemetry
from runner.logs import SubmissionIdFilter, submission_context
from tests.factories import SubmissionFactory
from tests.services import require

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_telemetry(isolated_telemetry):
    """Heartbeats and counters of these tests' own, in the test Redis (skips where there is none). The keys get a
    prefix of their own, so a real test worker beating in the same session never counts here."""
    client = live.redis_client()
    require(client is not None, "heartbeats and counters need Redis (REDIS_URL)")
    keys = [telemetry.workers_key("cpu"), telemetry.workers_key("gpu"), telemetry.latency_key("cpu"),
            telemetry.latency_key("gpu"), telemetry.POOLS_KEY, telemetry.SANDBOX_FAILURES_KEY]
    client.delete(*keys)
    yield client
    client.delete(*keys)


@pytest.fixture
def without_redis(settings, monkeypatch):
    settings.REDIS_URL = ""
    monkeypatch.setattr(live, "_client", None)


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")  # a probe asks by address, not by name
    assert response.status_code == 200 and response.json() == {"ok": True}


def test_readyz_is_ready_with_nothing_queued_and_names_each_check(client, redis_telemetry):
    body = client.get("/readyz").json()
    assert body["ready"] is True
    assert set(body["checks"]) == {"database", "broker", "workers"}
    assert all(check["ok"] for check in body["checks"].values())


def test_readyz_fails_while_work_waits_on_a_queue_no_worker_serves(client, redis_telemetry):
    SubmissionFactory(queue="gpu")
    telemetry.beat("cpu-worker@here", ["cpu"])
    response = client.get("/readyz")
    assert response.status_code == 503
    workers = response.json()["checks"]["workers"]
    assert workers["ok"] is False
    assert workers["queues"]["gpu"] == {"queued": 1, "live_workers": 0}
    assert workers["queues"]["cpu"] == {"queued": 0, "live_workers": 1}


def test_readyz_is_ready_again_once_a_worker_beats_on_that_queue(client, redis_telemetry):
    SubmissionFactory(queue="cpu")
    assert client.get("/readyz").status_code == 503
    telemetry.beat("cpu-worker@here", ["cpu"])
    assert client.get("/readyz").status_code == 200


def test_a_worker_that_stops_cleanly_leaves_at_once(client, redis_telemetry):
    SubmissionFactory(queue="cpu")
    telemetry.beat("cpu-worker@here", ["cpu"])
    telemetry.leave("cpu-worker@here", ["cpu"])
    assert client.get("/readyz").status_code == 503


def test_readyz_fails_when_the_broker_is_unreachable(client, settings, monkeypatch):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    monkeypatch.setattr(live, "_client", None)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False


def test_without_redis_readyz_says_liveness_is_not_checked_and_does_not_fail(client, without_redis):
    SubmissionFactory(queue="cpu")
    body = client.get("/readyz").json()
    assert body["ready"] is True
    assert "embedded" in body["checks"]["broker"]["broker"]
    assert body["checks"]["workers"]["checked"] is False and "Redis" in body["checks"]["workers"]["reason"]


def metric_lines(client):
    response = client.get("/metrics")
    assert response.status_code == 200
    return response.content.decode().splitlines()


def test_metrics_count_submissions_by_status_and_queue(client, without_redis):
    SubmissionFactory.create_batch(2, queue="cpu")
    SubmissionFactory(queue="gpu", status="passed")
    lines = metric_lines(client)
    assert 'platform_submissions{queue="cpu",status="queued"} 2.0' in lines
    assert 'platform_submissions{queue="gpu",status="passed"} 1.0' in lines
    assert any(line.startswith("django_http_requests_total") for line in lines)  # django-prometheus's own


def test_metrics_read_what_the_workers_published(client, redis_telemetry):
    finished = timezone.now()
    telemetry.record_verdict(SubmissionFactory(queue="cpu", status="passed", finished_at=finished))
    quick = SubmissionFactory(queue="cpu", status="passed")
    quick.finished_at = quick.created_at + timedelta(seconds=4)
    telemetry.record_verdict(quick)
    telemetry.record_sandbox_failure("gpu")
    telemetry.beat("cpu-worker@here", ["cpu"])
    redis_telemetry.rpush("cpu", "message-1", "message-2")
    try:
        lines = metric_lines(client)
    finally:
        redis_telemetry.delete("cpu")
    assert 'platform_grading_latency_seconds_count{queue="cpu"} 2.0' in lines
    assert 'platform_grading_latency_seconds_bucket{le="3.0",queue="cpu"} 1.0' in lines
    assert 'platform_grading_latency_seconds_bucket{le="5.0",queue="cpu"} 2.0' in lines
    assert 'platform_sandbox_failures_total{queue="gpu"} 1.0' in lines
    assert 'platform_live_workers{queue="cpu"} 1.0' in lines
    assert 'platform_queue_length{queue="cpu"} 2.0' in lines


class FakePool:
    def __init__(self, size, ready, hits, misses):
        self.size, self.ready = size, [object()] * ready
        self.stats = type("Stats", (), {"hits": hits, "misses": misses, "failures": 0})()


def test_pool_numbers_of_every_worker_process_are_summed_per_device(client, redis_telemetry, monkeypatch):
    telemetry.publish_pools({"cpu": FakePool(2, 1, 10, 3)})
    monkeypatch.setattr(telemetry, "this_process", lambda: "other-host:42")
    telemetry.publish_pools({"cpu": FakePool(2, 2, 5, 1)})
    lines = metric_lines(client)
    assert 'platform_pool_size{device="cpu"} 4.0' in lines
    assert 'platform_pool_hits_total{device="cpu"} 15.0' in lines
    assert 'platform_pool_misses_total{device="cpu"} 4.0' in lines


def test_every_runner_line_carries_its_submission_id():
    text = logging.LogRecord("runner.lifecycle", logging.WARNING, __file__, 1, "submission %s: sandbox gone",
                             ("abc-1",), None)
    inside = logging.LogRecord("runner.sandbox", logging.INFO, __file__, 1, "container started", (), None)
    with submission_context("abc-2"):
        SubmissionIdFilter().filter(inside)
    SubmissionIdFilter().filter(text)
    assert text.submission_id == "abc-1" and inside.submission_id == "abc-2"


def test_log_lines_are_json_objects_with_the_submission_id():
    record = logging.LogRecord("runner.lifecycle", logging.ERROR, __file__, 1, "submission %s: lost", ("abc-3",),
                               None)
    SubmissionIdFilter().filter(record)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["submission_id"] == "abc-3" and entry["message"] == "submission abc-3: lost"
    assert entry["level"] == "ERROR" and entry["logger"] == "runner.lifecycle"
