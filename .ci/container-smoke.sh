#!/usr/bin/env bash
# Container smoke test (issue 7): builds the three images with jib:buildTar from an offline base (no
# registry is reachable here), starts a Docker engine if none runs, and runs deploy-tests'
# ContainerSmokeIT (failsafe, -Pcontainer-smoke): the images against real Kafka, PostgreSQL and OpenSearch
# started on this machine, an upload found through the containers' ports. No other test runs: no unit test
# (-Dtest='!*') and no other integration test (-Dit.test).
# Separate from `./mvnw -B verify` because it needs Docker. Run as root (installs docker.io if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
log() { echo "container-smoke: $*" >&2; }

export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost

# ---- a Docker engine ---------------------------------------------------------------------------
DOCKER_STATE="${BULLETIN_DOCKER_STATE:-/tmp/bulletin-docker}"
dockerd_pid=""
stop_dockerd() {
  if [[ -n "$dockerd_pid" ]] && kill -0 "$dockerd_pid" 2>/dev/null; then
    log "stopping the Docker engine we started (pid $dockerd_pid)"
    kill "$dockerd_pid" || true
    for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  fi
}
trap stop_dockerd EXIT

if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null 2>&1; then
    log "installing docker.io"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
  fi
  mkdir -p "$DOCKER_STATE"
  log "starting dockerd (data in $DOCKER_STATE/data, log in $DOCKER_STATE/dockerd.log)"
  dockerd --data-root "$DOCKER_STATE/data" -H unix:///var/run/docker.sock \
    --pidfile "$DOCKER_STATE/dockerd.pid" >"$DOCKER_STATE/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || { tail -20 "$DOCKER_STATE/dockerd.log" >&2; exit 1; }
    sleep 1
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not come up"; tail -20 "$DOCKER_STATE/dockerd.log" >&2; exit 1; }
fi
log "Docker engine $(docker version --format '{{.Server.Version}}')"

# ---- tools (kubectl renders the dev overlay whose environment the containers get) ----------------
deploy/tools/install-tools.sh >/dev/null

# ---- an offline base image: jlink'ed JRE 17 of this machine's JDK + its libraries ---------------
base_tar="$(pwd)/target/offline-base/jre17-base.tar"
deploy/tools/build-offline-base.sh "$base_tar" >/dev/null

# ---- images (jib:buildTar, -Pimages) and the smoke test, in one reactor ---------------------------
./mvnw -B -Pimages,container-smoke \
  -pl ingest-service,catalog-service,search-service,deploy-tests -am verify \
  -Dimage.base="tar://$base_tar" \
  -Dtest='!*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ContainerSmokeIT -Dfailsafe.failIfNoSpecifiedTests=false

log "passed in $(( $(date +%s) - started )) s"
