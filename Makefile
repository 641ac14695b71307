VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python

.PHONY: run test lint image app-image worker check-content validate-content gpu-check bench

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

## Serves the platform on 127.0.0.1:$${PORT:-8000} with a worker (Docker sandbox when a daemon is reachable).
run: $(VENV)/.installed
	./scripts/run.sh

## Runs the whole test suite (integration tests need Docker, Redis and PostgreSQL: see .ci/run).
test: $(VENV)/.installed
	DEBUG=$${DEBUG:-1} SUBMISSION_RATE=$${SUBMISSION_RATE:-1000/min} API_RATE=$${API_RATE:-100000/min} SIGNUP_RATE=$${SIGNUP_RATE:-1000/hour} DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest $(PYTEST_ARGS)

## Checks the code style (ruff, configured in pyproject.toml).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

## Builds the sandbox image (offline when no registry is reachable).
image:
	runner/image/build.sh

## Builds the platform's image, web and workers (APP_BUILD=auto|registry|offline; offline FROM the sandbox base).
app-image: $(VENV)/.installed
	scripts/build_app_image.sh

check-content: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py sync_content --check

validate-content: $(VENV)/.installed
	DEBUG=1 $(PY) manage.py validate_content --run

## Device-aware content through the harness alone (no Django, no Docker); on a GPU machine: python3 scripts/gpu_check --device cuda
gpu-check: $(VENV)/.installed
	$(PY) scripts/gpu_check --device $${DEVICE:-cpu}

bench: $(VENV)/.installed
	$(PY) bench/grading_latency.py
