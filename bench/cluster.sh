#!/usr/bin/env bash
# Cluster benchmark: nodes of the built distribution on this machine. Prints the tables of issue 8:
# raw JMS floor and REST-to-REST propagation (p50/p95/p99), apply throughput with and without
# persistence against raw JMS, catch-up after a kill, hot swap of the transport, local REST writes by
# 1, 4 and 16 clients, reads during writes, a 10,000-layer import until b is identical, and start-up and
# full resync on a 10,000-layer data directory, each with its target.
# Usage: bench/cluster.sh [samples [burst]]   (run "mvn -B install -DskipTests" first)
# BENCH_PARTS=latency,throughput,catchup,hotswap,writes,reads,import,large (the default: all) picks measures;
# BENCH_PROFILE=dir records nodes a and b during propagation, b applying each backlog, and a taking
# local writes, with Java Flight Recorder into dir.
# Maven's whole output goes to itests/target/bench-cluster.log; the terminal gets the tables (each
# after an empty line) and Maven's errors, and the exit status is non-zero when no table was printed.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
large=bundles/datadir/target/bench-data/100x100
if [ ! -d "$large" ]; then
  classpath=$(bench_classpath bundles/datadir)
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
    org.geoserver.cluster.datadir.bench.DataDirectoryBenchmark generate 100x100 "$large" >&2
fi
log=itests/target/bench-cluster.log
mkdir -p itests/target
if ! mvn -B verify -pl itests -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.samples="${1:-1000}" \
    -Dbench.burst="${2:-10000}" -Dbench.largeDataDirectory="$PWD/$large" \
    -Dbench.parts="${BENCH_PARTS:-latency,throughput,catchup,hotswap,writes,reads,import,large}" -Dbench.profile="${BENCH_PROFILE:-}" 2>&1 \
    | tee "$log" | sed -n -e 's/\x1b\[[0-9;]*m//g' -e '/^| measure/{x;p;x;}' -e '/^|/p' -e '/^\[ERROR\]/p'; then
  echo "bench/cluster.sh: the benchmark failed (errors above; Maven's whole output: $log)" >&2
  exit 1
fi
if ! grep -q '^| measure' "$log"; then
  echo "bench/cluster.sh: Maven printed no table (Maven's whole output: $log)" >&2
  exit 1
fi
