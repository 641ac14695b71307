"""The platform's own Prometheus metrics, computed when `/metrics` is scraped (django-prometheus serves the page
and adds the request, database and cache metrics).

Workers and the web may run on different hosts, so every number here is read from shared state at scrape time,
never from this process's memory: every web process, whichever one Prometheus reaches, reports the same values.
"""
from django.db.models import Count
from prometheus_client import REGISTRY
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily

from . import telemetry
from .models import Queue, Submission


class PlatformCollector:
    def describe(self):
        """Nothing to declare ahead: the registry must not scrape (and query the database) when it registers us."""
        return []

    def collect(self):
        yield self.submissions()
        yield from self.from_redis()

    @staticmethod
    def submissions():
        """From the database: submission rows by status and queue (every state, terminal or not)."""
        family = GaugeMetricFamily("platform_submissions", "Submissions stored, by status and queue",
                                   labels=["status", "queue"])
        rows = Submission.objects.values_list("status", "queue").annotate(n=Count("pk")).order_by()
        for status, queue, count in rows:
            family.add_metric([status, queue], count)
        return family

    @staticmethod
    def from_redis():
        """From Redis, written by the workers (runner/telemetry.py); nothing without Redis."""
        if telemetry.redis_client() is None:
            return
        length = GaugeMetricFamily("platform_queue_length", "Messages waiting in the broker, by queue",
                                   labels=["queue"])
        workers = GaugeMetricFamily("platform_live_workers", "Workers with a fresh heartbeat, by queue",
                                    labels=["queue"])
        latency = HistogramMetricFamily("platform_grading_latency_seconds",
                                        "From the student's request to the stored verdict, by queue",
                                        labels=["queue"])
        for queue in Queue.values:
            length.add_metric([queue], telemetry.broker_queue_length(queue))
            workers.add_metric([queue], len(telemetry.live_workers(queue)))
            buckets, count, total = telemetry.latency(queue)
            latency.add_metric([queue], [(str(float(bound)), value)
                                         for bound, value in zip(telemetry.LATENCY_BUCKETS, buckets)]
                               + [("+Inf", count)], sum_value=total)
        yield from (length, workers, latency)

        failures = CounterMetricFamily("platform_sandbox_failures", "Submissions the sandbox could not run at all "
                                       "(sent back to the queue), by queue", labels=["queue"])
        for queue, count in telemetry.sandbox_failures().items():
            failures.add_metric([queue], count)
        yield failures

        size = GaugeMetricFamily("platform_pool_size", "Warm containers wanted, summed over the worker processes",
                                 labels=["device"])
        ready = GaugeMetricFamily("platform_pool_ready", "Warm containers ready now", labels=["device"])
        hits = CounterMetricFamily("platform_pool_hits", "Jobs served by a warm container", labels=["device"])
        misses = CounterMetricFamily("platform_pool_misses", "Jobs that found the pool empty and started cold",
                                     labels=["device"])
        pool_failures = CounterMetricFamily("platform_pool_start_failures", "Warm containers that failed to start",
                                            labels=["device"])
        for device, numbers in telemetry.pools().items():
            size.add_metric([device], numbers["size"])
            ready.add_metric([device], numbers["ready"])
            hits.add_metric([device], numbers["hits"])
            misses.add_metric([device], numbers["misses"])
            pool_failures.add_metric([device], numbers["failures"])
        yield from (size, ready, hits, misses, pool_failures)


_collector = PlatformCollector()


def register(registry=REGISTRY):
    """Adds the platform's metrics to the registry `/metrics` serves; safe to call more than once."""
    if _collector not in registry._collector_to_names:
        registry.register(_collector)
