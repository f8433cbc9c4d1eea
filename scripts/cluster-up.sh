#!/bin/sh
# Brings up SMART Container EE as a two-node cluster on this machine (docs/operations.md, "Cluster"):
#   - PostgreSQL (scripts/postgresql.sh), shared by both nodes: accounts, apps, tokens, consents, app data;
#   - two Payara Servers unpacked side by side (node1, node2), each deploying smart-ear/target/smart.ear,
#     whose Hazelcast data grids join one cluster (TCP/IP discovery): the OAuth nonce store (JCache on the
#     server's CacheManager) is shared, so a nonce used on one node is refused on the other;
#   - one address in front of them: HAProxy from Debian (installed when missing), round robin with
#     health checks, sticky portal sessions (cookie), failing over when a node is down.
# Both nodes get the same smart.secrets.key (consumer secrets), smart.datasource and smart.api.base/ui.base
# (the public address, so OAuth signatures verify on either node).
# Portal sessions are replicated through the data grid (web container availability, persistence type
# hazelcast; the EAR deployed with --availabilityenabled=true), so a node's loss does not sign its portal
# users out; CLUSTER_SESSION_REPLICATION=false keeps them sticky only.
# Each node has its own native record store; both seed the same sample patients. A shared record store
# is the remote SPARQL store (docs/operations.md). Build the EAR first: ./mvnw -B -ntp package -DskipTests
# Usage: scripts/cluster-up.sh            (scripts/cluster-down.sh stops everything, keeping the data)
# Environment: CLUSTER_DIR (default .cluster), CLUSTER_PORT_BASE (default 47540): PostgreSQL base+0,
# public address base+1, node1 ports base+10..base+21, node2 base+30..base+41 (HTTP base+10 / base+30,
# admin base+12 / base+32).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${CLUSTER_DIR:-$root/.cluster}
base=${CLUSTER_PORT_BASE:-47540}
replication=${CLUSTER_SESSION_REPLICATION:-true}
case $replication in true|false) ;; *) echo "cluster-up.sh: CLUSTER_SESSION_REPLICATION must be true or false" >&2; exit 1 ;; esac
ear=$root/smart-ear/target/smart.ear
[ -f "$ear" ] || { echo "cluster-up.sh: no EAR at $ear; build it first (./mvnw -B -ntp package -DskipTests)" >&2; exit 1; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# A first deployment generates the sample patients, which takes minutes on a busy machine.
export AS_ADMIN_READTIMEOUT=${AS_ADMIN_READTIMEOUT:-1800000}

pg_port=$base
lb_port=$((base + 1))
public=http://localhost:$lb_port

payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)
postgresql_version=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' smart-it/pom.xml | head -1)

# The Payara zip and the JDBC driver, through Maven (from the local repository or Maven Central).
fetch() {
  ./mvnw -B -ntp -q dependency:copy -Dartifact="$1" -DoutputDirectory="$dir/downloads" -Dmdep.stripVersion=true
}
[ -f "$dir/downloads/payara.zip" ] || fetch "fish.payara.distributions:payara:$payara_version:zip"
[ -f "$dir/downloads/postgresql.jar" ] || fetch "org.postgresql:postgresql:$postgresql_version"

scripts/postgresql.sh start "$dir/postgresql" "$pg_port"

# One AES-256 key for consumer secrets, shared by the nodes (base64 without padding: asadmin reads '=').
[ -f "$dir/secrets.key" ] || head -c 32 /dev/urandom | base64 | tr -d '=\n' > "$dir/secrets.key"
chmod 600 "$dir/secrets.key"
key=$(cat "$dir/secrets.key")

# Moves every port of a freshly unpacked domain into base..base+11.
set_ports() {
  domain_xml=$1 first=$2 expr="" i=0
  [ -f "$domain_xml.unpacked" ] || cp "$domain_xml" "$domain_xml.unpacked"
  for port in 8080 8181 4848 3700 3820 3920 8686 7676 4900 5900 9009 6666; do
    new=$((first + i)); i=$((i + 1))
    expr="$expr -e s/\"$port\"/\"$new\"/g -e s/address=$port\"/address=$new\"/g -e s/port=$port</port=$new</g"
  done
  # shellcheck disable=SC2086
  sed $expr "$domain_xml.unpacked" > "$domain_xml"
}

