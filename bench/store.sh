#!/bin/sh
# The record store benchmark through the API (bench/README.md, "Record store through the API"): a Payara Server of
# its own under .store-bench/ (ports moved by --offset, default +26000: HTTP 34080, admin 30848), embedded H2, no
# generated sample patients, the response cache off, started and the EAR deployed by the run command's scripts/run.sh
# (production listener settings; -Xmx1g, the issue's bound for 10,000 patients); the Fuseki peer (Apache Jena Fuseki, TDB2, loopback) beside it.
# Then org.smartcontainer.bench.StoreBenchmarkDriver:
#   1. imports the 59 upstream patients (../shared/sample-patients) through PUT /api/admin/records/{id}, loads them
#      into the peer, and measures uncached signed reads (medications of 1768562, lab results of 1796238; RDF/XML,
#      Turtle, JSON-LD; 8 and 32 clients) beside the peer and a static file of the same bytes;
#   2. imports clones up to --patients N, one request after the other (triples/s per 500 patients), reports the
#      data directory's size and the heap, loads the peer likewise, and measures the same reads;
#   3. imports --kill-extra more clones and kills the server (kill -9) with the next PUT in flight; starts it again
#      (the response cache on, as shipped) and measures the time from the start to the first 200 of a signed read,
#      then reads every acknowledged record whole; then the cached signed medications at 1 client against the
#      static file; stops the server and the peer.
# Usage: bench/store.sh [--patients N] [--kill-extra K] [--seconds S] [--block B] [--offset O] [--fuseki-port P]
#                       [--no-build] [--no-reads] [--peer-59-only]
#   --no-reads: import, kill and recovery only; --peer-59-only: the peer holds the 59 upstream patients only (loading
#   it takes as long as the import), the reads at N without it
# Defaults: 2000 patients, 25 more before the kill, 10 s per measured run, import rates per 500 patients (--block),
# offset 26000, Fuseki on 33310.
# A run deletes .store-bench/ first; the driver's files (acknowledged records, tokens, tables) go to
# .store-bench/state. Extra Maven arguments (e.g. -o) come from MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$root/.store-bench
offset=26000
patients=2000
kill_extra=25
seconds=10
block=500
fuseki_port=33310
build=yes
do_reads=yes
peer_at_n=yes
while [ $# -gt 0 ]; do
  case $1 in
    --patients) patients=$2; shift 2 ;;
    --kill-extra) kill_extra=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --block) block=$2; shift 2 ;;
    --offset) offset=$2; shift 2 ;;
    --fuseki-port) fuseki_port=$2; shift 2 ;;
    --no-build) build=""; shift ;;
    --no-reads) do_reads=""; shift ;;
    --peer-59-only) peer_at_n=""; shift ;;
    *) echo "store.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for n in "$patients" "$kill_extra" "$seconds" "$block" "$offset" "$fuseki_port"; do
  case $n in ''|*[!0-9]*) echo "store.sh: options take whole numbers" >&2; exit 2 ;; esac
done
[ "$patients" -ge 60 ] || { echo "store.sh: --patients must be at least 60" >&2; exit 2; }
. bench/own-server.sh
asadmin="$home/bin/asadmin --port $admin_port"
fuseki="http://localhost:$fuseki_port/peer"
fuseki_pid=""
starting=""
export SMART_SAMPLE_PATIENTS_COUNT=0

if [ -n "$build" ]; then
  echo "Building the EAR and the driver ($(date -u +%H:%M:%S) UTC)"
  # shellcheck disable=SC2086
  ./mvnw -B -ntp -q ${MAVEN_ARGS:-} package -DskipTests -pl smart-ear,bench -am
fi

stop_all() {
  [ -z "$starting" ] || wait "$starting" || true  # the recovery phase's start-domain, when still running
  [ ! -x "$home/bin/asadmin" ] || scripts/run.sh stop || true
  [ -z "$fuseki_pid" ] || { kill "$fuseki_pid" 2>/dev/null || true; wait "$fuseki_pid" 2>/dev/null || true; }
}
[ ! -x "$home/bin/asadmin" ] || scripts/run.sh stop
trap stop_all EXIT
trap 'exit 130' INT TERM
echo "A fresh server under $dir ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
unpack_server
mkdir -p "$dir/state" "$dir/fuseki"
# uncached first reads: the response cache off until the restart after the kill
# the issue's bound for a store of 10,000 patients: a 1 GB heap (Payara's default is 512 MB)
scripts/payara-ports.sh "$domain/config/domain.xml" "$offset" "-Xmx1g -Dsmart.api.response-cache.max-mb=0"
scripts/run.sh start

