#!/bin/sh
# Runs the record store benchmark (see README.md). Extra arguments go to the benchmark, e.g.
#   bench/run.sh --patients 1000
#   bench/run.sh --backend sparql --fuseki-port 49500   # the remote SPARQL store on Apache Jena Fuseki
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
    org.smartcontainer.bench.RecordStoreBenchmark --shared "$(pwd)/../shared" \
    --fuseki-jar "$(pwd)/bench/target/fuseki/fuseki-server.jar" "$@"
