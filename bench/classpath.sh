#!/usr/bin/env bash
# Sourced by the benchmark scripts. Maven runs online, as the README's build command does: what a
# benchmark needs that the build never resolved is fetched, and nothing is when everything is there.
# Usage: . bench/classpath.sh; classpath=$(bench_classpath bundles/datadir)

# Compiles a module's main and test classes and prints their class path with their dependencies,
# for running a benchmark main class; on failure, Maven's errors are on stderr and it returns 1.
bench_classpath() {
  local module=$1
  if ! mvn -B -q test-compile dependency:build-classpath -pl "$module" -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench.classpath >&2; then
    echo "bench: cannot build $module and its class path (Maven's errors above)" >&2
    return 1
  fi
  echo "$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench.classpath")"
}
