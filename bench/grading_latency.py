"""Submit-to-verdict latency and throughput of the real stack, over HTTP on loopback.

Starts gunicorn and a Celery worker against the configured database and broker (REDIS_URL; otherwise a
temporary SQLite file and the embedded broker), submits the reference solution of a small tensor exercise
repeatedly, and prints p50/p95/max and throughput, next to a bare `docker run … import torch` baseline.

    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/grading_latency.py [--sequential 20] [--burst 20]

A benchmark, not a test: it prints numbers and asserts nothing. BENCH_DATABASE_URL picks the database
(default: a fresh SQLite file, so no existing data is touched).
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
EXERCISE_SLUG = "reorganizar-lote"
TERMINAL = {"passed", "failed", "completed", "error", "timeout", "memory_limit", "output_limit", "system_error"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout


def request(url, token, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                 headers={"Authorization": f"Token {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        raise SystemExit(f"{req.method} {url} answered {exc.code}: {exc.read()[:500]!r}") from None


def submit_and_wait(base, token, exercise, code):
    started = time.perf_counter()
    created = request(f"{base}/api/submissions/", token, {"exercise": exercise, "code": code, "mode": "submit"})
    while True:
        data = request(f"{base}/api/submissions/{created['id']}/", token)
        if data["status"] in TERMINAL:
            return time.perf_counter() - started, data
        time.sleep(0.05)


def live_output_latency(base, token, runs=3):
    """Seconds from a print() in the sandbox to its line arriving over server-sent events (needs Redis)."""
    code = "import time\nfor i in range(6):\n    print(repr(time.time()), flush=True)\n    time.sleep(0.5)\n"
    delays = []
    for _ in range(runs):
        created = request(f"{base}/api/submissions/", token, {"exercise": None, "code": code, "mode": "run"})
        req = urllib.request.Request(f"{base}/api/submissions/{created['id']}/events/",
                                     headers={"Authorization": f"Token {token}", "Accept": "text/event-stream"})
        with urllib.request.urlopen(req, timeout=60) as stream:
            event = None
            for raw in stream:
                line = raw.decode().strip()
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event == "stdout":
                    arrived = time.time()
                    for printed in json.loads(line[6:])["data"].split():
                        delays.append(arrived - float(printed))
                elif event == "end":
                    break
    return delays


def page_poll_latency(base, token, interval=0.4, runs=5):
    """Seconds from the verdict being stored to a page polling every `interval` seconds seeing it."""
    delays = []
    for _ in range(runs):
        created = request(f"{base}/api/submissions/", token, {"exercise": None, "code": "print(1)", "mode": "run"})
        while True:
            data = request(f"{base}/api/submissions/{created['id']}/", token)
            if data["status"] in TERMINAL:
                seen = time.time()
                finished = datetime.fromisoformat(data["finished_at"]).timestamp()
                delays.append(seen - finished)
                break
            time.sleep(interval)
    return delays


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


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
    parser.add_argument("--sequential", type=int, default=20)
    parser.add_argument("--burst", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=2, help="Celery worker processes")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    env = dict(os.environ, DEBUG="1", VAR_DIR=str(workdir), SANDBOX_BACKEND="docker",
               SUBMISSION_RATE="100000/min", DATABASE_URL=os.environ.get("BENCH_DATABASE_URL",
                                                                        f"sqlite:///{workdir / 'bench.sqlite3'}"))
    (workdir / "broker").mkdir()
    (workdir / "broker-processed").mkdir()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "sync_content")
    manage(env, "shell", "-v", "0", "-c", "from django.contrib.auth.models import User; "
                               "User.objects.filter(username='bench').exists() or "
                               "User.objects.create_user('bench', password='bench-password-1')")
    token = manage(env, "drf_create_token", "bench").split()[2]
    exercise = manage(env, "shell", "-v", "0", "-c", f"from courses.models import Exercise; "
                      f"print(Exercise.objects.get(slug='{EXERCISE_SLUG}').uuid)").strip().splitlines()[-1]
    solution = next((ROOT / "content").rglob(f"exercises/{EXERCISE_SLUG}/solution.py")).read_text()
    image = env.get("SANDBOX_IMAGE", "pytorch-sandbox:latest")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    logs = open(workdir / "services.log", "w")
    web = subprocess.Popen([PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
                            "2", "--worker-class", "gthread", "--threads", "8"], cwd=ROOT, env=env, stdout=logs,
                           stderr=subprocess.STDOUT)
    worker = subprocess.Popen([PYTHON, "-m", "celery", "-A", "config", "worker", "-Q", "cpu", "--concurrency",
                               str(options.concurrency), "--loglevel", "WARNING", "--without-gossip",
                               "--without-mingle"], cwd=ROOT, env=env, stdout=logs, stderr=subprocess.STDOUT)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        print(f"stack: gunicorn + celery ({options.concurrency} processes), broker "
              f"{'redis' if env.get('REDIS_URL') else 'filesystem'}, database {env['DATABASE_URL'].split(':')[0]}, "
              f"image {image}")
        warm, _ = submit_and_wait(base, token, exercise, solution)
        print(f"first submission (worker warm-up): {warm:.2f} s")

        bare = baseline(image)
        print(f"baseline docker run + import torch: p50 {statistics.median(bare):.2f} s, max {max(bare):.2f} s "
              f"({len(bare)} runs)")

        latencies, statuses = [], []
        for _ in range(options.sequential):
            seconds, data = submit_and_wait(base, token, exercise, solution)
            latencies.append(seconds)
            statuses.append(data["status"])
        print(f"submit-to-verdict ({options.sequential} sequential): p50 {percentile(latencies, 50):.2f} s, "
              f"p95 {percentile(latencies, 95):.2f} s, max {max(latencies):.2f} s; "
              f"verdicts {dict((s, statuses.count(s)) for s in set(statuses))}")

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=options.burst) as pool:
            results = list(pool.map(lambda _: submit_and_wait(base, token, exercise, solution),
                                    range(options.burst)))
        elapsed = time.perf_counter() - started
        burst = [seconds for seconds, _ in results]
        print(f"burst of {options.burst} at once: all verdicts in {elapsed:.1f} s → "
              f"{options.burst / elapsed:.2f} submissions/s; latency p50 {percentile(burst, 50):.2f} s, "
              f"p95 {percentile(burst, 95):.2f} s, max {max(burst):.2f} s")

        polled = page_poll_latency(base, token)
        print(f"verdict stored → seen by the page (polling every 0.4 s): p50 {percentile(polled, 50):.2f} s, "
              f"max {max(polled):.2f} s")
        if env.get("REDIS_URL"):
            live = live_output_latency(base, token)
            print(f"print() in the sandbox → line received over SSE: p50 {percentile(live, 50):.2f} s, "
                  f"p95 {percentile(live, 95):.2f} s, max {max(live):.2f} s ({len(live)} lines)")
    finally:
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
