#!/usr/bin/env bash
# `make run`: a development platform on this machine, from nothing to a served course.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG=${DEBUG:-1}
export DEMO_PASSWORD=${DEMO_PASSWORD:-demo-password}
PORT=${PORT:-8000}
VAR=${VAR_DIR:-var}
mkdir -p "$VAR/broker" "$VAR/broker-processed"

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

# Each background process leads its own process group, so a Ctrl-C or a SIGTERM sent to the whole `make run`
# group reaches only this script, which then stops them in order: a worker that also received the signal directly
# (with its pool children and an embedded beat) could hang in its shutdown. A job cut short is not lost: its
# message is acknowledged only after the verdict, and the sweeper re-queues a submission whose lease ran out.
setsid $PY -m celery -A config worker -Q cpu,gpu,lti --concurrency 2 --loglevel WARNING >"$VAR/worker.log" 2>&1 &
WORKER=$!
setsid $PY -m celery -A config beat --loglevel WARNING --schedule "$VAR/celerybeat-schedule" >"$VAR/beat.log" 2>&1 &
BEAT=$!
setsid $PY manage.py runserver "127.0.0.1:$PORT" --noreload &
WEB=$!

stop() {
  trap - EXIT INT TERM
  echo "Stopping..."
  kill -TERM "$WEB" "$BEAT" "$WORKER" 2>/dev/null || true
  # A worker finishes the job in hand during a warm shutdown; after 8 s it is stopped cold.
  for _ in $(seq 80); do
    kill -0 "$WORKER" 2>/dev/null || kill -0 "$BEAT" 2>/dev/null || kill -0 "$WEB" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$WORKER" "-$BEAT" "-$WEB" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
echo "Worker started (log: $VAR/worker.log), sandbox backend: $SANDBOX_BACKEND, broker: ${REDIS_URL:-embedded filesystem}"
echo "Serving on http://127.0.0.1:$PORT/"
wait "$WEB"
