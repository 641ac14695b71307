#!/usr/bin/env bash
# Builds the platform's image, web and workers (pytorch-desde-cero-platform:latest by default), from the top-level
# Dockerfile.
#   APP_BUILD=auto|registry|offline
#       registry: the Dockerfile's own base (python:3.11-slim) and pip inside the build, as `docker-compose build`
#       offline:  no registry needed: a local base FROM the sandbox base image (Debian's python3 with torch, numpy,
#                 matplotlib and scikit-learn; runner/image/build.sh makes it when missing) plus the other runtime
#                 requirements, installed with the host's pip; then the same Dockerfile FROM that base
#       auto:     registry when python:3.11-slim can be pulled, offline otherwise (the default)
#   APP_IMAGE=name:tag   the image to build
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
image=${APP_IMAGE:-pytorch-desde-cero-platform:latest}
mode=${APP_BUILD:-auto}
base=pytorch-desde-cero-app-base:offline
sandbox_base=$(sed -n 's/^base=//p' "$root/runner/image/build.sh")
site=/opt/platform/site-packages
in_base='torch|numpy|matplotlib|scikit-learn'  # what the sandbox base image holds (runner/image/build.sh)
pip=${PIP:-$root/.venv/bin/pip}
[ -x "$pip" ] || pip=pip3
started=$(date +%s)

log() { echo "[app-image] $*" >&2; }

host_pip_install() {  # TARGET ARGS...: cp311 wheels for the image's Python, with the host's pip
  local target=$1; shift
  if ! "$pip" install -q --disable-pip-version-check --no-warn-script-location --only-binary=:all: \
      --python-version 3.11 --target "$target" -c "$ctx/constraints.txt" "$@" 2>"$ctx/pip.log"; then
    cat "$ctx/pip.log" >&2; log "pip could not install: $*"; exit 1
  fi
}

build_base_offline() {
  [ -n "$sandbox_base" ] || { log "no base image name found in runner/image/build.sh"; exit 1; }
  if ! docker image inspect "$sandbox_base" >/dev/null 2>&1; then
    log "$sandbox_base is missing: building the sandbox image first"
    SANDBOX_BUILD=reuse-or-offline "$root/runner/image/build.sh"
  fi
  # The base is rebuilt only when the requirements or the sandbox base changed.
  local key current
  key=$( (cat "$root/requirements.txt" "$root/scripts/requirements_met.py" "$0"; docker image inspect -f '{{.Id}}' "$sandbox_base") | sha256sum | cut -c1-16)
  current=$(docker image inspect -f '{{index .Config.Labels "org.pytorch-desde-cero.app-base"}}' "$base" 2>/dev/null || true)
  if [ "$current" = "$key" ]; then log "reusing $base"; return; fi

  ctx=$(mktemp -d /tmp/app-base-ctx.XXXXXX)
  trap 'rm -rf "$ctx"' EXIT
  # The platform's other requirements go into a folder of their own, ahead of the sandbox base's packages on the
  # path: where both hold a package (python-dateutil, which celery pins), the platform's pin wins, as in the venv.
  # torch, numpy, matplotlib and scikit-learn stay the base's (same pins); pip must not fetch another torch.
  grep -Ev '^[[:space:]]*(#|$)' "$root/requirements.txt" | grep -Eiv "^($in_base)[[:space:]]*==" >"$ctx/requirements.txt"
  grep -Ei "^($in_base)[[:space:]]*==" "$root/requirements.txt" >"$ctx/constraints.txt"
  log "installing the other runtime requirements with the host's pip"
  host_pip_install "$ctx/site-packages" -r "$ctx/requirements.txt"
  # The host's pip evaluates markers for the host's Python (python_full_version < "3.11.3" differs between 3.11.7
  # and Debian's 3.11.2): the image's own interpreter says what it still lacks, and that is added.
  for _ in 1 2 3; do
    docker run --rm --network none -e PYTHONPATH="$site" -v "$ctx/site-packages:$site:ro" \
      -v "$root/requirements.txt:/tmp/requirements.txt:ro" -v "$root/scripts/requirements_met.py:/tmp/met.py:ro" \
      "$sandbox_base" python3 /tmp/met.py /tmp/requirements.txt >"$ctx/missing.txt" && break
    log "the image's Python also needs: $(tr '\n' ' ' <"$ctx/missing.txt")"
    rm -rf "$ctx/more"
    host_pip_install "$ctx/more" --no-deps -r "$ctx/missing.txt"
    cp -rn "$ctx/more"/. "$ctx/site-packages"/
  done
  [ ! -s "$ctx/missing.txt" ] || { log "still missing: $(cat "$ctx/missing.txt")"; exit 1; }
  for big in torch numpy matplotlib sklearn; do
    [ ! -e "$ctx/site-packages/$big" ] || { log "a requirement pulled $big in again: it belongs to the sandbox base"; exit 1; }
  done
  rm -rf "$ctx/site-packages/bin"  # console scripts written for the host's interpreter; the image runs modules
  printf 'FROM %s\nCOPY site-packages/ %s/\nENV PYTHONPATH=%s\n' "$sandbox_base" "$site" "$site" >"$ctx/Dockerfile"
  log "building $base"
  docker build -q --label "org.pytorch-desde-cero.app-base=$key" -t "$base" "$ctx" >/dev/null
}

case "$mode" in
  registry) args=() ;;
  offline) build_base_offline; args=(--build-arg "BASE=$base") ;;
  auto)
    if timeout 60 docker pull -q python:3.11-slim >/dev/null 2>&1; then args=()
    else log "no registry reachable: offline build"; build_base_offline; args=(--build-arg "BASE=$base")
    fi ;;
  *) log "APP_BUILD must be auto, registry or offline (got '$mode')"; exit 2 ;;
esac

log "building $image"
docker build -q "${args[@]}" -t "$image" "$root" >/dev/null
log "built $image ($(docker image inspect -f '{{.Id}}' "$image" | cut -c1-19)) in $(($(date +%s) - started)) s"
