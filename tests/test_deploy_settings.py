"""Production settings: `check --deploy` has nothing to say, and secrets can come from files (`NAME_FILE`)."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_int, env_str

ROOT = Path(__file__).resolve().parent.parent


def production_env(tmp_path, **extra):
    """A production process's environment: DEBUG off, a real key, a host name, nothing from the test run."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "VAR_DIR": str(tmp_path),
           "SECRET_KEY": secrets.token_urlsafe(60), "ALLOWED_HOSTS": "cursos.example.org",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    env.update(extra)
    return env


def run_manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_check_deploy_finds_nothing_with_production_settings(tmp_path):
    result = run_manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_secrets_can_come_from_files(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text(secrets.token_urlsafe(60) + "\n")
    env = production_env(tmp_path, SECRET_KEY_FILE=str(key_file))
    del env["SECRET_KEY"]
    result = run_manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_value_in_the_environment_wins_over_its_file_and_a_missing_file_is_named(tmp_path, monkeypatch):
    (tmp_path / "port").write_text("7000\n")
    monkeypatch.setenv("PLATFORM_PORT_FILE", str(tmp_path / "port"))
    assert env_int("PLATFORM_PORT", 1) == 7000
    monkeypatch.setenv("PLATFORM_PORT", "8000")
    assert env_int("PLATFORM_PORT", 1) == 8000
    monkeypatch.setenv("PLATFORM_NAME_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="PLATFORM_NAME_FILE"):
        env_str("PLATFORM_NAME")


def test_production_logs_are_json_lines(tmp_path):
    code = ("import django, logging; django.setup(); "
            "logging.getLogger('runner.lifecycle').warning('submission %s: stopped', 'abc-9')")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=production_env(tmp_path, DJANGO_SETTINGS_MODULE="config.settings"))
    assert result.returncode == 0, result.stderr
    assert '"submission_id": "abc-9"' in result.stderr.strip().splitlines()[-1]
