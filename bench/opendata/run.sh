#!/bin/sh
# Runs the open-data benchmark offline (see README.md); extra -D options go after the script's name, e.g.
#   bench/opendata/run.sh -Dbench.rows=200000
set -e
cd "$(dirname "$0")/../.."
./mvnw -B -o -q test-compile
./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP=target/test-classes:target/classes:$(cat target/cp.txt)
mkdir -p target/bench-classes
# -proc:none: Spring Modulith's annotation processor would rewrite target/generated-spring-modulith otherwise.
javac -proc:none -d target/bench-classes -cp "$CP" bench/opendata/java/gongkai/bench/OpenDataBenchmark.java
exec java -Xmx${BENCH_XMX:-256m} "$@" -cp "target/bench-classes:$CP" gongkai.bench.OpenDataBenchmark
