#!/usr/bin/env bash
# Data directory benchmark. For each size W x L (W workspaces of L layers, default 100x100 = 10,000
# layers and 1000x100 = 100,000 layers) it generates a data directory once (kept under
# bundles/datadir/target/bench-data/), flushes it to disk, then in a fresh JVM loads it as a node
# starts and times catalog changes written through the persister. Prints a Markdown table.
# Usage: bench/datadir.sh [WxL ...]
# Targets (2 cores): 10,000 layers load in < 2 s with < 300 MB heap; 100,000 layers in < 15 s.
set -euo pipefail
cd "$(dirname "$0")/.."
module=bundles/datadir
. bench/classpath.sh
classpath=$(bench_classpath "$module")
main=org.geoserver.cluster.datadir.bench.DataDirectoryBenchmark
# The components log at INFO through slf4j-simple; keep the table readable.
quiet=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn
[ $# -gt 0 ] || set -- 100x100 1000x100
header=--header
for size in "$@"; do
  data="$module/target/bench-data/$size"
  java $quiet -cp "$classpath" "$main" generate "$size" "$data" >&2
  sync
  layers=$(( ${size%x*} * ${size#*x} ))
  # The 10,000-layer target is "under 300 MB of heap": give such runs no more, so that a miss fails loudly.
  if [ "$layers" -le 10000 ]; then heap=-Xmx300m; else heap=-Xmx4g; fi
  java "$heap" $quiet -cp "$classpath" "$main" measure "$size" "$data" $header
  header=
done
