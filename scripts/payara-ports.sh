#!/bin/sh
# Moves every port of a freshly unpacked Payara Server domain by a fixed offset, so that a test
# server never collides with a developer's server on the default ports (8080, 4848, ...).
# Usage: payara-ports.sh <domain.xml> <offset>     e.g. offset 10000: 8080 -> 18080, 4848 -> 14848
set -eu
domain_xml=$1
offset=$2
[ -f "$domain_xml" ] || { echo "payara-ports.sh: no such file: $domain_xml" >&2; exit 2; }
if grep -q "smart-ports-offset" "$domain_xml"; then
  exit 0 # already moved
fi
expr=""
for port in 8080 8181 4848 8686 3700 3820 3920 7676 9009 6666 4900 5900; do
  new=$((port + offset))
  expr="$expr -e s/\"$port\"/\"$new\"/g -e s/address=$port\"/address=$new\"/g -e s/port=$port</port=$new</g"
done
# shellcheck disable=SC2086
sed -i $expr "$domain_xml"
sed -i "s|<domain |<!-- smart-ports-offset $offset --><domain |" "$domain_xml"
