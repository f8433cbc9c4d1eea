#!/bin/sh
# The in-process API benchmark (JMH, bench/README.md): query + serialization per call and representation, and
# the cost of verifying an OAuth signature. Extra arguments go to JMH (e.g. -p representation=TURTLE, -f 0).
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.openjdk.jmh.Main "InProcessApiBenchmark|OAuthVerificationBenchmark|AuditJournalBenchmark" "$@"
