"""The load benchmark runs end to end on a small class and its last line says what the issue asks for."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services import database_url, require

ROOT = Path(__file__).resolve().parent.parent
LAST_LINE = re.compile(r"^load: (\d+) students, (\d+) s, (\d+) requests, p95 (\d+) ms, (\d+) graded, (\d+) lost, "
                       r"(\d+) duplicated$")

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_short_load_run_grades_what_it_accepts_and_loses_nothing(docker_client, settings):
    require(settings.REDIS_URL, "the load benchmark's stack needs Redis")
    # Its own Redis database, so no other worker of the test session takes its jobs.
    env = dict(os.environ, BENCH_DATABASE_URL=database_url(), REDIS_URL=re.sub(r"/\d*$", "/14", settings.REDIS_URL))
    run = subprocess.run([sys.executable, "bench/load.py", "--students", "8", "--seconds", "15", "--think", "1",
                          "--submit-share", "0.5", "--concurrency", "1", "--drain", "240"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    last = run.stdout.strip().splitlines()[-1]
    match = LAST_LINE.match(last)
    assert match, run.stdout[-3000:]
    students, seconds, requests, _, graded, lost, duplicated = map(int, match.groups())
    assert (students, seconds) == (8, 15)
    assert requests > 8 * 3 and graded >= 1
    assert (lost, duplicated) == (0, 0), run.stdout
    kinds = [line for line in run.stdout.splitlines() if "5xx or no answer" in line]
    assert kinds and all(line.endswith("5xx or no answer 0") for line in kinds), run.stdout
