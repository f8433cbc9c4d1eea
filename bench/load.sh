#!/bin/sh
# Load on the SMART API of the server started by ./mvnw -Prun package (loopback only), see README.md.
# Without --path options it measures demographics, a typical patient's medications and the largest
# lab-results list of the generated sample patients. Extra arguments go to the driver.
set -e
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" org.smartcontainer.bench.ApiLoadDriver "$@"
