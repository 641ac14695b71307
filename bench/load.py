"""A class at work, on loopback: N students browse lessons and submit code for T seconds against the real stack.

Starts gunicorn and a Celery worker (warm sandboxes) against the configured database and broker, creates N
students with personal API tokens, and lets each one loop: open a lesson page (HTML, as the browser does), read
the course tree, an exercise and their progress through the API, and now and then submit code (a reference
solution or a known wrong attempt) and follow it by polling with `If-None-Match`, thinking a little between
requests. After T seconds no new work starts; the run waits for every accepted submission to reach a terminal
state, then prints the request latencies per kind and, as its last line:

    load: N students, T s, P requests, p95 X ms, G graded, 0 lost, 0 duplicated

A submission is lost when it was accepted (201) and never reached a terminal state within the drain limit, or
has no row; duplicated when it ran more than once (attempts > 1) or rows appeared that no request created.
A benchmark, not a test: it prints numbers; `tests/test_load_script.py` runs a short one and reads the last line.

    REDIS_URL=redis://127.0.0.1:6379/3 BENCH_DATABASE_URL=postgres://app:app@127.0.0.1:5432/bench \\
        .venv/bin/python bench/load.py --students 100 --seconds 60
"""
import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from grading_latency import ROOT, TERMINAL, Stack, manage, percentile  # the same stack as the latency benchmark

COURSE = "pytorch-desde-cero"


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = {}

    def add(self, kind, seconds, status):
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if status >= 500 or status == 0:
                self.errors[kind] = self.errors.get(kind, 0) + 1

    def all(self):
        return [value for values in self.latencies.values() for value in values]


class Student:
    def __init__(self, base, token, recorder, plan, rng):
        self.base, self.token, self.recorder, self.plan, self.rng = base, token, recorder, plan, rng
        self.accepted, self.refused = [], 0

    def request(self, kind, path, payload=None, etag=None, api=True):
        headers = {"Content-Type": "application/json"}
        if api:
            headers["Authorization"] = f"Bearer {self.token}"
        if etag:
            headers["If-None-Match"] = etag
        request = urllib.request.Request(self.base + path, headers=headers, method="POST" if payload else "GET",
                                         data=json.dumps(payload).encode() if payload else None)
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body, status, tag = response.read(), response.status, response.headers.get("ETag")
        except urllib.error.HTTPError as error:
            body, status, tag = error.read(), error.code, error.headers.get("ETag")
        except OSError:
            body, status, tag = b"", 0, None
        self.recorder.add(kind, time.perf_counter() - started, status)
        try:
            data = json.loads(body) if body and api else {}
        except ValueError:
            data = {}
        return status, data, tag

    def think(self):
        time.sleep(self.rng.uniform(0.5, 1.5) * self.plan["think"])

    def follow(self, submission_id, until):
        tag = None
        while time.perf_counter() < until:
            status, data, new_tag = self.request("poll", f"/api/submissions/{submission_id}/", etag=tag)
            if status == 200 and data.get("status") in TERMINAL:
                return
            tag = new_tag or tag
            time.sleep(1.0)

    def run(self, stop_at):
        while time.perf_counter() < stop_at:
            lesson = self.rng.choice(self.plan["lessons"])
            self.request("lesson page", f"/cursos/{COURSE}/lecciones/{lesson}/", api=False)
            self.think()
            self.request("api course", f"/api/courses/{COURSE}/")
            exercise, codes = self.rng.choice(self.plan["exercises"])
            self.request("api exercise", f"/api/exercises/{exercise}/")
            self.think()
            if self.rng.random() < self.plan["submit_share"] and time.perf_counter() < stop_at:
                status, data, _ = self.request("submit", "/api/submissions/", {
                    "exercise": exercise, "code": self.rng.choice(codes), "mode": "submit"})
                if status == 201:
                    self.accepted.append(data["id"])
                    self.follow(data["id"], stop_at)
                elif status == 503:
                    self.refused += 1
            self.request("api progress", f"/api/courses/{COURSE}/progress/")
            self.think()