# A DAS's data grid member listens on its das port (base+18); list the start ports too.
escape() { printf '%s' "$1" | sed 's/:/\\:/g'; }
hz_members="127.0.0.1:$((base + 18)),127.0.0.1:$((base + 19)),127.0.0.1:$((base + 38)),127.0.0.1:$((base + 39))"
for n in 1 2; do
  first=$((base + 10 + (n - 1) * 20))
  home=$dir/node$n/payara6
  asadmin="$home/bin/asadmin --port $((first + 2))"
  if [ ! -d "$home" ]; then
    mkdir -p "$dir/node$n"
    unzip -q "$dir/downloads/payara.zip" -d "$dir/node$n"
    set_ports "$home/glassfish/domains/domain1/config/domain.xml" "$first"
  fi
  if [ ! -f "$dir/node$n/configured" ]; then
    $asadmin list-domains 2>/dev/null | grep -q "domain1 running" || $asadmin start-domain domain1 >/dev/null
    $asadmin set-hazelcast-configuration --clustermode tcpip --tcpipmembers "$hz_members" \
      --startport $((first + 9)) --dasport $((first + 8)) --clustername smart-cluster \
      --membername "node$n" --autoincrementport=false --interfaces 127.0.0.1 --dynamic=false >/dev/null
    # HTTP sessions of applications deployed with --availabilityenabled=true live in the data grid too.
    $asadmin set configs.config.server-config.availability-service.availability-enabled=true \
      configs.config.server-config.availability-service.web-container-availability.availability-enabled=true \
      configs.config.server-config.availability-service.web-container-availability.persistence-type=hazelcast >/dev/null
    # asadmin separates properties with ':' (escaped as '\:' inside values).
    $asadmin create-system-properties "smart.secrets.key=$key:smart.api.base=$(escape "$public/api"):smart.ui.base=$(escape "$public")" >/dev/null
    # Restarts the domain when it adds the driver, which also applies the data grid settings.
    scripts/payara-postgresql.sh "$home" $((first + 2)) "$dir/downloads/postgresql.jar" 127.0.0.1 "$pg_port" smart smart
    $asadmin stop-domain domain1 >/dev/null
    touch "$dir/node$n/configured"
  fi
  if ! $asadmin list-domains 2>/dev/null | grep -q "domain1 running"; then
    $asadmin start-domain domain1 >/dev/null
  fi
  # (Re)deploys when the EAR is newer than the node's last deployment.
  if [ ! -f "$dir/node$n/deployed" ] || [ "$ear" -nt "$dir/node$n/deployed" ] \
      || [ "$(cat "$dir/node$n/deployed")" != "availabilityenabled=$replication" ]; then
    $asadmin deploy --force=true --availabilityenabled="$replication" --name smart "$ear" >/dev/null
    echo "availabilityenabled=$replication" > "$dir/node$n/deployed"
  fi
  echo "node$n: http://localhost:$first (admin port $((first + 2))), $(basename "$ear") deployed"
done

# The public address: HAProxy.
if ! command -v haproxy >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy >/dev/null
fi
cat > "$dir/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 120s
    timeout server 120s
    option redispatch
    retries 2
frontend smart
    bind 127.0.0.1:$lb_port
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /api/manifest
    cookie SMARTNODE insert indirect nocache
    server node1 127.0.0.1:$((base + 10)) check inter 5s fall 2 rise 2 cookie node1
    server node2 127.0.0.1:$((base + 30)) check inter 5s fall 2 rise 2 cookie node2
CFG
[ ! -f "$dir/haproxy.pid" ] || kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
haproxy -D -p "$dir/haproxy.pid" -f "$dir/haproxy.cfg"
echo "SMART Container EE cluster: $public (node1 :$((base + 10)), node2 :$((base + 30)), PostgreSQL :$pg_port)"
