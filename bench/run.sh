#!/bin/sh
# Runs the record store benchmark (see README.md). Extra arguments go to the benchmark, e.g.
#   bench/run.sh --generated 10000
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
    org.smartcontainer.bench.RecordStoreBenchmark --shared "$(pwd)/../shared" "$@"
