#!/bin/sh
# Production settings of a Payara Server domain's HTTP listeners (docs/operations.md, "HTTP listener
# settings"): a worker pool sized for 32 concurrent clients instead of Payara's 5 threads, bounded request
# lines, headers, parameters and bodies, timeouts, and no HTTP/2 cleartext upgrade (h2c) on the plain HTTP
# listener (Grizzly's h2c code kept every upgraded stream alive; a client that offers h2c gets HTTP/1.1
# answers, the application's edge filter bounds such a request's body; docs/operations.md section 12).
# The run command applies them to its server (scripts/run.sh), the integration tests to theirs
# (smart-it/pom.xml); an administrator runs it once against any domain.
#
# Usage: production-listener.sh <asadmin> [asadmin options, e.g. --port 4848]
#          with asadmin set on domain1, which is started for the commands and stopped again if it is not
#          running; the settings take effect at once on a running server (the listeners are reconfigured).
#        production-listener.sh --domain-xml <domain.xml>
#          writes the same settings into the domain.xml of a stopped domain (the test servers: no start).
# Idempotent: only values that differ are set; prints what changed.
set -eu
[ $# -ge 1 ] || { echo "usage: production-listener.sh <asadmin> [asadmin options] | --domain-xml <file>" >&2; exit 2; }

# <element> <attribute> <value>; element "pool" is the HTTP worker pool (http-thread-pool, shared by both
# listeners), "http-listener-N" the <http> settings of that listener's protocol.
settings="
pool max-thread-pool-size 64
pool min-thread-pool-size 16
pool max-queue-size 1024
pool idle-thread-timeout-seconds 300
http-listener-1 http2-enabled false"
for protocol in http-listener-1 http-listener-2; do
  settings="$settings
$protocol header-buffer-length-bytes 16384
$protocol max-request-headers 64
$protocol max-request-parameters 1000
$protocol max-post-size-bytes 33554432
$protocol max-form-post-size-bytes 2097152
$protocol timeout-seconds 30
$protocol request-timeout-seconds 600
$protocol connection-upload-timeout-millis 60000
$protocol upload-timeout-enabled true
$protocol trace-enabled false"
done

if [ "$1" = --domain-xml ]; then
  domain_xml=$2
  [ -f "$domain_xml" ] || { echo "production-listener.sh: no such file: $domain_xml" >&2; exit 2; }
  # Every attribute is removed and written again, in the server's and in the default configuration. The
  # <http> element is the line after its <protocol name="...">, as Payara writes domain.xml.
  printf '%s\n' "$settings" | while read -r element attribute value; do
    [ -n "$element" ] || continue
    case $element in
      pool) expr="/<thread-pool name=\"http-thread-pool\"/{s/ $attribute=\"[^\"]*\"//;s/<thread-pool name=\"http-thread-pool\"/& $attribute=\"$value\"/;}" ;;
      *) expr="/<protocol [^>]*name=\"$element\"/{n;s/ $attribute=\"[^\"]*\"//;s/<http /<http $attribute=\"$value\" /;}" ;;
    esac
    sed "$expr" "$domain_xml" > "$domain_xml.tmp" && mv "$domain_xml.tmp" "$domain_xml"
  done
  echo "production-listener.sh: HTTP listener settings written into $domain_xml"
  exit 0
fi

config=configs.config.server-config
dotted() { # element attribute -> asadmin dotted name
  case $1 in
    pool) echo "$config.thread-pools.thread-pool.http-thread-pool.$2" ;;
    *) echo "$config.network-config.protocols.protocol.$1.http.$2" ;;
  esac
}

started=""
if ! "$@" list-domains 2>/dev/null | grep -q "^domain1 running"; then
  "$@" start-domain domain1 >/dev/null
  started=yes
fi
trap '[ -z "$started" ] || "$@" stop-domain domain1 >/dev/null' EXIT

current=$("$@" get "$(dotted pool '*')"; "$@" get "$config.network-config.protocols.protocol.*")
changes=$(printf '%s\n' "$settings" | while read -r element attribute value; do
  [ -n "$element" ] || continue
  setting="$(dotted "$element" "$attribute")=$value"
  printf '%s\n' "$current" | grep -qxF "$setting" || printf ' %s' "$setting"
done)
if [ -z "$changes" ]; then
  echo "production-listener.sh: the HTTP listener settings are in place"
else
  # shellcheck disable=SC2086
  "$@" set $changes >/dev/null
  echo "production-listener.sh: set$changes" | sed "s/ $config\./\n  /g"
fi
