"""docker-compose.yml: it validates, every long-running service restarts by itself and has a health check, and
nothing starts before the release step (migrate) has succeeded."""
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def services():
    config = subprocess.run(["docker-compose", "--profile", "gpu", "config"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={"PATH": "/usr/bin:/bin:/usr/local/bin", "SECRET_KEY": "x"})
    assert config.returncode == 0, config.stderr
    return yaml.safe_load(config.stdout)["services"]


pytestmark = pytest.mark.skipif(not shutil.which("docker-compose"), reason="docker-compose is not installed")


def test_every_service_restarts_by_itself_and_has_a_health_check():
    for name, service in services().items():
        if name == "migrate":
            assert service["restart"] == "no" and service["healthcheck"]["test"] == ["NONE"]
            continue
        assert service["restart"] == "unless-stopped", name
        assert service["healthcheck"]["test"], name


def test_web_and_workers_wait_for_the_release_step():
    found = services()
    assert "sync_content" in " ".join(found["migrate"]["command"])
    for name in ("web", "worker-cpu", "worker-gpu", "beat"):
        assert found[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name


def test_redis_persists_queued_work_and_never_evicts_it():
    command = " ".join(services()["redis"]["command"])
    assert "--appendonly yes" in command and "--maxmemory-policy noeviction" in command


def test_workers_reach_docker_through_docker_host():
    for name in ("worker-cpu", "worker-gpu"):
        assert services()[name]["environment"]["DOCKER_HOST"] == "unix:///var/run/docker.sock"


def test_platform_services_run_python_modules_not_console_scripts():
    """The image may come from the offline base, where no console script (gunicorn, celery) is on PATH."""
    found = services()
    for name in ("migrate", "worker-cpu", "worker-gpu", "beat"):
        command = found[name]["command"]
        steps = command[2].split("&&") if command[:2] == ["sh", "-c"] else [" ".join(command)]
        assert all(step.split()[0] == "python3" for step in steps), (name, command)
    for name in ("web", "worker-cpu", "worker-gpu", "beat"):
        check = found[name]["healthcheck"]["test"]
        first = check[1].split()[0] if check[0] == "CMD-SHELL" else check[1]
        assert first == "python3", (name, check)
