#!/usr/bin/env bash
# `make run`: a development platform on this machine, from nothing to a served course.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG=${DEBUG:-1}
export DEMO_PASSWORD=${DEMO_PASSWORD:-demo-password}
PORT=${PORT:-8000}
mkdir -p var/broker var/broker-processed

if [ -z "${SANDBOX_BACKEND:-}" ]; then
  if docker info >/dev/null 2>&1; then
    export SANDBOX_BACKEND=docker
  else
    export SANDBOX_BACKEND=local
  fi
fi
if [ "$SANDBOX_BACKEND" = docker ]; then
  # The base layer is built once (a few minutes); the harness layer is rebuilt in seconds so it is always current.
  docker image inspect "${SANDBOX_IMAGE:-pytorch-sandbox:latest}" >/dev/null 2>&1 \
    || echo "Building the sandbox image (first run only, a few minutes)..."
  runner/image/build.sh
fi
if [ "$SANDBOX_BACKEND" = local ]; then
  echo "################################################################################"
  echo "# WARNING: SANDBOX_BACKEND=local (no Docker daemon, or chosen). Student code    #"
  echo "# runs as LOCAL processes on this machine, WITHOUT isolation. Development only. #"
  echo "################################################################################"
fi

$PY manage.py migrate --noinput -v0
$PY manage.py sync_content
echo "Demo accounts:"
$PY manage.py create_demo_accounts

$PY -m celery -A config worker -B -Q cpu,gpu,lti --concurrency 2 --loglevel WARNING \
  --schedule var/celerybeat-schedule >var/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM
echo "Worker started (log: var/worker.log), sandbox backend: $SANDBOX_BACKEND, broker: ${REDIS_URL:-embedded filesystem}"
echo "Serving on http://127.0.0.1:$PORT/"
$PY manage.py runserver "127.0.0.1:$PORT" --noreload
