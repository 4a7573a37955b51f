#!/usr/bin/env bash
# Load-tests agent ingest end to end: N simulated agents over real TLS on loopback against a real `serve`
# (embedded H2 in a fresh data directory), each enrolling, opening its session with Hello, sending heartbeats
# and alerts with the agent's in-flight window of 100. Runs the same scenarios against a baseline console built
# from BASELINE_REF (default: main) and against this tree, side by side, and prints Markdown rows:
#   steady N=1,000 and N=5,000, and the 8:45 storm (5,000 agents reconnecting within 60 s, 20 spooled alerts each,
#   /api/health polled every 250 ms throughout), then checks each data directory holds every alert exactly once.
# QUIET=N keeps the agents connected N seconds after the last Ack and reports the data file's size then, to show
# whether the disk a burst took is given back.
# flood:N:K measures ingest capacity: all N sessions are held first, then every agent sends its K alerts at once.
# CONSOLE_CPUS and GENERATOR_CPUS (taskset lists, e.g. 1 and 0) pin each process to its own cores, so alerts/s
# then measures what the console does with that many cores rather than what it shares with the generator.
# DB=postgres runs the console on a throwaway PostgreSQL server (bench/lib/postgres.sh, one database per run)
# instead of embedded H2; the server shares the same cores.
# Usage: [SCENARIOS="steady:1000:20 steady:5000:2 storm:5000:20 flood:1000:100"] [TIMEOUT=600]
#        [VARIANTS="baseline new"] [QUIET=120] [DB=h2|postgres] bench/agent-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
select_jdk

work=console/target/agent-load
mkdir -p "$work"
./mvnw -B -q -o -pl console package -DskipTests
./mvnw -B -q -o -pl console test-compile
./mvnw -B -q -o -pl console dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
# The generator runs from a copy, so rebuilding the tree during a run cannot change it mid-way.
rm -rf "$work/generator" && mkdir -p "$work/generator"
cp -r console/target/test-classes console/target/classes "$work/generator/"
cp="$work/generator/test-classes:$work/generator/classes:$(cat console/target/bench.cp)"
# A copy of the jar with its lib/ beside it (the manifest's Class-Path is relative), safe from later builds.
rm -rf "$work/new" && mkdir -p "$work/new" && cp -r console/target/vigil-console.jar console/target/lib "$work/new/"

if [[ "${VARIANTS:-baseline new}" == *baseline* && ! -f "$work/baseline/vigil-console.jar" ]]; then
  src="$work/baseline-src"
  rm -rf "$src" && mkdir -p "$src"
  git archive "${BASELINE_REF:-main}" | tar -x -C "$src"
  (cd "$src" && ./mvnw -B -q -o -pl console -am package -DskipTests)
  mkdir -p "$work/baseline" && cp -r "$src/console/target/vigil-console.jar" "$src/console/target/lib" "$work/baseline/"
fi

# CONSOLE_JAVA_OPTS adds flags to the console (e.g. a JFR recording: -XX:StartFlightRecording=filename=...).
console_java=(${CONSOLE_CPUS:+taskset -c "$CONSOLE_CPUS"} "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseG1GC
  ${CONSOLE_JAVA_OPTS:-})
generator_java=(${GENERATOR_CPUS:+taskset -c "$GENERATOR_CPUS"} "$JAVA_HOME/bin/java" -Xmx1500m)

db_args=() pid=
# A failed generator must leave neither the console nor the PostgreSQL server running.
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  [[ "${DB:-h2}" == postgres ]] && bench/lib/postgres.sh stop "$work/pg"
  true
}
trap cleanup EXIT
if [[ "${DB:-h2}" == postgres ]]; then
  rm -rf "$work/pg"
  pg_url=$(bench/lib/postgres.sh start "$work/pg")
  export VIGIL_DB_USER=vigil VIGIL_DB_PASSWORD=unused-trust-auth-on-loopback
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=$(grep -o ':[0-9]*/' <<<"$pg_url" | tr -d :/)
fi

