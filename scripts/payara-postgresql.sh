#!/bin/sh
# Points SMART Container EE on a Payara Server domain at a PostgreSQL database: the JDBC driver in the
# domain's lib/, a connection pool "SmartPostgresPool", a JDBC resource "jdbc/smart" and the system
# property smart.datasource=jdbc/smart, which the persistence unit reads (docs/operations.md).
# Starts the domain for the asadmin commands if it is not running, and then stops it again.
# Usage: payara-postgresql.sh <payara-home> <admin-port> <jdbc-driver.jar> <host> <port> <database> <user> [password]
# Idempotent: what exists already is left as it is. The password (default: the user name) goes into the
# pool's properties; on a production server use a password alias instead (docs/operations.md).
set -eu
home=$1; admin_port=$2; driver=$3; host=$4; port=$5; database=$6; user=$7; password=${8:-$7}
asadmin="$home/bin/asadmin --port $admin_port"
domain_lib="$home/glassfish/domains/domain1/lib"

[ -f "$driver" ] || { echo "payara-postgresql.sh: no JDBC driver at $driver" >&2; exit 2; }
# A jar in the domain's lib/ is on the server's class path from the next start on (asadmin add-library
# does the same); a running server is restarted to load it.
mkdir -p "$domain_lib"
new_driver=""
cmp -s "$driver" "$domain_lib/$(basename "$driver")" || new_driver=yes
cp "$driver" "$domain_lib/"

started=""
if ! $asadmin list-domains 2>/dev/null | grep -q "domain1 running"; then
  $asadmin start-domain domain1 >/dev/null
  started=yes
elif [ -n "$new_driver" ]; then
  $asadmin restart-domain domain1 >/dev/null
fi
if ! $asadmin list-jdbc-connection-pools | grep -qx SmartPostgresPool; then
  $asadmin create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 32 \
    --isconnectvalidatereq=true --validationmethod auto-commit --failconnection=true \
    --property "serverName=$host:portNumber=$port:databaseName=$database:user=$user:password=$password" \
    SmartPostgresPool >/dev/null
fi
if ! $asadmin list-jdbc-resources | grep -qx jdbc/smart; then
  $asadmin create-jdbc-resource --connectionpoolid SmartPostgresPool jdbc/smart >/dev/null
fi
$asadmin create-system-properties smart.datasource=jdbc/smart >/dev/null
$asadmin ping-connection-pool SmartPostgresPool
if [ -n "$started" ]; then
  $asadmin stop-domain domain1 >/dev/null
fi
echo "Payara in $home uses PostgreSQL $host:$port/$database through jdbc/smart"
