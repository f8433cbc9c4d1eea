#!/bin/sh
# Production settings of a Payara Server domain's HTTP listeners (docs/operations.md, "HTTP listener
# settings"): a worker pool sized for 32 concurrent clients instead of Payara's 5 threads, bounded request
# lines, headers and bodies, timeouts, and no HTTP/2 cleartext upgrade (h2c) on the plain HTTP listener.
# The run command applies them to its server (scripts/run.sh), the integration tests to theirs
# (smart-it/pom.xml); an administrator runs it once against any domain.
# Usage: production-listener.sh <asadmin> [asadmin options, e.g. --port 4848]
# Idempotent: reads the current values and sets only those that differ. If the domain (domain1) is not
# running it is started for the asadmin commands and stopped again. Prints what changed. The settings
# take effect at once on a running server (the listeners are reconfigured); nothing needs a restart.
set -eu
[ $# -ge 1 ] || { echo "usage: production-listener.sh <asadmin> [asadmin options]" >&2; exit 2; }

config=configs.config.server-config
pool=$config.thread-pools.thread-pool.http-thread-pool
# Every listener on the HTTP worker pool gets the same limits: http-listener-1 (plain HTTP) and
# http-listener-2 (HTTPS).
settings="
$pool.max-thread-pool-size=64
$pool.min-thread-pool-size=16
$pool.max-queue-size=1024
$pool.idle-thread-timeout-seconds=300
$config.network-config.protocols.protocol.http-listener-1.http.http2-enabled=false
"
for protocol in http-listener-1 http-listener-2; do
  http=$config.network-config.protocols.protocol.$protocol.http
  settings="$settings
$http.header-buffer-length-bytes=16384
$http.max-request-headers=64
$http.max-post-size-bytes=33554432
$http.max-form-post-size-bytes=2097152
$http.max-request-parameters=1000
$http.timeout-seconds=30
$http.request-timeout-seconds=600
$http.connection-upload-timeout-millis=60000
$http.upload-timeout-enabled=true
$http.trace-enabled=false
"
done

started=""
if ! "$@" list-domains 2>/dev/null | grep -q "^domain1 running"; then
  "$@" start-domain domain1 >/dev/null
  started=yes
fi
trap '[ -z "$started" ] || "$@" stop-domain domain1 >/dev/null' EXIT

current=$("$@" get "$pool.*"; "$@" get "$config.network-config.protocols.protocol.*")
changes=""
for setting in $settings; do
  printf '%s\n' "$current" | grep -qxF "$setting" || changes="$changes $setting"
done
if [ -z "$changes" ]; then
  echo "production-listener.sh: the HTTP listener settings are in place"
else
  # shellcheck disable=SC2086
  "$@" set $changes >/dev/null
  echo "production-listener.sh: set$changes" | sed 's/ configs\.config\.server-config\./\n  /g'
fi
