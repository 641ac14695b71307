import os

import pytest

from runner import telemetry


@pytest.fixture
def isolated_telemetry(monkeypatch):
    """Points the workers' Redis keys (runner/telemetry.py) at a prefix of this test process, away from what a
    real worker of the same test session writes."""
    prefix = f"test-{os.getpid()}:"
    monkeypatch.setattr(telemetry, "PREFIX", prefix)
    monkeypatch.setattr(telemetry, "POOLS_KEY", f"{prefix}pools")
    monkeypatch.setattr(telemetry, "SANDBOX_FAILURES_KEY", f"{prefix}sandbox_failures")
