#!/usr/bin/env bash
# Benchmarks the Vigil keyword matcher against java.util.regex and org.ahocorasick on ~2 MB of
# deterministic mixed text with the full shipped lists. Builds the `bench` profile of keyword-lists
# (the default build is unaffected) and runs JMH with short settings: about 2-3 minutes on 2 cores.
# Usage: [WARMUPS=n] [ITERATIONS=n] bench/keywords.sh [extra JMH args, e.g. a benchmark name regex]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64

./mvnw -B -q -Pbench package -DskipTests -pl keyword-lists

out=keyword-lists/target/bench
# More iterations give tighter error bounds on a noisy VM: WARMUPS=5 ITERATIONS=8 bench/keywords.sh
"$JAVA_HOME/bin/java" -jar "$out/vigil-benchmarks.jar" \
  -f 1 -wi "${WARMUPS:-3}" -w 3s -i "${ITERATIONS:-3}" -r 3s -t 1 \
  -jvmArgs "-Xmx1g -XX:ActiveProcessorCount=2" \
  -rf csv -rff "$out/results.csv" "$@"

# One operation = one pass over the text (MatcherBenchmark.TEXT_BYTES = 2,000,000 bytes).
echo
echo "Throughput on 2.0 MB of mixed text (one scan call per line):"
awk -F, 'NR > 1 {
  gsub(/"/, "", $1); name = $1; sub(/.*\./, "", name)
  mbs[name] = $5 * 2.0; err[name] = $6 * 2.0; order[++n] = name
} END {
  for (i = 1; i <= n; i++) printf "  %-20s %8.2f MB/s  (99.9%% CI +- %.2f)\n", order[i], mbs[order[i]], err[order[i]]
  if (mbs["regexAlternation"] > 0)
    printf "  vigilScan / regexAlternation = %.1fx\n", mbs["vigilScan"] / mbs["regexAlternation"]
}' "$out/results.csv"
