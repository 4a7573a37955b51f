#!/usr/bin/env bash
# Load-tests the console's store and search: 1,000,000 synthetic alerts across 20 schools, then the DSL's inbox
# and text queries (p50/p95) and the ingest rate, for H2 + Lucene, PostgreSQL + Lucene and PostgreSQL
# full-text search side by side, each beside the previous release's inbox query shape as the baseline.
# Starts its own PostgreSQL (Debian's postgresql package) on a free loopback port unless VIGIL_BENCH_PG_URL is set.
# Usage: [ALERTS=n] [ITERATIONS=n] [BACKENDS=h2,pg,pgfts] bench/console-inbox.sh     (about 15-25 min for 1M)
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
select_jdk

./mvnw -B -q -pl console -am test-compile -DskipTests
./mvnw -B -q -pl console dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
cp="console/target/test-classes:console/target/classes:$(cat console/target/bench.cp)"

work=console/target/bench
rm -rf "$work" && mkdir -p "$work"
pg_args=()
if [[ "${BACKENDS:-h2,pg,pgfts}" == *pg* ]]; then
  if [ -n "${VIGIL_BENCH_PG_URL:-}" ]; then
    pg_args=(--pg-url "$VIGIL_BENCH_PG_URL")
  else
    pg_url=$(bench/lib/postgres.sh start "$work/pg")
    trap 'bench/lib/postgres.sh stop "$work/pg"' EXIT
    pg_args=(--pg-url "$pg_url" --pg-user vigil --pg-password bench)
  fi
fi

"$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC -cp "$cp" io.vigil.console.bench.ConsoleLoadBenchmark \
  --alerts "${ALERTS:-1000000}" --schools "${SCHOOLS:-20}" --iterations "${ITERATIONS:-200}" \
  --ingest-sample "${INGEST_SAMPLE:-20000}" \
  --backends "${BACKENDS:-h2,pg,pgfts}" --work "$work" "${pg_args[@]}" | tee "$work/results.md"
