#!/bin/sh
# Stops the two-node cluster of scripts/cluster-up.sh (load balancer, both nodes, PostgreSQL), keeping
# its data under CLUSTER_DIR (default .cluster); delete that directory to start afresh.
set -eu
cd "$(dirname "$0")/.."
dir=${CLUSTER_DIR:-$(pwd)/.cluster}
base=${CLUSTER_PORT_BASE:-47540}
if [ -f "$dir/haproxy.pid" ]; then
  kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
  rm -f "$dir/haproxy.pid"
fi
for n in 1 2; do
  home=$dir/node$n/payara6
  admin=$((base + 12 + (n - 1) * 20))
  if [ -x "$home/bin/asadmin" ] && "$home/bin/asadmin" --port "$admin" list-domains 2>/dev/null | grep -q "domain1 running"; then
    "$home/bin/asadmin" --port "$admin" stop-domain domain1 >/dev/null && echo "node$n stopped"
  fi
done
scripts/postgresql.sh stop "$dir/postgresql"
