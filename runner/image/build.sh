#!/usr/bin/env bash
# Builds the sandbox image (pytorch-sandbox:latest by default).
#   SANDBOX_BUILD=auto|registry|offline|reuse-or-offline
#       auto: reuse a base already built, else try the registry, else offline; reuse-or-offline skips the registry
#   SANDBOX_IMAGE=name:tag                 the image the workers run (must match settings.SANDBOX_IMAGE)
# The offline path needs no container registry: debootstrap a Debian rootfs with python3, install the
# Python packages into it with the host's pip, and import it as the base image.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
image=${SANDBOX_IMAGE:-pytorch-sandbox:latest}
base=pytorch-sandbox-base:py311-torch2.13.0
mode=${SANDBOX_BUILD:-auto}
pip=${PIP:-$root/.venv/bin/pip}
[ -x "$pip" ] || pip=pip3

log() { echo "[sandbox-image] $*" >&2; }

apt_mirror() {
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -n1 || true)
  [ -n "$uri" ] || { log "no apt mirror found in /etc/apt/sources.list*"; exit 1; }
  echo "$uri"
}

build_base_offline() {
  command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
  local rootfs
  rootfs=$(mktemp -d /tmp/sandbox-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' RETURN
  log "debootstrap bookworm into $rootfs"
  debootstrap --variant=minbase --include=python3 bookworm "$rootfs" "$(apt_mirror)" >/tmp/sandbox-debootstrap.log 2>&1 \
    || { tail -n 20 /tmp/sandbox-debootstrap.log; exit 1; }
  log "installing Python packages with the host's pip"
  "$pip" install -q --no-warn-script-location --only-binary=:all: --python-version 3.11 \
    --target "$rootfs/usr/local/lib/python3.11/dist-packages" \
    torch==2.13.0 numpy==2.4.6 matplotlib==3.11.2 scikit-learn==1.9.1
  rm -rf "$rootfs/var/cache/apt/archives"/*.deb "$rootfs/var/lib/apt/lists"/*
  log "importing the rootfs as $base"
  tar -C "$rootfs" -c . | docker import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$base" >/dev/null
}

build_base_registry() {
  log "building $base from the registry (Dockerfile.base)"
  docker build -q -f "$here/Dockerfile.base" -t "$base" "$here" >/dev/null
}

case "$mode" in
  offline) build_base_offline ;;
  registry) build_base_registry ;;
  auto)
    if docker image inspect "$base" >/dev/null 2>&1; then log "reusing $base"
    elif timeout 60 docker pull -q python:3.11-slim >/dev/null 2>&1; then build_base_registry
    else log "no registry reachable: offline build"; build_base_offline
    fi ;;
  reuse-or-offline)
    if docker image inspect "$base" >/dev/null 2>&1; then log "reusing $base"; else build_base_offline; fi ;;
  *) log "SANDBOX_BUILD must be auto, registry, offline or reuse-or-offline (got '$mode')"; exit 2 ;;
esac

ctx=$(mktemp -d /tmp/sandbox-ctx.XXXXXX)
trap 'rm -rf "$ctx"' EXIT
cp "$here/Dockerfile" "$ctx/"
mkdir -p "$ctx/harness" "$ctx/course-assets"
cp "$root"/runner/harness/*.py "$ctx/harness/"
for d in "$root"/content/*/assets; do [ -d "$d" ] && cp -r "$d"/. "$ctx/course-assets/"; done
log "building $image"
docker build -q --build-arg BASE_IMAGE="$base" --label org.pytorch-desde-cero.sandbox=1 -t "$image" "$ctx" >/dev/null
log "built $image ($(docker image inspect -f '{{.Id}}' "$image" | cut -c1-19))"
