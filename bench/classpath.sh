#!/bin/sh
# Sourced by the benchmark scripts: builds a module (tests compiled, not run) and prints the class
# path of its main and test classes with their dependencies, for running a benchmark main class.
# Usage: . bench/classpath.sh; classpath=$(bench_classpath bundles/datadir)
bench_classpath() {
  module=$1
  mvn -B -o -q install -pl "$module" -DskipTests >&2
  mvn -B -o -q dependency:build-classpath -pl "$module" -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
  echo "$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench.classpath")"
}
