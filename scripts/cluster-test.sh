#!/bin/sh
# Proves the two-node properties on the cluster of scripts/cluster-up.sh: brings it up (if it is not up),
# runs smart-it's ClusterIT against it (a token issued by one node is valid on the other, a nonce used on
# one is refused on the other, a signed-in portal session survives the loss of its node: the test stops
# that node and starts it again), and leaves the cluster running (scripts/cluster-down.sh stops it).
# Environment as for cluster-up.sh.
set -eu
cd "$(dirname "$0")/.."
dir=${CLUSTER_DIR:-$(pwd)/.cluster}
base=${CLUSTER_PORT_BASE:-47540}
scripts/cluster-up.sh
exec ./mvnw -B -ntp verify -pl smart-it -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterIT -DskipITs=false \
  -Dit.http.port=$((base + 1)) \
  -Dit.cluster.node1=http://localhost:$((base + 10)) -Dit.cluster.node2=http://localhost:$((base + 30)) \
  -Dit.cluster.dir="$dir" -Dit.cluster.node1.admin-port=$((base + 12)) -Dit.cluster.node2.admin-port=$((base + 32)) \
  -Dit.cluster.admin-password-file="$dir/node1/payara6/glassfish/domains/domain1/smart-data/initial-admin-password.txt" \
  "$@"
