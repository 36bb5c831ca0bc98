#!/bin/sh
# Cluster benchmark: two nodes of the built distribution on this machine. Prints a table with
# p50/p95/p99 of the raw JMS floor and of REST-to-REST propagation, with the targets.
# Usage: bench/cluster.sh [samples]   (run "mvn -B install -DskipTests" first)
set -eu
cd "$(dirname "$0")/.."
mvn -B -o -q verify -pl itests -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.samples="${1:-1000}" \
  -Dsurefire.printSummary=false 2>&1 | sed -n '/^| measure/,/^$/p'
