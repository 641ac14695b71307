"""A job is what the sandbox runs: code, and for a graded run the exercise's checks and reference solution.

Every job is built by `build_job`, whether it comes from a student's submission, from content validation or
from a lesson's runnable block, so limits and the device rule apply the same way to all of them.
"""
import json
from dataclasses import dataclass

from django.conf import settings

from .models import Mode
from .routing import device_for, queue_for


@dataclass
class Job:
    submission_id: str
    mode: str
    code: str
    checks: str | None = None
    solution: str | None = None
    time_limit: float = 10
    memory_mb: int = 1024
    device: str = "cpu"
    points: float = 0

    def payload(self):
        return (json.dumps({"mode": self.mode, "code": self.code, "checks": self.checks, "solution": self.solution,
                            "time_limit": self.time_limit, "points": self.points}) + "\n").encode()

    @property
    def deadline_seconds(self):
        """Outer wall clock: start-up, the code's own limit, the checks' budget, and a margin."""
        return settings.SANDBOX_STARTUP_SECONDS + 2 * self.time_limit + 15


def build_job(job_id, mode, code, exercise=None, queue=None, time_limit=None):
    """A graded job carries the exercise's checks and solution; a run only borrows its limits."""
    grading = mode == Mode.SUBMIT
    return Job(
        submission_id=str(job_id),
        mode=mode,
        code=code,
        checks=exercise.checks_code if grading else None,
        solution=exercise.solution_code if grading else None,
        time_limit=time_limit or (exercise.time_limit if exercise else settings.SANDBOX_TIME_LIMIT),
        memory_mb=exercise.memory_limit if exercise else settings.SANDBOX_MEMORY_MB,
        device=device_for(queue or queue_for(exercise)),
        points=exercise.points if exercise and grading else 0,
    )
