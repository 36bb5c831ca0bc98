#!/usr/bin/env bash
# REST API benchmark: requests per second for GET of a layer and for creating then deleting a
# workspace, with 10,000 layers in the catalog (in one JVM: the servlet in an embedded Jetty over
# loopback HTTP, an in-memory catalog, no JAAS login per request). Prints a table.
# Usage: bench/rest.sh [layers] [seconds per measure]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
classpath=$(bench_classpath bundles/rest)
# Measures with 1 client, then with 4.
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" org.geoserver.cluster.rest.internal.RestBenchmark "${1:-10000}" "${2:-10}" 4
