#!/bin/sh
# The run command's server (./mvnw -Prun package, ./mvnw -Pstop validate; README "Run it"): starts the
# Payara Server domain in .payara/ unless it runs, applies the production listener settings
# (scripts/production-listener.sh) and deploys the EAR, so that every start, stop and redeploy, in any
# order, ends with the application deployed and healthy (docs/operations.md, "The run command").
#
# Usage: scripts/run.sh [start [EAR] | stop]     (default: start smart-ear/target/smart.ear)
#
# start:
#   1. starts domain1 if it is not running (never twice: start-domain on a running domain breaks it) and
#      waits until the server has finished loading the already deployed application: a deploy during that
#      load races it (seen: "Cannot create scratch directory", "Unknown Entity bean class", a NullPointer-
#      Exception in the loader);
#   2. applies the listener settings (idempotent, no restart needed);
#   3. deploys the EAR unless the deployed application is healthy and was deployed from an identical EAR
#      (its SHA-256 is kept beside the domain, in <domain-dir>/smart.ear.sha256);
#   4. a deploy that fails or does not become healthy: restarts the domain and deploys once more; if that
#      fails too, stops with exit status 1 and the server log's errors.
#   Healthy means: /health/ready answers 200 with the container's own checks, and /api/manifest 200.
# stop: stops domain1 if it runs.
#
# Environment (defaults in brackets): SMART_PAYARA_HOME [.payara/payara6], SMART_ADMIN_PORT [4848],
# SMART_HTTP_PORT [8080], SMART_START_TIMEOUT seconds for a start or deploy to become healthy [300].
# The server inherits the environment, so e.g. SMART_SAMPLE_PATIENTS_COUNT=0 reaches the application
# (MicroProfile Config) when this script starts the server.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
home=${SMART_PAYARA_HOME:-$repo/.payara/payara6}
[ ! -d "$home" ] || home=$(cd "$home" && pwd)
admin_port=${SMART_ADMIN_PORT:-4848}
http="http://localhost:${SMART_HTTP_PORT:-8080}"
timeout=${SMART_START_TIMEOUT:-300}
domain_dir=$home/glassfish/domains/domain1
log=$domain_dir/logs/server.log
checksum_file=$domain_dir/smart.ear.sha256
asadmin="$home/bin/asadmin --port $admin_port"

say() { echo "run.sh: $*"; }
fail() { echo "run.sh: $*" >&2; exit 1; }

running() { $asadmin list-domains 2>/dev/null | grep -q "^domain1 running"; }

log_size() { [ -f "$log" ] && wc -c < "$log" || echo 0; }

# The container's own health checks answer UP and the API serves its manifest.
healthy() {
  ready=$(curl -sf --max-time 10 "$http/health/ready" 2>/dev/null) || return 1
  case $ready in *'"smart-record-store"'*) ;; *) return 1 ;; esac
  curl -sf -o /dev/null --max-time 10 "$http/api/manifest"
}

deployed_in_config() { grep -q '<application [^>]*name="smart"' "$domain_dir/config/domain.xml"; }

# Lines the server logged since byte $1 (the whole current log if it was rotated meanwhile).
log_since() {
  if [ "$(log_size)" -lt "$1" ]; then cat "$log"; else tail -c +"$(($1 + 1))" "$log"; fi
}

# After a start: waits until the server's own load of the deployed application has ended, well or badly.
wait_for_startup_load() {
  offset=${1:-0}
  deployed_in_config || return 0
  deadline=$(($(date +%s) + timeout))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if healthy; then say "the deployed application is up"; return 0; fi
    if log_since "$offset" | grep -qE 'Exception while (loading|deploying) the app \[smart\]|Application deployment failed'; then
      say "the server could not load the deployed application at start (server.log); it will be deployed again"
      return 0
    fi
    sleep 2
  done
  say "the deployed application did not come up within ${timeout}s of the start"
}

start_domain() {
  offset=$(log_size)
  say "starting domain1 ($home)"
  $asadmin start-domain domain1 >/dev/null || fail "asadmin start-domain failed; see $log"
  wait_for_startup_load "$offset"
}

stop_domain() {
  if running; then
    say "stopping domain1"
    $asadmin stop-domain domain1 >/dev/null
  fi
}

wait_healthy() {
  deadline=$(($(date +%s) + timeout))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    healthy && return 0
    sleep 2
  done
  return 1
}

deploy() {
  rm -f "$checksum_file"
  say "deploying $ear"
  offset=$(log_size)
  if $asadmin deploy --force=true --name smart "$ear" && wait_healthy; then
    echo "$ear_checksum" > "$checksum_file"
    return 0
  fi
  log_since "$offset" | grep -E '\[SEVERE\]|Exception' | grep -v '^\s*at ' | head -20 >&2 || true
  return 1
}

start() {
  ear=${1:-$repo/smart-ear/target/smart.ear}
  [ -f "$ear" ] || fail "no EAR at $ear: build it with ./mvnw package -DskipTests"
  [ -x "$home/bin/asadmin" ] || fail "no Payara Server in $home: ./mvnw -Prun package unpacks it"
  command -v curl >/dev/null 2>&1 || fail "curl is needed to check the application's health: install it (e.g. apt-get install curl)"
  ear_checksum=$( (sha256sum "$ear" 2>/dev/null || shasum -a 256 "$ear") | cut -d' ' -f1)
  if ! running; then
    start_domain
  elif ! healthy; then
    # started by someone else, perhaps seconds ago: let its load of the application end first
    wait_for_startup_load "$(grep -b 'startup time :' "$log" 2>/dev/null | tail -1 | cut -d: -f1 || true)"
  fi
  sh "$repo/scripts/production-listener.sh" $asadmin
  if healthy && [ "$(cat "$checksum_file" 2>/dev/null)" = "$ear_checksum" ]; then
    say "the deployed application is healthy and its EAR is unchanged: not redeployed"
  elif ! deploy; then
    say "the deploy failed; restarting domain1 and deploying once more"
    stop_domain
    start_domain
    deploy || fail "the deploy failed again after a restart of domain1: see $log"
  fi
  echo
  echo "SMART Container EE is running: portal $http/  API $http/api/manifest  health $http/health"
  echo "Sign in as 'admin' with the password in $domain_dir/smart-data/initial-admin-password.txt"
  echo "Stop it with: ./mvnw -Pstop validate"
}

case ${1:-start} in
  start) [ $# -eq 0 ] || shift; start "$@" ;;
  stop)
    if [ -x "$home/bin/asadmin" ]; then stop_domain; else say "no server in $home: nothing to stop"; fi ;;
  *) echo "usage: scripts/run.sh [start [EAR] | stop]" >&2; exit 2 ;;
esac
