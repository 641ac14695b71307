"""Submit-to-verdict latency and throughput of the real stack, cold and warm, over HTTP on loopback.

Starts gunicorn and a Celery worker against the configured database and broker, and measures one exercise (the
reference solution of a small tensor exercise) as the browser sees it: POST, then the verdict pushed over
server-sent events (or polled). It runs the cold path (no warm pool) and the warm path one after the other,
then a sustained load and a burst, and prints:

    cold: p50 … s, p95 … s, max … s over 50 submissions
    warm: p50 … s, p95 … s, max … s over 50 submissions
    warm/cold p50 ratio: …
    sustained: … gradings/s with 20 concurrent students for 60 s (pool misses: …)
    single-use cap: … gradings/s (… s of CPU per container on N cores)
    burst: 200 submitted, 200 terminal, 0 lost, 0 duplicated

plus where the warm time goes. A benchmark, not a test: it prints numbers and asserts nothing.

    REDIS_URL=redis://127.0.0.1:6379/0 BENCH_DATABASE_URL=postgres://app:app@127.0.0.1:5432/bench \\
        .venv/bin/python bench/grading_latency.py [--count 50] [--students 20] [--seconds 60] [--burst 200]

BENCH_DATABASE_URL picks the database (default: a fresh SQLite file, so no existing data is touched).
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
EXERCISE_SLUG = "reorganizar-lote"
TERMINAL = {"passed", "failed", "completed", "error", "timeout", "memory_limit", "output_limit", "system_error",
            "cancelled"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout


class Client:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def call(self, path, payload=None):
        data = json.dumps(payload).encode() if payload is not None else None
        req = urllib.request.Request(self.base + path, data=data, method="POST" if data else "GET",
                                     headers={"Authorization": f"Token {self.token}",
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                return json.load(response)
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"{req.method} {path} answered {exc.code}: {exc.read()[:500]!r}") from None

    def pushed_verdict(self, submission_id, timeout=300):
        """Waits for the terminal status event on the submission's server-sent events; returns when it came."""
        host, port = self.base.split("//")[1].split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
        connection.request("GET", f"/api/submissions/{submission_id}/events/",
                           headers={"Authorization": f"Token {self.token}", "Accept": "text/event-stream"})
        response = connection.getresponse()
        if response.status != 200:
            connection.close()
            return None
        event = None
        try:
            for raw in response:
                line = raw.decode().strip()
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event == "status":
                    if json.loads(line[6:]).get("status") in TERMINAL:
                        return time.perf_counter()
                elif event == "end":
                    return time.perf_counter()
        finally:
            connection.close()
        return time.perf_counter()

    def submit(self, exercise, code, push=True, timeout=300):
        """One graded submission as the page makes it. Returns (seconds, result, timings)."""
        started = time.perf_counter()
        created = self.call("/api/submissions/", {"exercise": exercise, "code": code, "mode": "submit"})
        posted = time.perf_counter()
        seen = self.pushed_verdict(created["id"], timeout) if push else None
        while True:
            data = self.call(f"/api/submissions/{created['id']}/")
            if data["status"] in TERMINAL:
                seen = seen or time.perf_counter()
                break
            if time.perf_counter() - started > timeout:
                return None, data, {}
            time.sleep(0.1 if push else 0.25)
        timings = {"started": started, "posted": posted, "seen": seen}
        return seen - started, data, timings


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(label, latencies):
    return (f"{label}: p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
            f"max {max(latencies):.2f} s over {len(latencies)} submissions")


def spaced(client, exercise, code, count, gap=1.0):
    """`count` submissions, each started `gap` seconds after the previous one (whether or not it finished)."""
    results, threads = [], []
    lock = threading.Lock()

    def one():
        outcome = client.submit(exercise, code)
        with lock:
            results.append(outcome)

    for _ in range(count):
        thread = threading.Thread(target=one)
        thread.start()
        threads.append(thread)
        time.sleep(gap)
    for thread in threads:
        thread.join()
    return results


