#!/usr/bin/env bash
# The FOCUS job benchmark (dev.convergence.flink.bench.FocusJobBenchmark): Flink heap/RocksDB ×
# streaming/batch and DuckDB SQL on generated AWS CUR data. Arguments: row counts, default 1000000.
# Generated data and outputs go under gke-taskmanager/target/focus-bench (tens of GB for 10M rows).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl gke-taskmanager -am install -DskipTests -DskipITs -Dspotless.check.skip >/dev/null
mvn -B -q -pl gke-taskmanager test-compile exec:exec \
  -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="-Xmx1g -Dbench.dir=target/focus-bench -cp %classpath dev.convergence.flink.bench.FocusJobBenchmark $*"