# CPU seconds used so far by the PostgreSQL server's processes (its backends live as long as the console's pool).
pg_cpu() {
  if [[ "${DB:-h2}" == postgres ]]; then ps -u postgres -o cputimes= | awk '{s += $1} END {print s + 0}'; else echo 0; fi
}

# Scenario by scenario, baseline then new, so both see the same machine load.
for scenario in ${SCENARIOS:-steady:1000:20 steady:5000:2 storm:5000:20}; do
  for variant in ${VARIANTS:-baseline new}; do
    IFS=: read -r mode agents alerts <<<"$scenario"
    data="$work/$variant-$mode-$agents${DB:+-$DB}"
    rm -rf "$data" && mkdir -p "$data"
    jar="$work/$variant/vigil-console.jar"
    if [[ "${DB:-h2}" == postgres ]]; then
      dbname="load_${variant}_${mode}_${agents}"
      "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U vigil -d postgres -c "drop database if exists $dbname" \
        -c "create database $dbname"
      db_args=(--db "${pg_url%/*}/$dbname")
    fi
    "$JAVA_HOME/bin/java" -jar "$jar" trust add --data "$data" "${db_args[@]}" --name "Load Trust" >/dev/null
    "$JAVA_HOME/bin/java" -jar "$jar" school add --data "$data" "${db_args[@]}" --name "Load School" \
      --trust "Load Trust" >/dev/null
    "$JAVA_HOME/bin/java" -jar "$jar" token create --data "$data" "${db_args[@]}" --school "Load School" >"$data/token"
    "${console_java[@]}" -jar "$jar" serve --data "$data" "${db_args[@]}" --bind 127.0.0.1 --http-port 0 --grpc-port 0 \
      >"$data/serve.out" 2>"$data/serve.err" &
    pid=$!
    for _ in $(seq 600); do grep -q "Vigil console ready" "$data/serve.out" && break; sleep 0.1; done
    grpc=$(grep -o 'Agent gRPC: 127.0.0.1:[0-9]*' "$data/serve.out" | grep -o '[0-9]*$')
    http=$(grep -o 'Console web: https://127.0.0.1:[0-9]*' "$data/serve.out" | grep -o '[0-9]*$')
    pg_cpu_before=$(pg_cpu)
    "${generator_java[@]}" -cp "$cp" io.vigil.console.bench.AgentLoadGenerator --label "$variant" \
      --mode "$mode" --agents "$agents" --alerts "$alerts" --grpc-port "$grpc" --http-port "$http" \
      --cert "$data/console-cert.pem" --token-file "$data/token" --console-pid "$pid" \
      --timeout-seconds "${TIMEOUT:-600}" --data-file "$data/console.mv.db" --quiet-seconds "${QUIET:-0}" \
      2>"$data/generator.err" | tee -a "$work/results.md"
    grep -h "CPU over the run" "$data/generator.err" | sed "s/^/  $variant $scenario: /" | tee -a "$work/results.md" || true
    pg_cpu_after=$(pg_cpu) # before the console stops and its database connections' processes with it
    kill "$pid"; wait "$pid" || true
    if [[ "${DB:-h2}" == postgres ]]; then
      echo "  $variant $scenario: PostgreSQL server CPU during the run $(( pg_cpu_after - pg_cpu_before )) s" \
        | tee -a "$work/results.md"
      echo "  $variant $scenario (PostgreSQL): $("$pg_bin/psql" -At -h 127.0.0.1 -p "$pg_port" -U vigil -d "$dbname" \
        -c "select 'stored ' || count(*) || ' alerts, ' || count(distinct uuid) || ' distinct uuids; database '
                   || pg_size_pretty(pg_database_size(current_database())) from alerts")" | tee -a "$work/results.md"
    else
      echo "  $variant $scenario: data file $(stat -c %s "$data/console.mv.db") bytes; $("$JAVA_HOME/bin/java" \
        -cp "$cp" io.vigil.console.bench.StoredAlertCount "$data" 2>/dev/null)" | tee -a "$work/results.md"
    fi
  done
done
