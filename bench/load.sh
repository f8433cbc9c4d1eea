#!/bin/sh
# The API load benchmark (bench/README.md): OAuth-signed, HTTP Basic and static-file floor side by side, at 1, 8
# and 32 clients, against the server started by ./mvnw -Prun package (loopback only). Extra arguments go to the
# driver (--seconds N, --clients 1,8,32, --record ID, --calls demographics,medications/,lab_results/, --modes ...).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.smartcontainer.bench.ApiLoadDriver "$@"
