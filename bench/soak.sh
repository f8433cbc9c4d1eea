#!/bin/sh
# The soak benchmark (bench/README.md, "Soak"): a Payara Server of its own under .soak/ (ports +22000: HTTP 30080,
# admin 26848) on a PostgreSQL of its own (loopback port 61432), the EAR deployed with asadmin, then
# org.smartcontainer.bench.SoakDriver: 32 clients for 30 minutes (signed reads of every patient, clinical notes,
# scratchpads, hostile inputs at a low rate, PostgreSQL stopped for 20 s in the middle), and its report.
# Usage: bench/soak.sh [--minutes N] [--keep] [--reuse] [--no-build] [driver options: --clients N, --think-ms N,
#        --h2c-clients N (default a quarter of the clients), --fuzz-per-second N, --outage-seconds N, --seed N]
#   --keep      leave the server and PostgreSQL running at the end (stop them with: bench/soak.sh --stop)
#   --reuse     run against the server a --keep run left (no fresh server; figures then include earlier runs)
#   --no-build  use the EAR and driver already built
# A fresh run deletes .soak/ first. Extra Maven arguments (e.g. -o) come from MAVEN_ARGS.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
soak=$root/.soak
offset=22000
http_port=$((8080 + offset))
admin_port=$((4848 + offset))
pg_port=61432
minutes=30
keep=""
reuse=""
build=yes
stop_only=""
driver_args=""
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --keep) keep=yes; shift ;;
    --reuse) reuse=yes; shift ;;
    --no-build) build=""; shift ;;
    --stop) stop_only=yes; shift ;;
    --clients|--h2c-clients|--think-ms|--fuzz-per-second|--outage-seconds|--seed) driver_args="$driver_args $1 $2"; shift 2 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case $minutes in ''|*[!0-9]*) echo "soak.sh: --minutes takes a whole number" >&2; exit 2 ;; esac

payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
pg_version=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' smart-it/pom.xml)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
payara_zip=$repo/fish/payara/distributions/payara/$payara_version/payara-$payara_version.zip
jdbc_jar=$repo/org/postgresql/postgresql/$pg_version/postgresql-$pg_version.jar
home=$soak/payara6
domain=$home/glassfish/domains/domain1
asadmin="$home/bin/asadmin --port $admin_port"

stop_all() {
  if [ -x "$home/bin/asadmin" ]; then $asadmin stop-domain domain1 >/dev/null 2>&1 || true; fi
  if [ -d "$soak/postgresql" ]; then scripts/postgresql.sh stop "$soak/postgresql" || true; fi
}
if [ -n "$stop_only" ]; then stop_all; exit 0; fi

if [ -n "$build" ]; then
  echo "Building the EAR and the driver ($(date -u +%H:%M:%S) UTC)"
  # shellcheck disable=SC2086
  ./mvnw -B -ntp -q ${MAVEN_ARGS:-} package -DskipTests -pl smart-ear,bench -am
fi

cleanup() {
  status=$?
  if [ -z "$keep" ]; then
    echo "Stopping the soak server and its PostgreSQL"
    stop_all
  else
    echo "Kept running: http://localhost:$http_port (admin port $admin_port), PostgreSQL 127.0.0.1:$pg_port; stop with bench/soak.sh --stop"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$reuse" ]; then
  echo "A fresh server under $soak ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  stop_all
  rm -rf "$soak"
  mkdir -p "$soak"
  [ -f "$payara_zip" ] || { echo "soak.sh: no $payara_zip (run ./mvnw -Prun package once, or mvn dependency:get)" >&2; exit 1; }
  [ -f "$jdbc_jar" ] || { echo "soak.sh: no $jdbc_jar (run the PostgreSQL integration tests once)" >&2; exit 1; }
  unzip -q "$payara_zip" -d "$soak"
  scripts/payara-ports.sh "$domain/config/domain.xml" $offset
  # the production listener settings (worker pool for 32 clients, input limits), as the run command applies them
  sh scripts/production-listener.sh --domain-xml "$domain/config/domain.xml"
  scripts/postgresql.sh start "$soak/postgresql" $pg_port
  scripts/payara-postgresql.sh "$home" $admin_port "$jdbc_jar" 127.0.0.1 $pg_port smart smart
  $asadmin start-domain domain1
  echo "Deploying the EAR ($(date -u +%H:%M:%S) UTC)"
  $asadmin deploy --name smart smart-ear/target/smart.ear
fi
tries=0
until curl -sf -o /dev/null "http://localhost:$http_port/health/ready"; do
  tries=$((tries + 1))
  [ $tries -lt 120 ] || { echo "soak.sh: the server is not ready after 10 minutes" >&2; exit 1; }
  sleep 5
done
echo "Server ready ($(date -u +%H:%M:%S) UTC)"

# shellcheck disable=SC2086
java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.smartcontainer.bench.SoakDriver \
  --base "http://localhost:$http_port" --domain "$domain" --minutes "$minutes" \
  --postgresql-script "$root/scripts/postgresql.sh" --postgresql-dir "$soak/postgresql" --postgresql-port $pg_port \
  --report "$soak/report.md" $driver_args
