#!/bin/sh
# A throwaway PostgreSQL server for tests and the local two-node cluster: Debian's postgresql package,
# a data directory of its own, listening on loopback only, database "smart" owned by user "smart".
# Usage: postgresql.sh start <data-dir> <port> [database...]
#                                                  creates the cluster on first use, then starts it, and
#                                                  creates the databases (default: smart) that are missing
#        postgresql.sh stop  <data-dir>            stops it (fast shutdown), keeps the data
#        postgresql.sh url   <data-dir> <port>     prints the JDBC URL
# PostgreSQL refuses to run as root: when run as root, the server runs as the system user "postgres"
# (created by the Debian package), which then owns the data directory.
set -eu
command=${1:?usage: postgresql.sh start|stop|url <data-dir> [port]}
data_dir=${2:?data directory missing}
port=${3:-}
databases=smart
if [ $# -gt 3 ]; then shift 3; databases=$*; fi

bin=""
for candidate in "${PG_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then bin=$candidate; break; fi
done
[ -n "$bin" ] || { echo "postgresql.sh: PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    [ -n "$port" ] || { echo "postgresql.sh: port missing" >&2; exit 2; }
    mkdir -p "$data_dir"
    data_dir=$(cd "$data_dir" && pwd)
    [ "$(id -u)" -ne 0 ] || chown postgres "$data_dir"
    if [ ! -f "$data_dir/pgdata/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$data_dir/pgdata" -U smart --auth=trust -E UTF8 --locale=C.UTF-8 >"$data_dir/initdb.log"
    fi
    if as_owner "$bin/pg_ctl" -D "$data_dir/pgdata" status >/dev/null 2>&1; then
      echo "PostgreSQL already running in $data_dir"
    else
      as_owner "$bin/pg_ctl" -D "$data_dir/pgdata" -l "$data_dir/postgresql.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $data_dir/pgdata" start >/dev/null
    fi
    for database in $databases; do
      if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U smart -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
        "$bin/psql" -h 127.0.0.1 -p "$port" -U smart -d postgres -qc "CREATE DATABASE $database"
      fi
    done
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $data_dir/pgdata"
    ;;
  stop)
    if [ -f "$data_dir/pgdata/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$data_dir/pgdata" -m fast -w stop >/dev/null
      echo "PostgreSQL in $data_dir stopped"
    fi
    ;;
  url)
    echo "jdbc:postgresql://127.0.0.1:$port/smart"
    ;;
  *)
    echo "postgresql.sh: unknown command $command" >&2; exit 2 ;;
esac