class Stack:
    """gunicorn plus one Celery worker whose warm pool can be switched off (cold) or on (warm)."""

    def __init__(self, env, workdir, concurrency):
        self.env, self.workdir, self.concurrency = env, workdir, concurrency
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.logs = open(workdir / "services.log", "a")
        self.web = subprocess.Popen([PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{self.port}",
                                     "--workers", "2", "--worker-class", "gthread", "--threads", "32"],
                                    cwd=ROOT, env=env, stdout=self.logs, stderr=subprocess.STDOUT)
        self.worker = None
        for _ in range(120):
            try:
                urllib.request.urlopen(self.base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)

    def start_worker(self, pool_size):
        self.stop_worker()
        env = dict(self.env, SANDBOX_POOL_SIZE=str(pool_size))
        self.worker = subprocess.Popen([PYTHON, "-m", "celery", "-A", "config", "worker", "-Q", "cpu",
                                        "--concurrency", str(self.concurrency), "--loglevel", "WARNING",
                                        "--without-gossip", "--without-mingle", "-n", f"bench-{time.time_ns()}@%h"],
                                       cwd=ROOT, env=env, stdout=self.logs, stderr=subprocess.STDOUT)
        time.sleep(8 + 4 * pool_size * self.concurrency)  # the worker starts and its pools fill

    def stop_worker(self):
        if self.worker is not None:
            self.worker.terminate()
            try:
                self.worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.worker.kill()
            self.worker = None

    def close(self):
        self.stop_worker()
        self.web.terminate()
        try:
            self.web.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.web.kill()


def breakdown(rows, timings):
    """Where the warm time goes, from the client's clock and the rows' timestamps (one machine, one clock)."""
    parts = {"HTTP and enqueue": [], "queue hop": [], "hand-off to the container and result write": [],
             "grading in the container": [], "until the page sees it": []}
    for row, timing in zip(rows, timings):
        created, started, finished = (row.created_at.timestamp(), row.started_at.timestamp(),
                                      row.finished_at.timestamp())
        offset = time.time() - time.perf_counter()
        parts["HTTP and enqueue"].append(timing["posted"] - timing["started"])
        parts["queue hop"].append(started - created)
        parts["grading in the container"].append((row.duration_ms or 0) / 1000)
        parts["hand-off to the container and result write"].append(finished - started - (row.duration_ms or 0) / 1000)
        parts["until the page sees it"].append(timing["seen"] + offset - finished)
    return ", ".join(f"{name} {statistics.median(values) * 1000:.0f} ms" for name, values in parts.items())