def exercises_with_code(slugs):
    found = []
    for slug in slugs:
        folder = next((ROOT / "content").rglob(f"exercises/{slug}"))
        wrong = [path.read_text() for path in sorted((folder / "wrong").glob("*.py"))]
        codes = [(folder / "solution.py").read_text(), *wrong]
        found.append((slug, codes))
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between a student's requests")
    parser.add_argument("--submit-share", type=float, default=0.15, help="share of loops that submit code")
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2, help="Celery worker processes")
    parser.add_argument("--drain", type=int, default=600, help="seconds to wait for accepted work to finish")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="load-"))
    env = dict(os.environ, DEBUG="1", VAR_DIR=str(workdir), SANDBOX_BACKEND="docker", LOG_LEVEL="WARNING",
               SUBMISSION_RATE="100000/min", API_RATE="100000/min",
               DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'load.sqlite3'}"))
    os.environ.update(env)
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User

    from courses import tokens
    from courses.models import Exercise, Lesson
    from runner.models import Submission

    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "sync_content")
    run_id = datetime.now().strftime("%H%M%S")
    password = make_password("load-password-1")
    users = User.objects.bulk_create([User(username=f"load-{run_id}-{n:03d}", password=password)
                                      for n in range(options.students)])
    keys = [tokens.create(user, "carga")[1] for user in User.objects.filter(username__startswith=f"load-{run_id}-")]
    slugs = ["reorganizar-lote", "estandarizar-con-broadcasting", "capa-densa-y-productos-por-lotes"]
    slugs = [s for s in slugs if Exercise.objects.filter(slug=s, published=True).exists()] or ["reorganizar-lote"]
    plan = {"think": options.think, "submit_share": options.submit_share,
            "lessons": list(Lesson.objects.filter(course__slug=COURSE).values_list("slug", flat=True)[:40]),
            "exercises": [(str(Exercise.objects.get(slug=slug).uuid), codes)
                          for slug, codes in exercises_with_code(slugs)]}

    stack = Stack(env, workdir, options.concurrency)
    recorder = Recorder()
    try:
        stack.start_worker(pool_size=3)
        print(f"stack: gunicorn + celery ({options.concurrency} processes, warm pools), "
              f"database {env['DATABASE_URL'].split(':')[0]}, {len(users)} students, {len(plan['lessons'])} lessons, "
              f"{len(plan['exercises'])} exercises, {os.cpu_count()} cores", flush=True)
        began = datetime.now().astimezone()
        stop_at = time.perf_counter() + options.seconds
        rng = random.Random(7)
        students = [Student(stack.base, key, recorder, plan, random.Random(rng.random())) for key in keys]
        threads = [threading.Thread(target=s.run, args=(stop_at,)) for s in students]
        for thread in threads:
            thread.start()
            time.sleep(options.think / max(1, len(threads)))  # students arrive spread over one think time
        for thread in threads:
            thread.join()
        accepted = [i for s in students for i in s.accepted]
        rows = Submission.objects.filter(pk__in=accepted)
        deadline = time.perf_counter() + options.drain
        while rows.exclude(status__in=TERMINAL).exists() and time.perf_counter() < deadline:
            time.sleep(1)
        graded = rows.filter(status__in=TERMINAL).count()
        lost = len(set(accepted)) - graded
        ours = Submission.objects.filter(user__username__startswith=f"load-{run_id}-", created_at__gte=began)
        duplicated = rows.filter(attempts__gt=1).count() + (ours.count() - len(set(accepted)))
        drained = max(rows.values_list("finished_at", flat=True), default=None)
        for kind, values in sorted(recorder.latencies.items()):
            print(f"  {kind:13} {len(values):6d} requests, p50 {percentile(values, 50) * 1000:6.0f} ms, "
                  f"p95 {percentile(values, 95) * 1000:6.0f} ms, max {max(values) * 1000:6.0f} ms, "
                  f"5xx or no answer {recorder.errors.get(kind, 0)}")
        waits = [(r.finished_at - r.created_at).total_seconds() for r in rows.exclude(finished_at=None)]
        if waits:
            print(f"  submit to verdict: p50 {statistics.median(waits):.1f} s, p95 {percentile(waits, 95):.1f} s; "
                  f"refused as busy {sum(s.refused for s in students)}; last verdict "
                  f"{(drained - began).total_seconds():.0f} s after the start")
        everything = recorder.all()
        print(f"load: {options.students} students, {options.seconds} s, {len(everything)} requests, "
              f"p95 {percentile(everything, 95) * 1000:.0f} ms, {graded} graded, {lost} lost, {duplicated} duplicated")
    finally:
        stack.close()


if __name__ == "__main__":
    main()
