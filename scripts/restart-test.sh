#!/bin/sh
# The run command's restart test: stops and runs the server N times (default 10) through the run command's
# own script (scripts/run.sh) and requires a healthy start every time: run.sh succeeds, the application is
# deployed, /health/ready is UP with the container's checks, /api/manifest answers 200 and a signed-in
# administrator call (/api/admin/records/count, HTTP Basic) answers 200. Every fourth start brings a changed
# EAR (an extra entry, kept for the following starts), so that the deploy right after a start, which raced
# the server's own load of the application, is exercised too; the other starts find the same EAR deployed
# and do not redeploy. Ends with checks of the production listener settings (no h2c upgrade: an anonymous API
# call offering it gets its 401 over HTTP/1.1 at once; an oversized header refused with 400).
# The server is stopped at the end, also when a check fails.
#
# Usage: scripts/restart-test.sh [iterations]
# Environment: as scripts/run.sh (SMART_PAYARA_HOME, SMART_ADMIN_PORT, SMART_HTTP_PORT; default the run
# command's server in .payara/ on 8080/4848, which the test leaves stopped), and SMART_EAR (default
# smart-ear/target/smart.ear). The full test run (smart-it/pom.xml, profile restart-test) gives it a server of
# its own under smart-it/target/restart-test with ports +35000 and SMART_SAMPLE_PATIENTS_COUNT=0.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
iterations=${1:-10}
home=${SMART_PAYARA_HOME:-$repo/.payara/payara6}
http="http://localhost:${SMART_HTTP_PORT:-8080}"
ear=${SMART_EAR:-$repo/smart-ear/target/smart.ear}
asadmin="$home/bin/asadmin --port ${SMART_ADMIN_PORT:-4848}"
password_file=$home/glassfish/domains/domain1/smart-data/initial-admin-password.txt
work=$(mktemp -d)

finish() {
  status=$?
  "$repo/scripts/run.sh" stop || true
  rm -rf "$work"
  [ $status -eq 0 ] || echo "restart-test.sh: FAILED (server log: $home/glassfish/domains/domain1/logs/server.log)" >&2
}
trap finish EXIT
trap 'exit 1' INT TERM

fail() { echo "restart-test.sh: iteration $i: $*" >&2; exit 1; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@" || true; }

[ -f "$ear" ] || { echo "restart-test.sh: no EAR at $ear" >&2; exit 2; }
start_time=$(date +%s)
run_ear=$ear
i=0
while [ $i -lt "$iterations" ]; do
  i=$((i + 1))
  t0=$(date +%s)
  "$repo/scripts/run.sh" stop >/dev/null
  if [ $((i % 4)) -eq 0 ]; then
    # a changed EAR from now on: the run command must deploy it after the server's own load of the old one
    run_ear=$work/smart-$i.ear
    cp "$ear" "$run_ear"
    echo "$i" > "$work/restart-test-iteration.txt"
    (cd "$work" && jar uf "$run_ear" restart-test-iteration.txt)
  fi
  "$repo/scripts/run.sh" start "$run_ear" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; fail "scripts/run.sh failed"; }
  $asadmin list-applications 2>/dev/null | grep -q '^smart ' || fail "the application smart is not deployed"
  ready=$(curl -s --max-time 30 "$http/health/ready" || true)
  case $ready in *'"status":"UP"'*'"smart-record-store"'*) ;; *) fail "/health/ready: $ready" ;; esac
  [ "$(code "$http/api/manifest")" = 200 ] || fail "/api/manifest did not answer 200"
  admin_code=$(code -u "admin:$(cat "$password_file")" "$http/api/admin/records/count")
  [ "$admin_code" = 200 ] || fail "/api/admin/records/count as admin answered $admin_code"
  deployed=$(grep -q 'not redeployed' "$work/run.log" && echo "unchanged EAR, not redeployed" || echo "deployed")
  echo "restart-test.sh: start $i/$iterations healthy in $(($(date +%s) - t0)) s ($deployed; load $(cut -d' ' -f1 /proc/loadavg))"
done

# The server runs on the production listener settings.
upgrade=$(curl -s -o /dev/null -w '%{http_code} HTTP/%{http_version}' --http2 --max-time 10 "$http/api/admin/records/count" || true)
[ "$upgrade" = "401 HTTP/1.1" ] || fail "an anonymous call offering h2c got $upgrade, not 401 HTTP/1.1 within 10 s"
big_header=$(head -c 20000 /dev/zero | tr '\0' a)
[ "$(code -H "X-Oversized: $big_header" "$http/api/manifest")" = 400 ] || fail "a 20 KB header was not refused with 400"
echo "restart-test.sh: $iterations of $iterations starts healthy in $(($(date +%s) - start_time)) s"