def baseline(image, runs=5):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(["docker", "run", "--rm", "--network", "none", "--entrypoint", "python3", image, "-c",
                        "import torch"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50, help="submissions per path (cold, warm)")
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2, help="Celery worker processes")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    env = dict(os.environ, DEBUG="1", VAR_DIR=str(workdir), SANDBOX_BACKEND="docker", LOG_LEVEL="WARNING",
               SUBMISSION_RATE="100000/min", API_RATE="100000/min", DATABASE_URL=os.environ.get("BENCH_DATABASE_URL",
                                                                        f"sqlite:///{workdir / 'bench.sqlite3'}"))
    os.environ.update(env)
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from runner.models import Submission

    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "sync_content")
    manage(env, "shell", "-v", "0", "-c", "from django.contrib.auth.models import User; "
                               "User.objects.filter(username='bench').exists() or "
                               "User.objects.create_user('bench', password='bench-password-1')")
    token = manage(env, "create_api_token", "bench", "benchmark").strip().splitlines()[-1]
    exercise = manage(env, "shell", "-v", "0", "-c", f"from courses.models import Exercise; "
                      f"print(Exercise.objects.get(slug='{EXERCISE_SLUG}').uuid)").strip().splitlines()[-1]
    solution = next((ROOT / "content").rglob(f"exercises/{EXERCISE_SLUG}/solution.py")).read_text()
    image = env.get("SANDBOX_IMAGE", "pytorch-sandbox:latest")

    stack = Stack(env, workdir, options.concurrency)
    client = Client(stack.base, token)
    try:
        print(f"stack: gunicorn + celery ({options.concurrency} processes), broker "
              f"{'redis' if env.get('REDIS_URL') else 'filesystem'}, database {env['DATABASE_URL'].split(':')[0]}, "
              f"image {image}, {os.cpu_count()} cores")
        bare = baseline(image)
        print(f"baseline docker run + import torch: p50 {statistics.median(bare):.2f} s ({len(bare)} runs)")

        stack.start_worker(pool_size=0)
        client.submit(exercise, solution)
        cold = [seconds for seconds, _, _ in spaced(client, exercise, solution, options.count)]
        print(summary("cold", cold))

        stack.start_worker(pool_size=3)
        client.submit(exercise, solution)
        time.sleep(5)
        warm_runs = spaced(client, exercise, solution, options.count)
        warm = [seconds for seconds, _, _ in warm_runs]
        print(summary("warm", warm))
        print(f"warm/cold p50 ratio: {percentile(warm, 50) / percentile(cold, 50):.2f}")
        rows = {str(row.pk): row for row in Submission.objects.filter(pk__in=[d["id"] for _, d, _ in warm_runs])}
        ordered = [(rows[d["id"]], t) for _, d, t in warm_runs if d["id"] in rows]
        print("warm breakdown (medians): " + breakdown([r for r, _ in ordered], [t for _, t in ordered]))
        print(f"warm path taken by {sum(1 for r, _ in ordered if r.warm)} of {len(ordered)}")

        time.sleep(10)
        window_start = datetime.now().astimezone()
        stop_at = time.perf_counter() + options.seconds
        done = []

        def student():
            while time.perf_counter() < stop_at:
                seconds, data, _ = client.submit(exercise, solution)
                if seconds is not None and time.perf_counter() <= stop_at:
                    done.append(data["id"])

        threads = [threading.Thread(target=student) for _ in range(options.students)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        window = Submission.objects.filter(created_at__gte=window_start)
        misses = window.filter(warm=False).count()
        print(f"sustained: {len(done) / options.seconds:.2f} gradings/s with {options.students} concurrent "
              f"students for {options.seconds} s (pool misses: {misses})")
        cpu = [ms / 1000 for ms in window.exclude(cpu_ms=None).values_list("cpu_ms", flat=True)]
        per_container = statistics.mean(cpu) if cpu else float("nan")
        cores = os.cpu_count() or 1
        print(f"single-use cap: {cores / per_container:.2f} gradings/s ({per_container:.1f} s of CPU per container "
              f"on {cores} cores)")

        time.sleep(10)
        burst_start = datetime.now().astimezone()
        with ThreadPoolExecutor(max_workers=50) as pool:
            ids = list(pool.map(lambda _: client.call("/api/submissions/", {"exercise": exercise, "code": solution,
                                                                             "mode": "submit"})["id"],
                                range(options.burst)))
        deadline = time.perf_counter() + 900
        burst = Submission.objects.filter(pk__in=ids)
        while burst.exclude(status__in=TERMINAL).exists() and time.perf_counter() < deadline:
            time.sleep(1)
        terminal = burst.filter(status__in=TERMINAL).count()
        duplicated = burst.filter(attempts__gt=1).count() + (
            Submission.objects.filter(created_at__gte=burst_start).count() - len(set(ids)))
        elapsed = (max(burst.values_list("finished_at", flat=True), default=burst_start) - burst_start)
        print(f"burst: {len(ids)} submitted, {terminal} terminal, {len(ids) - terminal} lost, {duplicated} duplicated "
              f"(drained in {elapsed.total_seconds():.0f} s)")
    finally:
        stack.close()


if __name__ == "__main__":
    main()
