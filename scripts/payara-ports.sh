#!/bin/sh
# Moves every port of an unpacked Payara Server domain by a fixed offset, so that a test server never
# collides with a developer's server on the default ports (8080, 4848, ...) or with another test run.
# Usage: payara-ports.sh <domain.xml> <offset> [jvm-options]
#   e.g. offset 10000: 8080 -> 18080, 4848 -> 14848
# jvm-options (optional, separated by spaces) are added to the server's JVM options, e.g. the test
# servers' "-XX:TieredStopAtLevel=1 -Xmx1g" (smart-it/pom.xml, it.server.jvm-options).
# The domain.xml as unpacked is kept beside it (domain.xml.unpacked), so running this again with
# another offset or other options starts from the original.
set -eu
domain_xml=$1
offset=$2
jvm_options=${3:-}
[ -f "$domain_xml" ] || { echo "payara-ports.sh: no such file: $domain_xml" >&2; exit 2; }
original="$domain_xml.unpacked"
[ -f "$original" ] || cp "$domain_xml" "$original"
expr=""
for port in 8080 8181 4848 8686 3700 3820 3920 7676 9009 6666 4900 5900; do
  new=$((port + offset))
  expr="$expr -e s/\"$port\"/\"$new\"/g -e s/address=$port\"/address=$new\"/g -e s/port=$port</port=$new</g"
done
# An -Xmx option replaces the domain's (-Xmx512m); any other goes after "-server" (in the server's and the
# default configuration).
for option in $jvm_options; do
  case $option in
    *[!A-Za-z0-9=:.+_-]*) echo "payara-ports.sh: unsupported JVM option: $option" >&2; exit 2 ;;
    -Xmx*) expr="$expr -e s|<jvm-options>-Xmx[0-9]*[kKmMgG]*</jvm-options>|<jvm-options>$option</jvm-options>|" ;;
    *) expr="$expr -e s|<jvm-options>-server</jvm-options>|&<jvm-options>$option</jvm-options>|" ;;
  esac
done
# shellcheck disable=SC2086
sed $expr "$original" > "$domain_xml"
