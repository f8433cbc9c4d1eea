#!/bin/sh
# The SMART Connect passthrough benchmark (bench/README.md, "SMART Connect passthrough"): a Payara Server of its own
# under .connect-bench/ (ports moved by --offset, default +24000: HTTP 32080, admin 28848), embedded H2, started and
# the EAR deployed by the run command's scripts/run.sh (production listener settings, healthy before it returns);
# then org.smartcontainer.bench.ConnectLoadDriver: Connect calls through /smart_passthrough with a Connect token side
# by side with direct OAuth-signed API calls, at 1, 8, 32 and 64 concurrent calls, and its table. The server is
# stopped at the end.
# Usage: bench/connect.sh [--offset N] [--no-build]
#                         [driver options: --seconds N, --clients 1,8,32,64, --record ID, --calls demographics,...]
#   --no-build  use the EAR and driver already built
# A run deletes .connect-bench/ first. Extra Maven arguments (e.g. -o) come from MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$root/.connect-bench
offset=24000
build=yes
driver_args=""
while [ $# -gt 0 ]; do
  case $1 in
    --offset) offset=$2; shift 2 ;;
    --no-build) build=""; shift ;;
    --seconds|--clients|--record|--calls) driver_args="$driver_args $1 $2"; shift 2 ;;
    *) echo "connect.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case $offset in ''|*[!0-9]*) echo "connect.sh: --offset takes a whole number" >&2; exit 2 ;; esac
. bench/own-server.sh

if [ -n "$build" ]; then
  echo "Building the EAR and the driver ($(date -u +%H:%M:%S) UTC)"
  # shellcheck disable=SC2086
  ./mvnw -B -ntp -q ${MAVEN_ARGS:-} package -DskipTests -pl smart-ear,bench -am
fi

[ ! -x "$home/bin/asadmin" ] || scripts/run.sh stop
trap 'scripts/run.sh stop' EXIT
trap 'exit 130' INT TERM
echo "A fresh server under $dir ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
unpack_server
# An app instance may make 600 calls a minute through the portal: far fewer than a closed loop sends, so the
# benchmark's server allows more (the limit is still checked on every call).
scripts/payara-ports.sh "$domain/config/domain.xml" "$offset" "-Dsmart.connect.calls-per-minute=100000000"
scripts/run.sh start
echo "Server ready ($(date -u +%H:%M:%S) UTC); HTTP worker pool: $(grep -o '<thread-pool [^>]*name="http-thread-pool"[^>]*>' \
  "$domain/config/domain.xml" | head -1 | grep -o 'max-thread-pool-size="[0-9]*"')"

# shellcheck disable=SC2086
java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.smartcontainer.bench.ConnectLoadDriver \
  --base "http://localhost:$http_port" --domain "$domain" $driver_args