java -Xmx1g -jar bench/target/fuseki/fuseki-server.jar --localhost --port "$fuseki_port" --tdb2 --loc="$dir/fuseki" \
  --update /peer > "$dir/fuseki.log" 2>&1 &
fuseki_pid=$!
i=0
until curl -sf -o /dev/null "$fuseki/query?query=ASK%7B%7D"; do
  i=$((i + 1)); [ $i -lt 600 ] || { echo "store.sh: Fuseki did not start, see $dir/fuseki.log" >&2; exit 1; }
  sleep 0.2
done

driver() {
  java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.smartcontainer.bench.StoreBenchmarkDriver "$@" \
    --base "http://localhost:$http_port" --domain "$domain" --state "$dir/state" --shared "$root/../shared"
}
# The reads; a server that ran out of heap meanwhile is reported and restarted (the phases after it need one).
reads() {
  [ -n "$do_reads" ] || return 0
  log_offset=$(wc -c < "$domain/logs/server.log")
  driver reads --fuseki "$fuseki" --asadmin "$home/bin/asadmin" --admin-port "$admin_port" --seconds "$seconds" "$@" || true
  if tail -c +"$((log_offset + 1))" "$domain/logs/server.log" | grep -q OutOfMemoryError; then
    echo "THE SERVER RAN OUT OF HEAP during these reads ($(tail -c +"$((log_offset + 1))" "$domain/logs/server.log" \
      | grep -c OutOfMemoryError) lines in server.log); restarting it"
    kill -9 "$(server_pid)"; sleep 2
    scripts/run.sh start > /dev/null
  fi
}
server_pid() { cat "$domain/config/pid"; }
# The heap after a full collection, and the data directory's size (KB) by part.
heap_and_size() {
  pid=$(server_pid)
  jcmd "$pid" GC.run > /dev/null
  echo "Heap after a full GC ($1): $(jcmd "$pid" GC.heap_info | grep -o 'total [0-9]*K, used [0-9]*K' | head -1)"
  echo "Data directory ($1): $(du -sk "$domain/smart-data" | cut -f1) KB; by part: $(cd "$domain/smart-data" && du -sk -- * | tr '\t\n' '= ')"
}

echo; echo "== 59 upstream patients ($(date -u +%H:%M:%S) UTC)"
driver import --from 0 --to 59 --block 59
[ -z "$do_reads" ] || driver peer-load --fuseki "$fuseki" --from 0 --to 59
heap_and_size "59 patients"
reads --label 59

echo; echo "== Import up to $patients patients ($(date -u +%H:%M:%S) UTC)"
driver import --from 59 --to "$patients" --block "$block"
heap_and_size "$patients patients"
if [ -n "$peer_at_n" ]; then
  [ -z "$do_reads" ] || driver peer-load --fuseki "$fuseki" --from 59 --to "$patients"
  reads --label "$patients"
else
  reads --label "$patients" --modes signed,static
fi

echo; echo "== kill -9 during an import ($(date -u +%H:%M:%S) UTC)"
$asadmin delete-jvm-options "-Dsmart.api.response-cache.max-mb=0" > /dev/null
driver import --from "$patients" --to $((patients + kill_extra)) --block "$kill_extra" --kill-pid "$(server_pid)"
sleep 1
log_offset=$(wc -c < "$domain/logs/server.log")
start_ms=$(date +%s%3N)
( rc=0; $asadmin start-domain domain1 > "$dir/start-domain.log" 2>&1 || rc=$?
  echo "asadmin start-domain returned after $(( $(date +%s%3N) - start_ms )) ms (exit status $rc)" ) &
starting=$!
driver recover --since-ms "$start_ms"
wait "$starting"
starting=""
echo "Server log since the restart (store, journal, SEVERE):"
tail -c +"$((log_offset + 1))" "$domain/logs/server.log" \
  | grep -iE 'record store|journal|rebuil|SEVERE|startup time' | cut -c1-300 || true
heap_and_size "after the restart, $((patients + kill_extra)) patients"

echo; echo "== Cached (response cache on) ($(date -u +%H:%M:%S) UTC)"
reads --label "$patients, cached" --modes signed,static --clients 1,8 --formats rdfxml --calls medications
heap_and_size "end"
echo; echo "All reads (also in $dir/state/reads.md):"
echo "| Patients | Call, format | Clients | Ours, signed req/s (p50 ms) | Fuseki peer | Static | Ours / peer | Ours / static |"
echo "|---|---|---|---|---|---|---|---|"
[ ! -f "$dir/state/reads.md" ] || cat "$dir/state/reads.md"
echo "Done $(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
