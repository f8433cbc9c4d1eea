# Sourced by the benchmarks that run a Payara Server of their own (connect.sh, store.sh), with $dir (where the
# server goes) and $offset (the port offset) set: the server's ports and paths, and what scripts/run.sh reads.
http_port=$((8080 + offset))
admin_port=$((4848 + offset))
payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
payara_zip=$repo/fish/payara/distributions/payara/$payara_version/payara-$payara_version.zip
home=$dir/payara6
domain=$home/glassfish/domains/domain1
export SMART_PAYARA_HOME="$home" SMART_ADMIN_PORT="$admin_port" SMART_HTTP_PORT="$http_port"

# Deletes $dir and unpacks Payara Server from the Maven repository into it anew.
unpack_server() {
  rm -rf "$dir"
  mkdir -p "$dir"
  [ -f "$payara_zip" ] || { echo "$0: no $payara_zip (run ./mvnw -Prun package once, or mvn dependency:get)" >&2; exit 1; }
  unzip -q "$payara_zip" -d "$dir"
}
